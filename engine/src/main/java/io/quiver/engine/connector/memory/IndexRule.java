package io.quiver.engine.connector.memory;

import java.util.List;

/**
 * An index of a memory table (CREATE [UNIQUE] INDEX). In this columnar engine an index holds no
 * structure of its own: scans read whole column batches in parallel and there is no point-lookup
 * path it would serve. A UNIQUE index is a uniqueness rule checked like a UNIQUE constraint
 * ({@link UniqueKeyCheck}) and a unique key to the planner; any index is reported by JDBC
 * {@code getIndexInfo}.
 *
 * @param columns the indexed columns' positions in the table
 * @param columnNames their names
 */
public record IndexRule(String name, boolean unique, int[] columns, List<String> columnNames) {

  public IndexRule {
    columns = columns.clone();
    columnNames = List.copyOf(columnNames);
  }

  @Override
  public int[] columns() {
    return columns.clone();
  }

  /** The uniqueness a UNIQUE index keeps, as a key. */
  UniqueKey asKey() {
    return new UniqueKey(name, false, columns, columnNames);
  }
}
