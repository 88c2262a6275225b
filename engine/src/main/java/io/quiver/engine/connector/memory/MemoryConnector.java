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
 * The {@code memory} catalog, the one writable catalog: schemas created by DDL, holding in-memory
 * tables (rows as Arrow batches spread over partitions), tables over files (opened by the file
 * connector, registered here) and views, in one namespace per schema. It starts with one schema,
 * {@code default}; each session that makes a temporary table or view gets a temporary schema of its
 * own ({@code pg_temp_N}), which only that session's threads see ({@link TemporaryScope}) and which
 * is dropped when the session ends. Table data lives in the connector's own allocator (one child per table) and is
 * freed on DROP or when the engine closes. Thread-safe: catalog changes are serialized; reads never
 * block them.
 */
public final class MemoryConnector implements Connector {

  public static final String NAME = "memory";
  public static final String DEFAULT_SCHEMA = "default";
  /**
   * How the names of sessions' temporary schemas begin ({@code pg_temp_1}, {@code pg_temp_2}, ...,
   * as in PostgreSQL); no other schema's name may begin so.
   */
  public static final String TEMPORARY_PREFIX = "pg_temp";

  private final BufferAllocator allocator;
  private final int partitionCount;
  private final ConcurrentHashMap<String, MemorySchema> schemas = new ConcurrentHashMap<>();
  /** The temporary schemas: by name, the session that has it (see {@link TemporaryScope}). */
  private final Map<String, String> temporaryOwners = new ConcurrentHashMap<>();
  private final AtomicLong temporaryNumbers = new AtomicLong();
  private final Map<Long, MemoryTable> tablesById = new ConcurrentHashMap<>();
  /**
   * Per table id, the generation its data had before the last replacement, still readable by the
   * queries planned against it (until the next replacement or DROP).
   */
  private final Map<Long, MemoryTable> previousById = new ConcurrentHashMap<>();
  /** Per table id, the lock that statements changing the table's rows hold (one writer at a time). */
  private final Map<Long, java.util.concurrent.locks.ReentrantLock> writeLocks = new ConcurrentHashMap<>();
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
    Lookup<MemorySchema> lookup = LiveLookup.of(this::visibleSchemas);
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
  private record Snapshot(Map<String, MemorySchema> schemas, Map<MemorySchema, Map<String, SchemaObject>> objects) {
  }

  private final ThreadLocal<Snapshot> pinned = new ThreadLocal<>();

  private MemorySchema newSchema(String name) {
    return new MemorySchema(name, schema -> {
      Snapshot snapshot = pinned.get();
      if (snapshot == null) {
        return schema.objects();
      }
      Map<String, SchemaObject> objects = snapshot.objects().get(schema);
      return objects == null ? Map.of() : objects;
    });
  }

  private Map<String, MemorySchema> visibleSchemas() {
    Snapshot snapshot = pinned.get();
    Map<String, MemorySchema> all = snapshot == null ? schemas : snapshot.schemas();
    if (temporaryOwners.isEmpty()) {
      return all;
    }
    Map<String, MemorySchema> visible = new java.util.LinkedHashMap<>();
    all.forEach((name, schema) -> {
      if (visibleHere(name)) {
        visible.put(name, schema);
      }
    });
    return visible;
  }

  /** Whether the calling thread sees the schema: any permanent one, and its own session's temporary one. */
  private boolean visibleHere(String schema) {
    String owner = temporaryOwners.get(schema);
    return owner == null || owner.equals(TemporaryScope.session());
  }

  /**
   * Whether a schema of this name (stored) would be a temporary schema: no other schema's name
   * begins with {@link #TEMPORARY_PREFIX}.
   */
  public static boolean isTemporaryName(String schema) {
    return schema != null && schema.startsWith(TEMPORARY_PREFIX + "_");
  }

  /** Whether the schema (stored name) is a session's temporary schema. */
  public boolean isTemporary(String schema) {
    return temporaryOwners.containsKey(schema);
  }

  /**
   * Makes a new temporary schema for the session: visible only to its threads ({@link
   * TemporaryScope}), dropped with everything in it by {@link #dropTemporarySchema}.
   *
   * @return the schema's name
   */
  public synchronized String createTemporarySchema(String sessionId) {
    checkOpen();
    String name;
    do {
      name = TEMPORARY_PREFIX + "_" + temporaryNumbers.incrementAndGet();
    } while (schemas.containsKey(name));
    temporaryOwners.put(name, sessionId);
    schemas.put(name, newSchema(name));
    return name;
  }

