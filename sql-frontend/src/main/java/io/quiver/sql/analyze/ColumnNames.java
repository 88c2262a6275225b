package io.quiver.sql.analyze;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWith;

/**
 * Names of result columns the query does not name, as PostgreSQL names them (Calcite would say
 * {@code EXPR$n}):
 *
 * <ul>
 *   <li>a function or aggregate call: the function's name in lower case ({@code count},
 *       {@code sum}, {@code substring}, {@code coalesce}); CASE: {@code case};
 *   <li>a CAST: the name its operand would have; a window function: its function's name;
 *   <li>a column: its name (Calcite already does this);
 *   <li>anything else (operators, literals): {@code ?column?};
 *   <li>a VALUES column: {@code column1}, {@code column2}, ...
 * </ul>
 *
 * Names may repeat ({@code count}, {@code count}), as in PostgreSQL.
 */
public final class ColumnNames {

  /** PostgreSQL's name for an expression it cannot name. */
  public static final String UNNAMED = "?column?";

  private static final Pattern CALCITE_GENERATED = Pattern.compile("EXPR\\$\\d+");

  private ColumnNames() {
  }

  /** The result column names of a validated query whose row type is {@code rowType}. */
  public static List<String> of(SqlNode validatedQuery, RelDataType rowType) {
    List<String> names = new ArrayList<>(rowType.getFieldNames());
    SqlNode body = body(validatedQuery);
    for (int i = 0; i < names.size(); i++) {
      if (!CALCITE_GENERATED.matcher(names.get(i)).matches()) {
        continue;
      }
      if (body instanceof SqlSelect select && select.getSelectList() != null
          && select.getSelectList().size() == names.size()) {
        names.set(i, nameOf(select.getSelectList().get(i)));
      } else if (body != null && body.getKind() == SqlKind.VALUES) {
        names.set(i, "column" + (i + 1));
      } else {
        names.set(i, UNNAMED);
      }
    }
    return names;
  }

  /** The part of a query whose select list names the result: inside ORDER BY, WITH, set operations. */
  private static SqlNode body(SqlNode query) {
    SqlNode node = query;
    while (true) {
      if (node instanceof SqlOrderBy orderBy) {
        node = orderBy.query;
      } else if (node instanceof SqlWith with) {
        node = with.body;
      } else if (node instanceof SqlBasicCall call && (node.getKind() == SqlKind.UNION
          || node.getKind() == SqlKind.INTERSECT || node.getKind() == SqlKind.EXCEPT)) {
        node = call.operand(0);
      } else if (node instanceof SqlNodeList list && list.size() == 1) {
        node = list.get(0);
      } else {
        return node;
      }
    }
  }

  private static String nameOf(SqlNode item) {
    if (item instanceof SqlIdentifier identifier) {
      return identifier.names.get(identifier.names.size() - 1);
    }
    if (!(item instanceof SqlCall call)) {
      return UNNAMED;
    }
    if (call.getKind() == SqlKind.AS) {
      SqlNode alias = call.operand(1);
      String name = alias instanceof SqlIdentifier identifier ? identifier.getSimple() : null;
      return name != null && !CALCITE_GENERATED.matcher(name).matches()
          ? name : nameOf(call.operand(0));
    }
    if (call.getKind() == SqlKind.CAST) {
      return nameOf(call.operand(0));
    }
    // An aggregate's FILTER (WHERE ...) and WITHIN GROUP (ORDER BY ...) keep the aggregate's name; a
    // window function is named by its function: rank() OVER (...) is rank.
    if (call.getKind() == SqlKind.FILTER || call.getKind() == SqlKind.WITHIN_GROUP
        || call.getKind() == SqlKind.OVER || call.getKind() == SqlKind.IGNORE_NULLS
        || call.getKind() == SqlKind.RESPECT_NULLS) {
      return nameOf(call.operand(0));
    }
    if (call.getKind() == SqlKind.CASE) {
      return "case";
    }
    if (call.getOperator() instanceof SqlFunction function) {
      return function.getName().toLowerCase(Locale.ROOT);
    }
    return UNNAMED;
  }
}
