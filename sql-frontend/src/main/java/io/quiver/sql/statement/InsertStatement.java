package io.quiver.sql.statement;

import java.util.List;
import org.apache.calcite.sql.SqlNode;

/**
 * {@code INSERT INTO [[catalog.]schema.]table [(column, ...)] query}, where the query is
 * {@code VALUES (...), ...} or any SELECT, or null for {@code INSERT INTO table DEFAULT VALUES}.
 *
 * @param columns the target columns as written (unquoted ones folded to lower case); empty for
 *     every column of the table in order
 */
public record InsertStatement(ObjectName name, List<String> columns, SqlNode query) implements Statement {

  public InsertStatement {
    columns = List.copyOf(columns);
  }
}
