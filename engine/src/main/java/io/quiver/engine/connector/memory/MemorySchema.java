package io.quiver.engine.connector.memory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.lookup.Lookup;

/** One schema of the memory catalog: its tables change as they are created and dropped. */
final class MemorySchema extends AbstractSchema {

  private final String name;
  private final ConcurrentHashMap<String, MemoryTable> tables = new ConcurrentHashMap<>();
  private final Lookup<Table> lookup;

  /** @param visibleTables the tables the calling thread sees now: a pinned copy while it plans, else the live map */
  @SuppressWarnings({"unchecked", "rawtypes"})
  MemorySchema(String name, java.util.function.Function<MemorySchema, Map<String, MemoryTable>> visibleTables) {
    this.name = name;
    this.lookup = new LiveLookup<>(() -> (Map) visibleTables.apply(this));
  }

  String name() {
    return name;
  }

  @Override
  public Lookup<Table> tables() {
    return lookup;
  }

  @Override
  protected Map<String, Table> getTableMap() {
    Map<String, Table> copy = new java.util.HashMap<>();
    for (String table : lookup.getNames(org.apache.calcite.schema.lookup.LikePattern.any())) {
      Table found = lookup.get(table);
      if (found != null) {
        copy.put(table, found);
      }
    }
    return copy;
  }

  /** The tables by name; the connector changes it under its lock. */
  ConcurrentHashMap<String, MemoryTable> tableMap() {
    return tables;
  }

  @Override
  public boolean isMutable() {
    return true;
  }
}
