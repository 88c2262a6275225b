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
 * @param keys the PRIMARY KEY and UNIQUE constraints, of columns and of the table, in order
 * @param clauses CHECK and FOREIGN KEY constraints and column defaults
 * @param temporary CREATE TEMP[ORARY] TABLE: the table lives in the session's temporary schema
 */
public record CreateTableStatement(ObjectName name, boolean ifNotExists, List<ColumnDefinition> columns,
    Map<String, String> properties, List<KeyConstraint> keys, TableClauses clauses, boolean temporary)
    implements Statement {

  public CreateTableStatement {
    columns = List.copyOf(columns);
    properties = Map.copyOf(properties);
    keys = List.copyOf(keys);
    clauses = clauses == null ? TableClauses.NONE : clauses;
  }

  /** A permanent table. */
  public CreateTableStatement(ObjectName name, boolean ifNotExists, List<ColumnDefinition> columns,
      Map<String, String> properties, List<KeyConstraint> keys, TableClauses clauses) {
    this(name, ifNotExists, columns, properties, keys, clauses, false);
  }

  /** A table without CHECK, FOREIGN KEY or DEFAULT clauses. */
  public CreateTableStatement(ObjectName name, boolean ifNotExists, List<ColumnDefinition> columns,
      Map<String, String> properties, List<KeyConstraint> keys) {
    this(name, ifNotExists, columns, properties, keys, TableClauses.NONE);
  }

  /** A table without key constraints. */
  public CreateTableStatement(ObjectName name, boolean ifNotExists, List<ColumnDefinition> columns,
      Map<String, String> properties) {
    this(name, ifNotExists, columns, properties, List.of());
  }
}