  /**
   * Drops a temporary schema and its tables and views (its session ended). Queries still reading
   * one of its tables finish their reads; its memory is freed when the last of them is done.
   */
  public synchronized void dropTemporarySchema(String name) {
    if (closed || !temporaryOwners.containsKey(name)) {
      return;
    }
    MemorySchema schema = schemas.remove(name);
    temporaryOwners.remove(name);
    if (schema == null) {
      return;
    }
    for (SchemaObject object : schema.objects().values()) {
      if (object instanceof MemoryTable table) {
        drop(table);
      }
    }
    schema.objects().clear();
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
      Map<MemorySchema, Map<String, SchemaObject>> objects = new java.util.IdentityHashMap<>();
      for (MemorySchema schema : schemas.values()) {
        objects.put(schema, Map.copyOf(schema.objects()));
      }
      snapshot = new Snapshot(Map.copyOf(schemas), objects);
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
    return resolve(temporaryOwners.isEmpty() ? schemas : visibleSchemas(), name, exact);
  }

  /** The schemas the calling thread sees (its session's temporary schema among them), sorted. */
  public List<String> schemaNames() {
    List<String> names = new ArrayList<>(schemas.keySet());
    names.removeIf(name -> !visibleHere(name));
    names.sort(null);
    return names;
  }

  /** An in-memory table by schema and table name as stored (see {@link #schemaName} and {@link #tableName}). */
  public Optional<MemoryTable> table(String schema, String table) {
    return object(schema, table).filter(MemoryTable.class::isInstance).map(MemoryTable.class::cast);
  }

  /** A table, file table or view by schema and name as stored. */
  public Optional<SchemaObject> object(String schema, String name) {
    MemorySchema found = schemas.get(schema);
    return found == null ? Optional.empty() : Optional.ofNullable(found.objects().get(name));
  }

  /** The objects of a schema (by its stored name) now, by name; empty if there is no such schema. */
  public Map<String, SchemaObject> objects(String schema) {
    MemorySchema found = schemas.get(schema);
    return found == null ? Map.of() : Map.copyOf(found.objects());
  }

  /**
   * The name of a table, file table or view as stored in {@code schema}: {@code name} exactly, or
   * (unless exact) ignoring case.
   */
  public Optional<String> tableName(String schema, String name, boolean exact) {
    MemorySchema found = schemas.get(schema);
    return found == null ? Optional.empty() : resolve(found.objects(), name, exact);
  }

