package io.quiver.engine.connector.memory;

import io.quiver.engine.connector.CatalogPin;
import io.quiver.engine.connector.Connector;
import io.quiver.exec.connector.TableDataSource;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.fragment.node.TableHandle;
import io.quiver.exec.type.RowSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.lookup.Lookup;

/**
 * The {@code memory} catalog: schemas and tables created by DDL, whose rows are Arrow batches held
 * in memory, spread over partitions. It starts with one schema, {@code default}. Table data lives
 * in the connector's own allocator (one child per table) and is freed on DROP or when the engine
 * closes. Thread-safe: catalog changes are serialized; reads never block them.
 */
public final class MemoryConnector implements Connector {

  public static final String NAME = "memory";
  public static final String DEFAULT_SCHEMA = "default";

  private final BufferAllocator allocator;
  private final int partitionCount;
  private final ConcurrentHashMap<String, MemorySchema> schemas = new ConcurrentHashMap<>();
  private final Map<Long, MemoryTable> tablesById = new ConcurrentHashMap<>();
  private final AtomicLong tableIds = new AtomicLong();
  /** Data not freed yet, including dropped tables that queries still read. */
  private final java.util.Set<MemoryTableData> unfreed = ConcurrentHashMap.newKeySet();
  /** Writers of CREATE TABLE AS statements still running: aborted if the engine closes under them. */
  private final java.util.Set<MemoryTableWriter> writers = ConcurrentHashMap.newKeySet();
  private final MemoryDataSource dataSource = new MemoryDataSource(this);
  private final Schema catalogSchema;
  private boolean closed;

  /**
   * @param parent the engine's allocator; the connector's own is its child (same limit)
   * @param partitionCount how many partitions a new table's rows are spread over (the engine's slots)
   */
  public MemoryConnector(BufferAllocator parent, int partitionCount) {
    if (partitionCount < 1) {
      throw new IllegalArgumentException("partitionCount must be at least 1, was " + partitionCount);
    }
    this.allocator = parent.newChildAllocator("memory connector", 0, parent.getLimit());
    this.partitionCount = partitionCount;
    schemas.put(DEFAULT_SCHEMA, newSchema(DEFAULT_SCHEMA));
    @SuppressWarnings({"unchecked", "rawtypes"})
    Lookup<Schema> lookup = new LiveLookup<>(() -> (Map) visibleSchemas());
    this.catalogSchema = new AbstractSchema() {
      @Override
      public Lookup<? extends Schema> subSchemas() {
        return lookup;
      }

      @Override
      protected Map<String, Schema> getSubSchemaMap() {
        return Map.copyOf(visibleSchemas());
      }

      @Override
      public boolean isMutable() {
        return true;
      }
    };
  }

  /** What the catalog looked like when the calling thread pinned it (see {@link #pinForPlanning}). */
  private record Snapshot(Map<String, MemorySchema> schemas, Map<MemorySchema, Map<String, MemoryTable>> tables) {
  }

  private final ThreadLocal<Snapshot> pinned = new ThreadLocal<>();

  private MemorySchema newSchema(String name) {
    return new MemorySchema(name, schema -> {
      Snapshot snapshot = pinned.get();
      if (snapshot == null) {
        return schema.tableMap();
      }
      Map<String, MemoryTable> tables = snapshot.tables().get(schema);
      return tables == null ? Map.of() : tables;
    });
  }

  private Map<String, MemorySchema> visibleSchemas() {
    Snapshot snapshot = pinned.get();
    return snapshot == null ? schemas : snapshot.schemas();
  }

  /**
   * Until the pin is closed, the calling thread sees the schemas and tables as they are now. The
   * planner looks a table up more than once while it validates and converts a query; without the
   * pin a concurrent DROP between two lookups would break Calcite's assumptions.
   */
  @Override
  public CatalogPin pinForPlanning() {
    Snapshot previous = pinned.get();
    Snapshot snapshot;
    synchronized (this) {
      Map<MemorySchema, Map<String, MemoryTable>> tables = new java.util.IdentityHashMap<>();
      for (MemorySchema schema : schemas.values()) {
        tables.put(schema, Map.copyOf(schema.tableMap()));
      }
      snapshot = new Snapshot(Map.copyOf(schemas), tables);
    }
    pinned.set(snapshot);
    return () -> {
      if (previous == null) {
        pinned.remove();
      } else {
        pinned.set(previous);
      }
    };
  }

