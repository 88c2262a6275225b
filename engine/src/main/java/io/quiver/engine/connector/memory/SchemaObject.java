package io.quiver.engine.connector.memory;

import org.apache.calcite.schema.Table;

/**
 * What a name in a schema of the memory catalog stands for: an in-memory table, a table over files,
 * or a view. They share one namespace per schema, as in PostgreSQL.
 */
public sealed interface SchemaObject permits MemoryTable, FileTableEntry, StoredView {

  /** The table the planner sees under the name. */
  Table table();

  /** "table" or "view", for messages. */
  default String kind() {
    return this instanceof StoredView ? "view" : "table";
  }
}
