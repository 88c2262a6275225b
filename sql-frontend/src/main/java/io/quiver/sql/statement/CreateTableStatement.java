package io.quiver.sql.statement;

import java.util.List;
import java.util.Map;

/**
 * {@code CREATE TABLE [IF NOT EXISTS] name (column type [NOT NULL], ...)}, an empty in-memory table,
 * or {@code CREATE TABLE [IF NOT EXISTS] name [(columns)] WITH (format = '...', location = '...',
 * ...)}, a table over files.
 *
 * @param columns the declared columns; may be empty only for a file table (its files say)
 * @param properties the WITH properties, keys in lower case; empty for an in-memory table
 */
public record CreateTableStatement(ObjectName name, boolean ifNotExists, List<ColumnDefinition> columns,
    Map<String, String> properties) implements Statement {

  public CreateTableStatement {
    columns = List.copyOf(columns);
    properties = Map.copyOf(properties);
  }
}
