package io.quiver.engine.connector.memory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.lookup.LikePattern;
import org.apache.calcite.schema.lookup.Lookup;

/**
 * One schema of the memory catalog: its tables, file tables and views change as they are created
 * and dropped.
 */
final class MemorySchema extends AbstractSchema {

  private final String name;
  private final ConcurrentHashMap<String, SchemaObject> objects = new ConcurrentHashMap<>();
  private final Lookup<Table> lookup;

  /** @param visibleObjects what the calling thread sees now: a pinned copy while it plans, else the live map */
  MemorySchema(String name, Function<MemorySchema, Map<String, SchemaObject>> visibleObjects) {
    this.name = name;
    this.lookup = new LiveLookup<>(() -> visibleObjects.apply(this), SchemaObject::table);
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
    for (String table : lookup.getNames(LikePattern.any())) {
      Table found = lookup.get(table);
      if (found != null) {
        copy.put(table, found);
      }
    }
    return copy;
  }

  /** The objects by name; the connector changes it under its lock. */
  ConcurrentHashMap<String, SchemaObject> objects() {
    return objects;
  }

  @Override
  public boolean isMutable() {
    return true;
  }
}