  @Override
  public String catalogName() {
    return NAME;
  }

  @Override
  public Schema catalogSchema() {
    return catalogSchema;
  }

  @Override
  public TableDataSource dataSource() {
    return dataSource;
  }

  /** How many partitions a new table has. */
  public int partitionCount() {
    return partitionCount;
  }

  /** Bytes held by every memory table now. */
  public long allocatedBytes() {
    return allocator.getAllocatedMemory();
  }

  /** The schema's name as stored: {@code name} exactly, or (unless {@code exact}) ignoring case. */
  public Optional<String> schemaName(String name, boolean exact) {
    return resolve(schemas, name, exact);
  }

  public List<String> schemaNames() {
    List<String> names = new ArrayList<>(schemas.keySet());
    names.sort(null);
    return names;
  }

  /** A table by schema and table name as stored (see {@link #schemaName} and {@link #tableName}). */
  public Optional<MemoryTable> table(String schema, String table) {
    MemorySchema found = schemas.get(schema);
    return found == null ? Optional.empty() : Optional.ofNullable(found.tableMap().get(table));
  }

  /** The table's name as stored in {@code schema}: {@code name} exactly, or (unless exact) ignoring case. */
  public Optional<String> tableName(String schema, String name, boolean exact) {
    MemorySchema found = schemas.get(schema);
    return found == null ? Optional.empty() : resolve(found.tableMap(), name, exact);
  }

  /**
   * Creates a schema.
   *
   * @return false if it existed and {@code ifNotExists}
   * @throws QuiverException DUPLICATE_OBJECT if it exists (ignoring case) and not {@code ifNotExists}
   */
  public synchronized boolean createSchema(String name, boolean ifNotExists) {
    checkOpen();
    if (resolve(schemas, name, false).isPresent()) {
      if (ifNotExists) {
        return false;
      }
      throw new QuiverException(ErrorCode.DUPLICATE_OBJECT, "schema " + NAME + "." + name + " already exists");
    }
    schemas.put(name, newSchema(name));
    return true;
  }

  /**
   * Drops a schema (by its stored name); with {@code cascade} its tables too.
   *
   * @return false if it did not exist and {@code ifExists}
   * @throws QuiverException SCHEMA_NOT_FOUND; VALIDATION_ERROR if it holds tables and not cascade
   */
  public synchronized boolean dropSchema(String name, boolean ifExists, boolean cascade) {
    checkOpen();
    MemorySchema schema = schemas.get(name);
    if (schema == null) {
      if (ifExists) {
        return false;
      }
      throw new QuiverException(ErrorCode.SCHEMA_NOT_FOUND, "schema " + NAME + "." + name + " does not exist");
    }
    if (!schema.tableMap().isEmpty() && !cascade) {
      throw new QuiverException(ErrorCode.VALIDATION_ERROR, "schema " + NAME + "." + name + " is not empty ("
          + schema.tableMap().size() + " tables); drop its tables first or use DROP SCHEMA ... CASCADE");
    }
    schemas.remove(name);
    for (MemoryTable table : schema.tableMap().values()) {
      drop(table);
    }
    schema.tableMap().clear();
    return true;
  }

  /**
   * A writer for a new table's rows, with an allocator of its own. Pass what it wrote to
   * {@link #addTable}, or {@link MemoryTableWriter#abort} it.
   */
  public synchronized MemoryTableWriter newTableWriter(String schema, String table, RowSchema rowSchema) {
    checkOpen();
    BufferAllocator tableAllocator = allocator.newChildAllocator(
        "table " + schema + "." + table + " #" + tableIds.incrementAndGet(), 0, allocator.getLimit());
    MemoryTableWriter writer = new MemoryTableWriter(NAME + "." + schema + "." + table, rowSchema, tableAllocator,
        partitionCount, writers::remove);
    writers.add(writer);
    return writer;
  }

