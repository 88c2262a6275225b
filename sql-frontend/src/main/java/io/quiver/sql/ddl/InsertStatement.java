package io.quiver.sql.ddl;

import java.util.List;

/**
 * {@code INSERT INTO [[catalog.]schema.]table [(column, ...)] query}, where the query is
 * {@code VALUES (...), ...} or any SELECT.
 *
 * @param columns the target columns as written (unquoted ones folded to lower case); empty for
 *     every column of the table in order
 * @param query the statement text with everything before the query replaced by spaces (positions
 *     kept, as in {@link CreateTableAsStatement#query})
 */
public record InsertStatement(ObjectName name, List<String> columns, String query) implements DdlStatement {

  public InsertStatement {
    columns = List.copyOf(columns);
  }
}
