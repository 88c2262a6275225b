package io.quiver.engine.connector.memory;

import java.util.List;

/**
 * A FOREIGN KEY of a memory table: recorded and reported (JDBC, information_schema, SHOW CREATE
 * TABLE), not enforced, as in Spark and Trino.
 *
 * @param columns the referencing columns (stored names)
 * @param referencedTable the referenced table: memory, schema, name (stored names)
 * @param referencedColumns the referenced columns (stored names)
 * @param referencedKey the PRIMARY KEY or UNIQUE constraint of the referenced table they form
 * @param positionsInKey per column, the 1-based position of its referenced column in that key
 */
public record ForeignKeyRule(String name, List<String> columns, List<String> referencedTable,
    List<String> referencedColumns, String referencedKey, List<Integer> positionsInKey, String onUpdate,
    String onDelete) {

  public ForeignKeyRule {
    columns = List.copyOf(columns);
    referencedTable = List.copyOf(referencedTable);
    referencedColumns = List.copyOf(referencedColumns);
    positionsInKey = List.copyOf(positionsInKey);
  }

  /** Whether it references the table {@code memory.schema.name}. */
  public boolean references(String schema, String name) {
    return referencedTable.get(1).equals(schema) && referencedTable.get(2).equals(name);
  }
}
