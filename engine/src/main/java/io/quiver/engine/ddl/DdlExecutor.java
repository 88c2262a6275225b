package io.quiver.engine.ddl;

import io.quiver.engine.QueryResult;
import io.quiver.engine.access.AccessControl;
import io.quiver.engine.access.SecuredObject;
import io.quiver.engine.catalog.CatalogRegistry;
import io.quiver.engine.connector.file.FileSource;
import io.quiver.engine.connector.file.FileTables;
import io.quiver.engine.connector.file.WriteMode;
import io.quiver.engine.connector.memory.FileTableEntry;
import io.quiver.engine.connector.memory.MemoryConnector;
import io.quiver.engine.connector.memory.MemoryTable;
import io.quiver.engine.connector.memory.MemoryTableWriter;
import io.quiver.engine.connector.memory.SchemaObject;
import io.quiver.engine.connector.memory.StoredView;
import io.quiver.engine.connector.memory.TableRules;
import io.quiver.engine.connector.memory.UniqueKey;
import io.quiver.engine.driver.StatementContext;
import io.quiver.engine.result.UpdateCountResult;
import io.quiver.engine.scheduler.DagScheduler;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.type.Column;
import io.quiver.exec.type.RowSchema;
import io.quiver.planner.PlannedStatement;
import io.quiver.sql.catalog.ConnectorTable;
import io.quiver.sql.statement.CopyStatement;
import io.quiver.sql.statement.CreateIndexStatement;
import io.quiver.sql.statement.DropIndexStatement;
import io.quiver.sql.statement.ObjectName;
import io.quiver.sql.statement.Statement;
import io.quiver.sql.statement.CreateSchemaStatement;
import io.quiver.sql.statement.CreateTableAsStatement;
import io.quiver.sql.statement.CreateTableStatement;
import io.quiver.sql.statement.CreateViewStatement;
import io.quiver.sql.statement.DropSchemaStatement;
import io.quiver.sql.statement.DropTableStatement;
import io.quiver.sql.statement.DropViewStatement;
import io.quiver.sql.statement.InsertStatement;
import io.quiver.sql.statement.DeleteStatement;
import io.quiver.sql.statement.MergeStatement;
import io.quiver.sql.statement.TruncateStatement;
import io.quiver.sql.statement.UpdateStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.apache.calcite.sql.SqlNode;

/**
 * Runs DDL and DML statements to completion before returning their {@link UpdateCountResult}.
 * Statements that hold a query (CREATE TABLE AS, INSERT, COPY, CREATE VIEW) plan it with the
 * ordinary planner; CREATE TABLE AS, INSERT and COPY run it as a job whose result stage writes into
 * a table writer or the file connector instead of a client's result buffer. A failing statement
 * changes nothing: a table appears, or rows are appended, only once the whole query succeeded.
 * Tables over files are the file connector's ({@link FileTables}); they are registered in the
 * memory catalog's schemas beside in-memory tables and views. Thread-safe.
 */
public final class DdlExecutor {

  private final Targets targets;
  private final StatementJobs jobs;
  private final FileTables fileTables;
  private final InsertExecutor inserts;
  private final RowChangeExecutor rowChanges;
  private final AccessControl access;
  private final StatementPrivileges privileges;
  private final DeclaredRules declaredRules;
  private final IndexStatements indexes;

  /**
   * @param planner plans a query: (sql, default schema path) to a planned statement
   * @param fileTables reads and writes tables over files
   * @param access checks each statement's privileges first, and learns who created and dropped what
   */
  public DdlExecutor(CatalogRegistry catalogs, BiFunction<SqlNode, StatementContext, PlannedStatement> planner,
      DagScheduler scheduler, FileTables fileTables, AccessControl access) {
    this.targets = new Targets(catalogs);
    this.access = access;
    this.jobs = new StatementJobs(planner, scheduler);
    this.fileTables = fileTables;
    this.rowChanges = new RowChangeExecutor(jobs, targets);
    this.inserts = new InsertExecutor(jobs, targets, fileTables, rowChanges);
    this.declaredRules = new DeclaredRules(jobs, targets);
    this.indexes = new IndexStatements(targets, rowChanges);
    this.privileges = new StatementPrivileges(access, targets, indexes);
  }

