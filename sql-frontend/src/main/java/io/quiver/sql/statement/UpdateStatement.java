package io.quiver.sql.statement;

import java.util.List;
import org.apache.calcite.sql.SqlNode;

/**
 * {@code UPDATE table [[AS] alias] SET column = expression, ... [WHERE condition]}. The expressions
 * and the condition may hold subqueries; they read the table's rows as they were before the
 * statement.
 *
 * @param alias the alias as written, or null
 * @param condition the WHERE condition, or null for every row
 */
public record UpdateStatement(ObjectName name, String alias, List<Assignment> assignments, SqlNode condition)
    implements Statement {

  public UpdateStatement {
    assignments = List.copyOf(assignments);
  }
}
