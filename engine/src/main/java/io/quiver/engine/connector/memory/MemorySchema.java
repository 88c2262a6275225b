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

  @SuppressWarnings({"unchecked", "rawtypes"})
  MemorySchema(String name) {
    this.name = name;
    this.lookup = new LiveLookup<>((Map) tables);
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
    return Map.copyOf(tables);
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
