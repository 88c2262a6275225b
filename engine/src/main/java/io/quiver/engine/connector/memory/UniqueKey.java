package io.quiver.engine.connector.memory;

import java.util.List;

/**
 * A PRIMARY KEY or UNIQUE constraint of a memory table: no two rows have equal values in all of its
 * columns (rows with a NULL in a UNIQUE key's column are never equal; a PRIMARY KEY's columns are
 * NOT NULL).
 *
 * @param name the constraint's name (given, or PostgreSQL's {@code table_pkey}, {@code table_col_key})
 * @param columns the key's column indexes in the table
 * @param columnNames their names, for messages
 */
public record UniqueKey(String name, boolean primary, int[] columns, List<String> columnNames) {

  public UniqueKey {
    columns = columns.clone();
    columnNames = List.copyOf(columnNames);
  }

  @Override
  public int[] columns() {
    return columns.clone();
  }
}
