package io.quiver.sql.analyze;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;

/**
 * The functions a query may call, as SHOW FUNCTIONS lists them: every function of the validator's
 * operator table (the planner's function registry), by lower-case name, once per name. The
 * one place that enumerates functions; it follows the operator table wherever that comes from.
 */
public final class FunctionListing {

  /** A function's name and kind: {@code scalar}, {@code aggregate} or {@code window}. */
  public record Function(String name, String kind) {
  }

  private FunctionListing() {
  }

  /** Every function, sorted by name. */
  public static List<Function> functions(SqlOperatorTable operators) {
    TreeMap<String, String> byName = new TreeMap<>();
    for (SqlOperator operator : operators.getOperatorList()) {
      if (!(operator instanceof SqlFunction) || !Character.isLetter(operator.getName().charAt(0))) {
        continue;
      }
      String kind = operator.requiresOver() ? "window" : operator.isAggregator() ? "aggregate" : "scalar";
      byName.merge(operator.getName().toLowerCase(Locale.ROOT), kind, (a, b) -> a.equals("scalar") ? b : a);
    }
    List<Function> functions = new ArrayList<>(byName.size());
    byName.forEach((name, kind) -> functions.add(new Function(name, kind)));
    return functions;
  }
}