  /**
   * Runs {@code statement}.
   *
   * @param sql the statement's text (for events and messages)
   * @param context the session's current schema, search path and options
   * @param onClose told when the returned result is closed
   * @return the rows written (CREATE TABLE AS, INSERT, COPY), else 0
   */
  public QueryResult execute(Statement statement, String sql, StatementContext context, String queryId,
      Runnable onClose) {
    List<String> defaultSchemaPath = context.currentSchema();
    StatementPrivileges.Created created = privileges.check(statement, context);
    long count;
    if (statement instanceof CreateSchemaStatement create) {
      count = createSchema(create, defaultSchemaPath);
    } else if (statement instanceof DropSchemaStatement drop) {
      count = dropSchema(drop, defaultSchemaPath);
    } else if (statement instanceof CreateTableStatement create) {
      count = createTable(create, context);
    } else if (statement instanceof CreateTableAsStatement create) {
      count = createTableAs(create, sql, context, queryId);
    } else if (statement instanceof DropTableStatement drop) {
      count = dropTable(drop, context);
    } else if (statement instanceof CreateViewStatement create) {
      count = createView(create, context);
    } else if (statement instanceof DropViewStatement drop) {
      count = dropView(drop, context);
    } else if (statement instanceof InsertStatement insert) {
      count = inserts.insert(insert, sql, context, queryId);
    } else if (statement instanceof UpdateStatement update) {
      count = rowChanges.update(update, sql, context, queryId);
    } else if (statement instanceof DeleteStatement delete) {
      count = rowChanges.delete(delete, sql, context, queryId);
    } else if (statement instanceof MergeStatement merge) {
      count = rowChanges.merge(merge, sql, context, queryId);
    } else if (statement instanceof TruncateStatement truncate) {
      count = rowChanges.truncate(truncate, context);
    } else if (statement instanceof CreateIndexStatement create) {
      count = indexes.create(create, context);
    } else if (statement instanceof DropIndexStatement drop) {
      count = indexes.drop(drop, context);
    } else if (statement instanceof CopyStatement copy) {
      count = copy(copy, sql, context, queryId);
    } else {
      throw new QuiverException(ErrorCode.NOT_SUPPORTED, "statement " + statement);
    }
    if (created != null) {
      access.created(created.object(), created.owner());
    }
    return new UpdateCountResult(queryId, count, onClose);
  }

  private long createSchema(CreateSchemaStatement statement, List<String> path) {
    ObjectName name = statement.name();
    String catalog = name.parts().size() == 2 ? name.parts().get(0) : path.get(0);
    MemoryConnector memory = targets.writableCatalog(catalog, name);
    memory.createSchema(name.last(), statement.ifNotExists());
    return 0;
  }

  private long dropSchema(DropSchemaStatement statement, List<String> path) {
    ObjectName name = statement.name();
    String catalog = name.parts().size() == 2 ? name.parts().get(0) : path.get(0);
    MemoryConnector memory = targets.writableCatalog(catalog, name);
    Optional<String> schema = memory.schemaName(name.last(), name.quoted().get(name.parts().size() - 1));
    if (schema.isEmpty()) {
      if (statement.ifExists()) {
        return 0;
      }
      throw Targets.schemaNotFound(name.last());
    }
    if (memory.dropSchema(schema.get(), statement.ifExists(), statement.cascade())) {
      access.dropped(SecuredObject.schema(memory.catalogName(), schema.get()));
    }
    return 0;
  }