  /**
   * Ends {@code writer} and adds its rows as table {@code schema.name}; on any failure (the schema
   * was dropped meanwhile, the name was taken meanwhile) the rows are freed.
   *
   * @return the table, or empty if it existed and {@code ifNotExists}
   */
  public synchronized Optional<MemoryTable> addTable(String schema, String name, MemoryTableWriter writer,
      boolean ifNotExists) {
    MemorySchema target = schemas.get(schema);
    if (closed || target == null || resolve(target.tableMap(), name, false).isPresent()) {
      writer.abort();
      checkOpen();
      if (target == null) {
        throw new QuiverException(ErrorCode.SCHEMA_NOT_FOUND, "schema " + NAME + "." + schema + " does not exist");
      }
      if (ifNotExists) {
        return Optional.empty();
      }
      throw duplicateTable(schema, name);
    }
    MemoryTableData data = writer.finish();
    MemoryTable table = new MemoryTable(tableIds.incrementAndGet(), schema, name, writer.schema(), data);
    tablesById.put(table.id(), table);
    unfreed.add(data);
    target.tableMap().put(name, table);
    return Optional.of(table);
  }

  /**
   * Drops a table (by its stored names). Queries reading it finish their reads; its memory is
   * freed when the last of them is done.
   *
   * @return false if it did not exist and {@code ifExists}
   */
  public synchronized boolean dropTable(String schema, String name, boolean ifExists) {
    checkOpen();
    MemorySchema target = schemas.get(schema);
    MemoryTable table = target == null ? null : target.tableMap().remove(name);
    if (table == null) {
      if (ifExists) {
        return false;
      }
      if (target == null) {
        throw new QuiverException(ErrorCode.SCHEMA_NOT_FOUND, "schema " + NAME + "." + schema + " does not exist");
      }
      throw new QuiverException(ErrorCode.TABLE_NOT_FOUND, "table " + NAME + "." + schema + "." + name
          + " does not exist");
    }
    drop(table);
    return true;
  }

  private void drop(MemoryTable table) {
    tablesById.remove(table.id());
    table.data().drop();
    // Tables still being read stay listed until they are freed, at the latest when the engine closes.
    unfreed.removeIf(MemoryTableData::isFreed);
  }

  static QuiverException duplicateTable(String schema, String name) {
    return new QuiverException(ErrorCode.DUPLICATE_OBJECT, "table " + NAME + "." + schema + "." + name
        + " already exists");
  }

  /** The live table a scan reads: by the id in its handle, so a dropped table is never confused with a newer one. */
  MemoryTable tableForScan(TableHandle handle) {
    String id = handle.properties().get(MemoryTable.TABLE_ID_PROPERTY);
    MemoryTable table = null;
    if (id != null) {
      try {
        table = tablesById.get(Long.parseLong(id));
      } catch (NumberFormatException e) {
        throw new QuiverException(ErrorCode.INTERNAL_ERROR, "bad table id '" + id + "' for " + handle, e);
      }
    } else {
      table = table(handle.schema(), handle.table()).orElse(null);
    }
    if (table == null) {
      throw new QuiverException(ErrorCode.TABLE_NOT_FOUND, "table " + NAME + "." + handle.schema() + "."
          + handle.table() + " does not exist (any more)");
    }
    return table;
  }

  /** Frees every table; the engine's executors have stopped, so nobody reads them any more. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (MemorySchema schema : schemas.values()) {
      schema.tableMap().clear();
    }
    tablesById.clear();
    for (MemoryTableWriter writer : List.copyOf(writers)) {
      writer.abort();
    }
    unfreed.forEach(MemoryTableData::forceFree);
    unfreed.clear();
    allocator.close();
  }

  private void checkOpen() {
    if (closed) {
      throw new QuiverException(ErrorCode.INVALID_PARAMETER, "the memory catalog is closed");
    }
  }

  private static <T> Optional<String> resolve(Map<String, T> entries, String name, boolean exact) {
    if (name == null) {
      return Optional.empty();
    }
    if (entries.containsKey(name)) {
      return Optional.of(name);
    }
    if (exact) {
      return Optional.empty();
    }
    for (String key : entries.keySet()) {
      if (key.equalsIgnoreCase(name)) {
        return Optional.of(key);
      }
    }
    return Optional.empty();
  }
}
