package io.quiver.engine.ddl;

import io.quiver.exec.type.Column;
import io.quiver.exec.type.DataType;
import io.quiver.exec.type.RowSchema;
import io.quiver.sql.statement.Assignment;
import java.util.List;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * The queries that compute a table's next rows for UPDATE (MERGE's are {@link MergePlan}'s): parse
 * trees around the user's expressions, which keep their positions.
 */
final class RowChangeQueries {

  /** The column of the inner query that says whether a row is updated. */
  static final String HIT = "quiver_hit";
  /** The last column of a change's rows: {@link ChangeKindSink}'s kind. */
  static final String KIND = "quiver_change";

  private RowChangeQueries() {
  }

  /**
   * {@code SELECT CASE WHEN hit THEN CAST(value AS type) ELSE alias.c END AS c, ..., CASE WHEN hit
   * THEN 1 ELSE 0 END FROM (SELECT alias.*, (condition) IS TRUE AS hit FROM table AS alias) AS
   * alias}: every row once, the updated ones changed. The condition is evaluated once per row, and
   * a SET value only for the rows updated (CASE evaluates a branch only for the rows that reach it).
   *
   * @param targetColumns per assignment, its column's index
   * @param valueTypes per assignment, the type its value has (from the probe query)
   * @param condition the WHERE condition, or null for every row
   */
  static SqlNode update(List<String> table, String alias, RowSchema columns, int[] targetColumns,
      List<Assignment> assignments, DataType[] valueTypes, SqlNode condition) {
    SqlNode hit = condition == null ? QueryNodes.literal(true) : QueryNodes.isTrue(condition);
    SqlNode inner = QueryNodes.select(SqlNodeList.of(QueryNodes.star(alias), QueryNodes.as(hit, HIT)),
        QueryNodes.table(table, alias), null);
    SqlNodeList items = new SqlNodeList(SqlParserPos.ZERO);
    for (int c = 0; c < columns.size(); c++) {
      Column column = columns.column(c);
      SqlNode value = QueryNodes.column(alias, column.name());
      for (int a = 0; a < targetColumns.length; a++) {
        if (targetColumns[a] == c) {
          value = QueryNodes.caseWhen(List.of(QueryNodes.column(alias, HIT)),
              List.of(assigned(assignments.get(a).value(), valueTypes[a], column)), value);
        }
      }
      items.add(QueryNodes.as(value, column.name()));
    }
    items.add(QueryNodes.as(QueryNodes.caseWhen(List.of(QueryNodes.column(alias, HIT)),
        List.of(QueryNodes.literal(ChangeKindSink.CHANGED)), QueryNodes.literal(ChangeKindSink.KEPT)), KIND));
    return QueryNodes.select(items, QueryNodes.derivedTable(inner, alias, List.of()), null);
  }

  /** A value as its column stores it: cast unless it already has the column's type (text: see AssignmentRules). */
  static SqlNode assigned(SqlNode value, DataType type, Column column) {
    return AssignmentRules.needsCast(type, column.type()) ? QueryNodes.cast(value, column.type()) : value;
  }
}