  /** An empty in-memory table with the declared columns, or a table over files. */
  private long createTable(CreateTableStatement statement, StatementContext context) {
    if (statement.temporary() && !statement.properties().isEmpty()) {
      throw temporaryFileTable(statement.name());
    }
    Targets.Target target = statement.temporary() ? targets.resolveTemporary(statement.name(), context, "table")
        : targets.resolve(statement.name(), context);
    String schema = target.existingSchema();
    if (exists(target, schema, statement.ifNotExists())) {
      return 0;
    }
    List<Column> columns = ColumnTypes.columns(statement.columns());
    if (!statement.properties().isEmpty() && (!statement.keys().isEmpty() || !statement.clauses().isEmpty())) {
      throw new QuiverException(ErrorCode.NOT_SUPPORTED, "a table over files has no constraints or defaults ("
          + target.qualified(schema) + "); its files say what its rows are");
    }
    if (!statement.properties().isEmpty()) {
      FileSource source = fileSource(statement.properties(), null, "CREATE TABLE " + target.qualified(schema));
      ConnectorTable table = fileTables.open(schema, target.name(), source, columns);
      target.memory().addFileTable(schema, target.name(), new FileTableEntry(table, source), statement.ifNotExists());
      return 0;
    }
    MemoryConnector memory = target.memory();
    List<UniqueKey> keys = KeyConstraints.of(statement.keys(), columns, target.name(), target.qualified(schema));
    for (UniqueKey key : keys) {
      if (key.primary()) {
        // A PRIMARY KEY's columns are NOT NULL.
        columns = new ArrayList<>(columns);
        for (int column : key.columns()) {
          Column declared = columns.get(column);
          columns.set(column, new Column(declared.name(), declared.type(), false));
        }
      }
    }
    TableRules rules = declaredRules.of(statement.clauses(), keys, columns, target, schema, context);
    if (!memory.isTemporary(schema)) {
      for (var foreignKey : rules.foreignKeys()) {
        if (memory.isTemporary(foreignKey.referencedTable().get(1))) {
          throw new QuiverException(ErrorCode.INVALID_TABLE_DEFINITION, "constraints on permanent tables may "
              + "reference only permanent tables: " + foreignKey.name() + " of " + target.qualified(schema)
              + " references temporary table " + foreignKey.referencedTable().get(2));
        }
      }
    }
    MemoryTableWriter writer = memory.newTableWriter(schema, target.name(), new RowSchema(columns));
    memory.addTable(schema, target.name(), writer, statement.ifNotExists(), rules);
    return 0;
  }

  private long createTableAs(CreateTableAsStatement statement, String sql, StatementContext context, String queryId) {
    if (statement.temporary() && !statement.properties().isEmpty()) {
      throw temporaryFileTable(statement.name());
    }
    Targets.Target target = statement.temporary() ? targets.resolveTemporary(statement.name(), context, "table")
        : targets.resolve(statement.name(), context);
    String schema = target.existingSchema();
    if (exists(target, schema, statement.ifNotExists())) {
      return 0;
    }
    PlannedStatement planned = jobs.plan(statement.query(), context, "CREATE TABLE ... AS");
    RowSchema rowSchema = planned.resultSchema();
    checkColumns(rowSchema, target.qualified(schema));
    if (!statement.properties().isEmpty()) {
      FileSource source = fileSource(statement.properties(), null, "CREATE TABLE " + target.qualified(schema));
      long rows = fileTables.write(source, planned, WriteMode.CREATE, jobs.runner(queryId, sql, context));
      ConnectorTable table = fileTables.open(schema, target.name(), source, List.of());
      target.memory().addFileTable(schema, target.name(), new FileTableEntry(table, source), statement.ifNotExists());
      return rows;
    }
    MemoryConnector memory = target.memory();
    MemoryTableWriter writer = memory.newTableWriter(schema, target.name(), rowSchema);
    try {
      jobs.run(queryId, sql, planned, writer, context);
    } catch (RuntimeException | Error e) {
      try {
        writer.abort();
      } catch (RuntimeException cleanup) {
        // An engine closing under the statement may have closed the writer's parent allocator first;
        // the statement's own error (a cancellation) is what the client must see.
        e.addSuppressed(cleanup);
      }
      throw e;
    }
    Optional<MemoryTable> table = memory.addTable(schema, target.name(), writer, statement.ifNotExists());
    return table.map(MemoryTable::rowCount).orElse(0L);
  }

  private static QuiverException temporaryFileTable(ObjectName name) {
    return new QuiverException(ErrorCode.NOT_SUPPORTED, "a table over files cannot be temporary (" + name
        + "); its files outlive any session");
  }

