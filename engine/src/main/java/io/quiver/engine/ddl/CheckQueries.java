package io.quiver.engine.ddl;

import io.quiver.engine.connector.memory.CheckRule;
import io.quiver.exec.task.ResultSink;
import java.util.List;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * How INSERT, UPDATE and MERGE evaluate a table's CHECK constraints: in the same distributed query
 * that computes the rows to store, as {@code SELECT t.*, (condition) IS FALSE, ... FROM (query) AS
 * t}, so the conditions are vectorized expressions like any other; {@link CheckConstraintSink}
 * reads the flags. The conditions are parsed from their stored text for each statement.
 */
final class CheckQueries {

  private CheckQueries() {
  }

  /**
   * The query with a violation flag per check appended to its columns; the query itself if there
   * are no checks.
   *
   * @param table the table's name, the alias under which the conditions see its columns
   */
  static SqlNode withFlags(SqlNode query, List<CheckRule> checks, String table) {
    if (checks.isEmpty()) {
      return query;
    }
    SqlNodeList items = SqlNodeList.of(QueryNodes.star(table));
    int i = 0;
    for (CheckRule check : checks) {
      SqlNode violated = SqlStdOperatorTable.IS_FALSE.createCall(SqlParserPos.ZERO, DeclaredRules.parse(check.condition()));
      items.add(QueryNodes.as(violated, "quiver_check_" + i++));
    }
    return QueryNodes.select(items, QueryNodes.derivedTable(query, table, List.of()), null);
  }

  /** The sink that checks the flags, or {@code target} if there are no checks. */
  static ResultSink sink(ResultSink target, List<CheckRule> checks, String qualified, List<String> columnNames) {
    return checks.isEmpty() ? target : new CheckConstraintSink(target, checks, qualified, columnNames);
  }
}
