package io.quiver.sql.statement;

import java.util.List;

/**
 * {@code CREATE [UNIQUE] INDEX [IF NOT EXISTS] name ON table (column, ...)}.
 *
 * @param name the index's name (one part: it lives in its table's schema)
 * @param table the indexed table as written
 * @param columns the indexed columns as written
 */
public record CreateIndexStatement(String name, boolean unique, boolean ifNotExists, ObjectName table,
    List<String> columns) implements Statement {

  public CreateIndexStatement {
    columns = List.copyOf(columns);
  }
}