  /** True if the name is taken and IF NOT EXISTS; DUPLICATE_OBJECT if it is taken otherwise. */
  private static boolean exists(Targets.Target target, String schema, boolean ifNotExists) {
    Optional<SchemaObject> existing = target.memory().tableName(schema, target.name(), false)
        .flatMap(stored -> target.memory().object(schema, stored));
    if (existing.isEmpty()) {
      return false;
    }
    if (ifNotExists) {
      return true;
    }
    String stored = target.memory().tableName(schema, target.name(), false).orElse(target.name());
    throw new QuiverException(ErrorCode.DUPLICATE_OBJECT, existing.get().kind() + " " + MemoryConnector.NAME + "."
        + schema + "." + stored + " already exists");
  }

  private long dropTable(DropTableStatement statement, StatementContext context) {
    Targets.Target target = targets.resolveExisting(statement.name(), context);
    Optional<String> schema = target.schema();
    if (schema.isEmpty()) {
      if (statement.ifExists()) {
        return 0;
      }
      throw Targets.schemaNotFound(target.schemaAsWritten());
    }
    Optional<String> table = target.storedName(schema.get());
    if (table.isEmpty()) {
      if (statement.ifExists()) {
        return 0;
      }
      throw Targets.tableNotFound(target.qualified(schema.get()));
    }
    if (target.memory().dropTable(schema.get(), table.get(), statement.ifExists())) {
      access.dropped(SecuredObject.table(List.of(MemoryConnector.NAME, schema.get(), table.get())));
    }
    return 0;
  }

  /**
   * Validates the view's query by planning it (a view over a missing table fails here), then
   * stores its text, its columns and the session's path, in which its names will resolve.
   */
  private long createView(CreateViewStatement statement, StatementContext context) {
    Targets.Target target = statement.temporary() ? targets.resolveTemporary(statement.name(), context, "view")
        : targets.resolve(statement.name(), context);
    String schema = target.existingSchema();
    String qualified = target.qualified(schema);
    if (statement.ifNotExists() && exists(target, schema, true)) {
      return 0;
    }
    PlannedStatement planned = jobs.plan(statement.query(), context, "CREATE VIEW");
    RowSchema result = planned.resultSchema();
    List<String> names = statement.columnNames();
    if (!names.isEmpty() && names.size() != result.size()) {
      throw new QuiverException(ErrorCode.SYNTAX_ERROR, "view " + qualified + " names " + names.size()
          + " columns but its query has " + result.size());
    }
    List<Column> columns = new ArrayList<>(result.size());
    for (int i = 0; i < result.size(); i++) {
      Column column = result.column(i);
      columns.add(new Column(names.isEmpty() ? column.name() : names.get(i), column.type(), column.nullable()));
    }
    checkColumns(new RowSchema(columns), qualified);
    List<List<String>> paths = context.schemaPaths();
    if (!target.memory().isTemporary(schema)) {
      checkReadsNoTemporary(planned.tablesRead(), qualified);
      // A permanent view outlives the session: its names never resolve in a temporary schema.
      paths = new ArrayList<>(paths);
      paths.removeIf(path -> path.size() == 2 && path.get(0).equals(MemoryConnector.NAME)
          && MemoryConnector.isTemporaryName(path.get(1)));
    }
    StoredView view = new StoredView(schema, target.storedName(schema).orElse(target.name()), new RowSchema(columns),
        statement.definition(), paths, planned.tablesRead());
    target.memory().putView(schema, view.viewName(), view, statement.orReplace());
    return 0;
  }

  /**
   * A permanent view may not read a temporary table or view (PostgreSQL would make the view
   * temporary; Quiver asks for it to be said): 42P16.
   */
  private static void checkReadsNoTemporary(List<List<String>> tablesRead, String view) {
    for (List<String> table : tablesRead) {
      if (table.size() == 3 && table.get(0).equals(MemoryConnector.NAME)
          && MemoryConnector.isTemporaryName(table.get(1))) {
        throw new QuiverException(ErrorCode.INVALID_TABLE_DEFINITION, "permanent view " + view + " cannot read "
            + "temporary table or view " + table.get(2) + ", which ends with the session; create it with CREATE "
            + "TEMPORARY VIEW");
      }
    }
  }