  /**
   * Creates a schema.
   *
   * @return false if it existed and {@code ifNotExists}
   * @throws QuiverException DUPLICATE_OBJECT if it exists (ignoring case) and not {@code ifNotExists}
   */
  public synchronized boolean createSchema(String name, boolean ifNotExists) {
    checkOpen();
    if (name.toLowerCase(java.util.Locale.ROOT).startsWith(TEMPORARY_PREFIX)) {
      throw new QuiverException(ErrorCode.RESERVED_NAME, "unacceptable schema name \"" + name + "\": the prefix "
          + TEMPORARY_PREFIX + " is reserved for the sessions' temporary schemas");
    }
    if (resolve(schemas, name, false).isPresent()) {
      if (ifNotExists) {
        return false;
      }
      throw new QuiverException(ErrorCode.DUPLICATE_SCHEMA, "schema " + NAME + "." + name + " already exists");
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
    if (temporaryOwners.containsKey(name)) {
      throw new QuiverException(ErrorCode.NOT_SUPPORTED, "schema " + NAME + "." + name + " is the session's "
          + "temporary schema; it is dropped when the session ends (drop its tables and views one by one)");
    }
    if (!schema.objects().isEmpty() && !cascade) {
      throw new QuiverException(ErrorCode.VALIDATION_ERROR, "schema " + NAME + "." + name + " is not empty ("
          + schema.objects().size() + " tables and views); drop them first or use DROP SCHEMA ... CASCADE");
    }
    schemas.remove(name);
    for (SchemaObject object : schema.objects().values()) {
      if (object instanceof MemoryTable table) {
        drop(table);
      }
    }
    schema.objects().clear();
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
    return addTable(schema, name, writer, ifNotExists, TableRules.NONE);
  }

  /**
   * As {@link #addTable(String, String, MemoryTableWriter, boolean)}, with constraints and defaults;
   * a FOREIGN KEY's referenced table must still be there (42P01).
   */
  public synchronized Optional<MemoryTable> addTable(String schema, String name, MemoryTableWriter writer,
      boolean ifNotExists, TableRules rules) {
    for (ForeignKeyRule foreignKey : rules.foreignKeys()) {
      MemorySchema referenced = schemas.get(foreignKey.referencedTable().get(1));
      boolean self = foreignKey.references(schema, name);
      if (!self && (referenced == null
          || !(referenced.objects().get(foreignKey.referencedTable().get(2)) instanceof MemoryTable))) {
        writer.abort();
        throw new QuiverException(ErrorCode.TABLE_NOT_FOUND, "table " + String.join(".",
            foreignKey.referencedTable()) + ", referenced by " + foreignKey.name() + ", was dropped meanwhile");
      }
    }
    MemorySchema target = schemas.get(schema);
    if (closed || target == null || resolve(target.objects(), name, false).isPresent()) {
      writer.abort();
      checkOpen();
      if (target == null) {
        throw new QuiverException(ErrorCode.SCHEMA_NOT_FOUND, "schema " + NAME + "." + schema + " does not exist");
      }
      if (ifNotExists) {
        return Optional.empty();
      }
      throw duplicate(schema, name, target.objects());
    }
    MemoryTableData data = writer.finish();
    MemoryTable table = new MemoryTable(tableIds.incrementAndGet(), schema, name, writer.schema(), data, rules);
    tablesById.put(table.id(), table);
    unfreed.add(data);
    target.objects().put(name, table);
    return Optional.of(table);
  }

  /**
   * Ends {@code writer} and appends its rows to table {@code schema.name} (stored names) in one
   * step: queries planned before see the table without them, queries planned after see all of
   * them. If the table is no longer the one with id {@code tableId} (dropped, perhaps created
   * again) the rows are freed and nothing changes.
   *
   * @return the table's new version
   */
  public synchronized MemoryTable appendRows(String schema, String name, long tableId, MemoryTableWriter writer) {
    MemorySchema target = schemas.get(schema);
    SchemaObject current = target == null ? null : target.objects().get(name);
    if (closed || !(current instanceof MemoryTable table) || table.id() != tableId) {
      writer.abort();
      checkOpen();
      throw new QuiverException(ErrorCode.TABLE_NOT_FOUND, "table " + NAME + "." + schema + "." + name
          + " was dropped while rows were inserted into it");
    }
    if (!table.rowSchema().equals(writer.schema())) {
      writer.abort();
      throw new QuiverException(ErrorCode.INTERNAL_ERROR, "rows for " + table + " have columns "
          + writer.schema() + ", the table has " + table.rowSchema());
    }
    if (!table.rules().uniqueKeys().isEmpty()) {
      try {
        UniqueKeyCheck.check(table.rules().uniqueKeys(), table.toString(), table.batches(), writer.written());
      } catch (RuntimeException | Error e) {
        writer.abort();
        throw e;
      }
    }
    MemoryTableData added = writer.finish();
    MemoryTable appended;
    try {
      appended = table.withVersion(table.data().append(added));
    } catch (RuntimeException | Error e) {
      added.forceFree();
      throw e;
    }
    tablesById.put(appended.id(), appended);
    target.objects().put(name, appended);
    return appended;
  }

  /**
   * Ends {@code writer} and makes its rows the whole content of table {@code schema.name} (stored
   * names), in one step, as the table's next generation: queries planned before read the previous
   * generation, which stays readable until the next replacement (or DROP) and is freed when the
   * last of its reads ends; queries planned after read the new one. The caller holds the table's
   * {@link #lockForWrite write lock} and computed the rows from {@code expected}; if the table is
   * no longer exactly {@code expected} (dropped, replaced, rows appended) the rows are freed and
   * nothing changes.
   *
   * @return the table's new generation
   */
  public synchronized MemoryTable replaceRows(String schema, String name, MemoryTable expected,
      MemoryTableWriter writer) {
    MemorySchema target = schemas.get(schema);
    SchemaObject current = target == null ? null : target.objects().get(name);
    if (closed || current != expected) {
      writer.abort();
      checkOpen();
      if (!(current instanceof MemoryTable table) || table.id() != expected.id()) {
        throw new QuiverException(ErrorCode.TABLE_NOT_FOUND, "table " + NAME + "." + schema + "." + name
            + " was dropped while its rows were changed");
      }
      throw new QuiverException(ErrorCode.SERIALIZATION_FAILURE, "table " + NAME + "." + schema + "." + name
          + " was changed by another statement meanwhile; run the statement again");
    }
    if (!expected.rowSchema().equals(writer.schema())) {
      writer.abort();
      throw new QuiverException(ErrorCode.INTERNAL_ERROR, "rows for " + expected + " have columns "
          + writer.schema() + ", the table has " + expected.rowSchema());
    }
    if (!expected.rules().uniqueKeys().isEmpty()) {
      try {
        UniqueKeyCheck.check(expected.rules().uniqueKeys(), expected.toString(), List.of(), writer.written());
      } catch (RuntimeException | Error e) {
        writer.abort();
        throw e;
      }
    }
    MemoryTableData data = writer.finish();
    MemoryTable replaced = expected.withData(data);
    unfreed.add(data);
    MemoryTable older = previousById.put(expected.id(), expected);
    if (older != null) {
      older.data().drop();
    }
    tablesById.put(replaced.id(), replaced);
    target.objects().put(name, replaced);
    unfreed.removeIf(MemoryTableData::isFreed);
    return replaced;
  }

  /**
   * Takes the lock that statements changing the rows of the table with id {@code tableId} hold
   * while they plan, run and commit, so that they change the table one after the other; released
   * by closing the returned handle. Waits for the lock; an interrupt ends the wait with 57014.
   */
  public AutoCloseable lockForWrite(long tableId) {
    java.util.concurrent.locks.ReentrantLock lock = writeLocks.computeIfAbsent(tableId,
        id -> new java.util.concurrent.locks.ReentrantLock());
    try {
      lock.lockInterruptibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new QuiverException(ErrorCode.QUERY_CANCELLED, "the statement was interrupted while it waited for "
          + "another statement changing the same table");
    }
    return lock::unlock;
  }

  /**
   * Registers a table over files under {@code schema.name} (stored schema name).
   *
   * @return false if the name was taken and {@code ifNotExists}
   */
  public synchronized boolean addFileTable(String schema, String name, FileTableEntry table, boolean ifNotExists) {
    checkOpen();
    MemorySchema target = existingSchema(schema);
    if (resolve(target.objects(), name, false).isPresent()) {
      if (ifNotExists) {
        return false;
      }
      throw duplicate(schema, name, target.objects());
    }
    target.objects().put(name, table);
    return true;
  }

  /**
   * Adds a view, or with {@code orReplace} replaces the view of that name.
   *
   * @throws QuiverException DUPLICATE_OBJECT if the name is taken (by a table, or by a view and not
   *     {@code orReplace}); WRONG_OBJECT_TYPE if OR REPLACE would replace a table
   */
  public synchronized void putView(String schema, String name, StoredView view, boolean orReplace) {
    checkOpen();
    MemorySchema target = existingSchema(schema);
    Optional<String> taken = resolve(target.objects(), name, false);
    if (taken.isPresent()) {
      SchemaObject existing = target.objects().get(taken.get());
      if (!orReplace || !(existing instanceof StoredView) || !taken.get().equals(name)) {
        if (orReplace && !(existing instanceof StoredView)) {
          throw new QuiverException(ErrorCode.WRONG_OBJECT_TYPE, NAME + "." + schema + "." + taken.get()
              + " is a table, not a view; CREATE OR REPLACE VIEW replaces views only");
        }
        throw duplicate(schema, taken.get(), target.objects());
      }
    }
    target.objects().put(name, view);
  }

  /**
   * Drops a view (by its stored names).
   *
   * @return false if it did not exist and {@code ifExists}
   * @throws QuiverException WRONG_OBJECT_TYPE if the name is a table
   */
  public synchronized boolean dropView(String schema, String name, boolean ifExists) {
    checkOpen();
    MemorySchema target = existingSchema(schema);
    SchemaObject object = target.objects().get(name);
    if (object == null) {
      if (ifExists) {
        return false;
      }
      throw new QuiverException(ErrorCode.TABLE_NOT_FOUND, "view " + NAME + "." + schema + "." + name
          + " does not exist");
    }
    if (!(object instanceof StoredView)) {
      throw new QuiverException(ErrorCode.WRONG_OBJECT_TYPE, NAME + "." + schema + "." + name
          + " is a table, not a view; use DROP TABLE");
    }
    checkNoDependentView(schema, name, "view");
    target.objects().remove(name);
    return true;
  }

  private MemorySchema existingSchema(String schema) {
    MemorySchema target = schemas.get(schema);
    if (target == null) {
      throw new QuiverException(ErrorCode.SCHEMA_NOT_FOUND, "schema " + NAME + "." + schema + " does not exist");
    }
    return target;
  }

  /**
   * Drops a table (by its stored names). Queries reading an in-memory table finish their reads;
   * its memory is freed when the last of them is done. A table over files is forgotten; its files
   * stay where they are.
   *
   * @return false if it did not exist and {@code ifExists}
   * @throws QuiverException WRONG_OBJECT_TYPE if the name is a view
   */
  public synchronized boolean dropTable(String schema, String name, boolean ifExists) {
    checkOpen();
    MemorySchema target = schemas.get(schema);
    SchemaObject object = target == null ? null : target.objects().get(name);
    if (object instanceof StoredView) {
      throw new QuiverException(ErrorCode.WRONG_OBJECT_TYPE, NAME + "." + schema + "." + name
          + " is a view, not a table; use DROP VIEW");
    }
    if (object != null) {
      checkNoDependentView(schema, name, "table");
      checkNotReferenced(schema, name);
      target.objects().remove(name);
    }
    if (object == null) {
      if (ifExists) {
        return false;
      }
      if (target == null) {
        throw new QuiverException(ErrorCode.SCHEMA_NOT_FOUND, "schema " + NAME + "." + schema + " does not exist");
      }
      throw new QuiverException(ErrorCode.TABLE_NOT_FOUND, "table " + NAME + "." + schema + "." + name
          + " does not exist");
    }
    if (object instanceof MemoryTable table) {
      drop(table);
    }
    return true;
  }

  /**
   * A table or view that a view reads is not dropped (PostgreSQL's rule): DEPENDENT_OBJECTS names
   * the first such view.
   */
  private void checkNoDependentView(String schema, String name, String kind) {
    List<String> qualified = List.of(NAME, schema, name);
    for (MemorySchema each : schemas.values()) {
      for (SchemaObject object : each.objects().values()) {
        if (object instanceof StoredView view && view.reads(qualified)) {
          throw new QuiverException(ErrorCode.DEPENDENT_OBJECTS, "cannot drop " + kind + " " + NAME + "." + schema
              + "." + name + " because view " + view + " reads it; drop the view first");
        }
      }
    }
  }

  /**
   * Adds an index to table {@code expected} (stored names), whose write lock the caller holds: its
   * name must be new among the schema's tables, views and indexes (42P07); a UNIQUE index is first
   * checked over the table's rows (23505 if two are equal).
   *
   * @return false if the name was taken and {@code ifNotExists}
   */
  public synchronized boolean addIndex(String schema, MemoryTable expected, IndexRule index, boolean ifNotExists) {
    checkOpen();
    MemorySchema target = existingSchema(schema);
    if (target.objects().get(expected.tableName()) != expected) {
      throw new QuiverException(ErrorCode.SERIALIZATION_FAILURE, "table " + expected + " was changed by another "
          + "statement meanwhile; run the statement again");
    }
    if (resolve(target.objects(), index.name(), true).isPresent() || indexOwner(target, index.name()) != null) {
      if (ifNotExists) {
        return false;
      }
      throw new QuiverException(ErrorCode.DUPLICATE_OBJECT, "relation " + NAME + "." + schema + "." + index.name()
          + " already exists");
    }
    if (index.unique()) {
      try {
        UniqueKeyCheck.check(List.of(index.asKey()), expected.toString(), expected.batches(), List.of());
      } catch (QuiverException e) {
        throw new QuiverException(ErrorCode.UNIQUE_VIOLATION, "could not create unique index " + index.name()
            + ": " + e.getMessage(), e);
      }
    }
    List<IndexRule> indexes = new ArrayList<>(expected.rules().indexes());
    indexes.add(index);
    replaceRules(target, expected, expected.rules().withIndexes(indexes));
    return true;
  }

  /** The table of schema {@code schema} that has an index of this name, if any. */
  public synchronized Optional<MemoryTable> indexTable(String schema, String index) {
    MemorySchema target = schemas.get(schema);
    return target == null ? Optional.empty() : Optional.ofNullable(indexOwner(target, index));
  }

  /**
   * Drops the index {@code name} of table {@code expected}, whose write lock the caller holds. A
   * UNIQUE index that a FOREIGN KEY references stays (2BP01).
   */
  public synchronized void dropIndex(String schema, MemoryTable expected, String name) {
    checkOpen();
    MemorySchema target = existingSchema(schema);
    if (target.objects().get(expected.tableName()) != expected) {
      throw new QuiverException(ErrorCode.SERIALIZATION_FAILURE, "table " + expected + " was changed by another "
          + "statement meanwhile; run the statement again");
    }
    for (MemorySchema each : schemas.values()) {
      for (SchemaObject object : each.objects().values()) {
        if (object instanceof MemoryTable table) {
          for (ForeignKeyRule foreignKey : table.rules().foreignKeys()) {
            if (foreignKey.references(schema, expected.tableName()) && foreignKey.referencedKey().equals(name)) {
              throw new QuiverException(ErrorCode.DEPENDENT_OBJECTS, "cannot drop index " + name + " because "
                  + "constraint " + foreignKey.name() + " of table " + table + " references it");
            }
          }
        }
      }
    }
    List<IndexRule> indexes = new ArrayList<>(expected.rules().indexes());
    indexes.removeIf(index -> index.name().equals(name));
    replaceRules(target, expected, expected.rules().withIndexes(indexes));
  }

  private void replaceRules(MemorySchema target, MemoryTable expected, TableRules rules) {
    MemoryTable changed = expected.withRules(rules);
    tablesById.put(changed.id(), changed);
    target.objects().put(expected.tableName(), changed);
  }

  private static MemoryTable indexOwner(MemorySchema schema, String index) {
    for (SchemaObject object : schema.objects().values()) {
      if (object instanceof MemoryTable table && table.rules().index(index).isPresent()) {
        return table;
      }
    }
    return null;
  }

  /**
   * A table another table's FOREIGN KEY references is not dropped (PostgreSQL's rule, though
   * Quiver does not enforce the key): DEPENDENT_OBJECTS names the first such table.
   */
  private void checkNotReferenced(String schema, String name) {
    for (MemorySchema each : schemas.values()) {
      for (SchemaObject object : each.objects().values()) {
        if (object instanceof MemoryTable table && !(table.schemaName().equals(schema)
            && table.tableName().equals(name))) {
          for (ForeignKeyRule foreignKey : table.rules().foreignKeys()) {
            if (foreignKey.references(schema, name)) {
              throw new QuiverException(ErrorCode.DEPENDENT_OBJECTS, "cannot drop table " + NAME + "." + schema + "."
                  + name + " because constraint " + foreignKey.name() + " of table " + table + " references it; "
                  + "drop that table first");
            }
          }
        }
      }
    }
  }

  private void drop(MemoryTable table) {
    tablesById.remove(table.id());
    table.data().drop();
    MemoryTable previous = previousById.remove(table.id());
    if (previous != null) {
      previous.data().drop();
    }
    // Tables still being read stay listed until they are freed, at the latest when the engine closes.
    unfreed.removeIf(MemoryTableData::isFreed);
  }

  private static QuiverException duplicate(String schema, String name, Map<String, SchemaObject> objects) {
    String stored = resolve(objects, name, false).orElse(name);
    SchemaObject existing = objects.get(stored);
    String kind = existing == null ? "table" : existing.kind();
    return new QuiverException(ErrorCode.DUPLICATE_OBJECT, kind + " " + NAME + "." + schema + "." + stored
        + " already exists");
  }

  /** Whether the table with this id exists (was not dropped). */
  boolean isLive(long tableId) {
    return tablesById.containsKey(tableId);
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
    String generation = handle.properties().get(MemoryTable.GENERATION_PROPERTY);
    if (generation == null || generation.equals(Long.toString(table.generation()))) {
      return table;
    }
    MemoryTable previous = previousById.get(table.id());
    if (previous != null && generation.equals(Long.toString(previous.generation()))) {
      return previous;
    }
    throw new QuiverException(ErrorCode.SERIALIZATION_FAILURE, "table " + table + " was changed more than once "
        + "since the query was planned; run the query again");
  }

  /** Frees every table; the engine's executors have stopped, so nobody reads them any more. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    temporaryOwners.clear();
    for (MemorySchema schema : schemas.values()) {
      schema.objects().clear();
    }
    tablesById.clear();
    previousById.clear();
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