  private long dropView(DropViewStatement statement, StatementContext context) {
    Targets.Target target = targets.resolveExisting(statement.name(), context);
    Optional<String> schema = target.schema();
    if (schema.isEmpty()) {
      if (statement.ifExists()) {
        return 0;
      }
      throw Targets.schemaNotFound(target.schemaAsWritten());
    }
    Optional<String> view = target.storedName(schema.get());
    if (view.isEmpty()) {
      if (statement.ifExists()) {
        return 0;
      }
      throw new QuiverException(ErrorCode.TABLE_NOT_FOUND, "view " + target.qualified(schema.get())
          + " does not exist");
    }
    if (target.memory().dropView(schema.get(), view.get(), statement.ifExists())) {
      access.dropped(SecuredObject.table(List.of(MemoryConnector.NAME, schema.get(), view.get())));
    }
    return 0;
  }

  /** COPY (query) TO or COPY table TO: the files at the location are replaced when the write commits. */
  private long copy(CopyStatement statement, String sql, StatementContext context, String queryId) {
    SqlNode query = statement.query() != null ? statement.query() : QueryNodes.selectAll(statement.name());
    FileSource target = fileSource(statement.properties(), statement.location(), "COPY");
    PlannedStatement planned = jobs.plan(query, context, "COPY");
    checkColumns(planned.resultSchema(), statement.location());
    return fileTables.write(target, planned, WriteMode.REPLACE, jobs.runner(queryId, sql, context));
  }

  /**
   * The files a statement names: format and location from the properties (COPY: location from
   * TO, format perhaps from the location's extension), the other properties as options.
   */
  static FileSource fileSource(Map<String, String> properties, String location, String statement) {
    Map<String, String> options = new HashMap<>(properties);
    String format = options.remove("format");
    String where = location;
    String locationProperty = options.remove("location");
    if (where == null) {
      where = locationProperty;
    } else if (locationProperty != null) {
      throw new QuiverException(ErrorCode.SYNTAX_ERROR, statement + " gives the location twice: TO '" + location
          + "' and location = '" + locationProperty + "'");
    }
    if (where == null || where.isBlank()) {
      throw new QuiverException(ErrorCode.SYNTAX_ERROR, statement + " needs a location: WITH (format = '...', "
          + "location = '...')");
    }
    if (format == null) {
      format = formatOf(where);
    }
    if (format == null || format.isBlank()) {
      throw new QuiverException(ErrorCode.SYNTAX_ERROR, statement + " needs a format for '" + where
          + "': WITH (format = 'parquet' | 'csv' | 'arrow')");
    }
    return new FileSource(format.toLowerCase(Locale.ROOT), where, options);
  }

  private static String formatOf(String location) {
    String lower = location.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".parquet")) {
      return "parquet";
    }
    if (lower.endsWith(".csv")) {
      return "csv";
    }
    if (lower.endsWith(".arrow") || lower.endsWith(".ipc") || lower.endsWith(".feather")) {
      return "arrow";
    }
    return null;
  }

  /** A table or view needs columns with distinct names (ignoring case) of types it can store. */
  private static void checkColumns(RowSchema schema, String where) {
    if (schema.size() == 0) {
      throw new QuiverException(ErrorCode.VALIDATION_ERROR, where + " would have no columns");
    }
    Set<String> seen = new HashSet<>();
    for (Column column : schema.columns()) {
      if (!seen.add(column.name().toLowerCase(Locale.ROOT))) {
        throw new QuiverException(ErrorCode.VALIDATION_ERROR, "column name '" + column.name() + "' appears twice "
            + "in " + where + "; give the columns distinct names with AS");
      }
      if (!ColumnTypes.storable(column.type())) {
        throw new QuiverException(ErrorCode.NOT_SUPPORTED, "column " + column.name() + " of " + where + " would be "
            + column.type() + ", which a table cannot store; CAST it");
      }
    }
  }
}
