package io.quiver.engine.ddl;

import io.quiver.engine.QueryResult;
import io.quiver.engine.catalog.CatalogRegistry;
import io.quiver.engine.connector.Connector;
import io.quiver.engine.connector.memory.MemoryConnector;
import io.quiver.engine.connector.memory.MemoryTable;
import io.quiver.engine.connector.memory.MemoryTableWriter;
import io.quiver.engine.result.UpdateCountResult;
import io.quiver.engine.scheduler.DagScheduler;
import io.quiver.engine.scheduler.JobExecution;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.task.CancellationToken;
import io.quiver.exec.type.Column;
import io.quiver.exec.type.RowSchema;
import io.quiver.planner.PlannedStatement;
import io.quiver.sql.ddl.CreateSchemaStatement;
import io.quiver.sql.ddl.CreateTableAsStatement;
import io.quiver.sql.ddl.DdlStatement;
import io.quiver.sql.ddl.DdlStatement.ObjectName;
import io.quiver.sql.ddl.DropSchemaStatement;
import io.quiver.sql.ddl.DropTableStatement;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.BiFunction;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.lookup.Named;

/**
 * Runs DDL statements to completion before returning their {@link UpdateCountResult}. CREATE TABLE
 * AS plans its query with the ordinary planner and runs it as a job whose result stage writes into
 * a {@link MemoryTableWriter} instead of a client's result buffer; the table appears only once the
 * whole query succeeded, so a failing query leaves nothing behind. Thread-safe.
 */
public final class DdlExecutor {

  private final CatalogRegistry catalogs;
  private final BiFunction<String, List<String>, PlannedStatement> planner;
  private final DagScheduler scheduler;

  /** @param planner plans a query: (sql, default schema path) to a planned statement */
  public DdlExecutor(CatalogRegistry catalogs, BiFunction<String, List<String>, PlannedStatement> planner,
      DagScheduler scheduler) {
    this.catalogs = catalogs;
    this.planner = planner;
    this.scheduler = scheduler;
  }

  /**
   * Runs {@code statement}.
   *
   * @param sql the statement's text (for events and messages)
   * @param defaultSchemaPath the session's [catalog] or [catalog, schema]
   * @param onClose told when the returned result is closed
   */
  public QueryResult execute(DdlStatement statement, String sql, List<String> defaultSchemaPath, String queryId,
      Runnable onClose) {
    long count;
    if (statement instanceof CreateSchemaStatement create) {
      count = createSchema(create, defaultSchemaPath);
    } else if (statement instanceof DropSchemaStatement drop) {
      count = dropSchema(drop, defaultSchemaPath);
    } else if (statement instanceof CreateTableAsStatement create) {
      count = createTableAs(create, sql, defaultSchemaPath, queryId);
    } else if (statement instanceof DropTableStatement drop) {
      count = dropTable(drop, defaultSchemaPath);
    } else {
      throw new QuiverException(ErrorCode.NOT_SUPPORTED, "statement " + statement);
    }
    return new UpdateCountResult(queryId, count, onClose);
  }

  private long createSchema(CreateSchemaStatement statement, List<String> path) {
    ObjectName name = statement.name();
    String catalog = name.parts().size() == 2 ? name.parts().get(0) : path.get(0);
    MemoryConnector memory = writableCatalog(catalog, name);
    memory.createSchema(name.last(), statement.ifNotExists());
    return 0;
  }

  private long dropSchema(DropSchemaStatement statement, List<String> path) {
    ObjectName name = statement.name();
    String catalog = name.parts().size() == 2 ? name.parts().get(0) : path.get(0);
    MemoryConnector memory = writableCatalog(catalog, name);
    Optional<String> schema = memory.schemaName(name.last(), isQuoted(name, name.parts().size() - 1));
    if (schema.isEmpty()) {
      if (statement.ifExists()) {
        return 0;
      }
      throw new QuiverException(ErrorCode.SCHEMA_NOT_FOUND, "schema " + MemoryConnector.NAME + "." + name.last()
          + " does not exist");
    }
    memory.dropSchema(schema.get(), statement.ifExists(), statement.cascade());
    return 0;
  }

  private long dropTable(DropTableStatement statement, List<String> path) {
    TableTarget target = tableTarget(statement.name(), path);
    Optional<String> schema = target.memory().schemaName(target.schema(), target.schemaQuoted());
    if (schema.isEmpty()) {
      if (statement.ifExists()) {
        return 0;
      }
      throw schemaNotFound(target.schema());
    }
    Optional<String> table = target.memory().tableName(schema.get(), target.table(), target.tableQuoted());
    if (table.isEmpty()) {
      if (statement.ifExists()) {
        return 0;
      }
      throw new QuiverException(ErrorCode.TABLE_NOT_FOUND, "table " + MemoryConnector.NAME + "." + schema.get()
          + "." + target.table() + " does not exist");
    }
    target.memory().dropTable(schema.get(), table.get(), statement.ifExists());
    return 0;
  }

  private long createTableAs(CreateTableAsStatement statement, String sql, List<String> path, String queryId) {
    TableTarget target = tableTarget(statement.name(), path);
    MemoryConnector memory = target.memory();
    String schema = memory.schemaName(target.schema(), target.schemaQuoted())
        .orElseThrow(() -> schemaNotFound(target.schema()));
    if (memory.tableName(schema, target.table(), false).isPresent()) {
      if (statement.ifNotExists()) {
        return 0;
      }
      throw new QuiverException(ErrorCode.DUPLICATE_OBJECT, "table " + MemoryConnector.NAME + "." + schema + "."
          + target.table() + " already exists");
    }
    PlannedStatement planned = plan(statement.query(), path);
    RowSchema rowSchema = planned.resultSchema();
    checkColumnNames(rowSchema, schema, target.table());
    MemoryTableWriter writer = memory.newTableWriter(schema, target.table(), rowSchema);
    try {
      run(queryId, sql, planned, writer);
    } catch (RuntimeException | Error e) {
      writer.abort();
      throw e;
    }
    Optional<MemoryTable> table = memory.addTable(schema, target.table(), writer, statement.ifNotExists());
    return table.map(MemoryTable::rowCount).orElse(0L);
  }

  /** Runs the query's job into the writer and waits for its end; throws the job's error. */
  private void run(String queryId, String sql, PlannedStatement planned, MemoryTableWriter writer) {
    CancellationToken cancellation = new CancellationToken();
    CompletableFuture<JobExecution> ended = new CompletableFuture<>();
    JobExecution job = scheduler.submitJob(queryId, sql, planned.stagePlan(), cancellation, writer, ended::complete);
    boolean interrupted = false;
    while (true) {
      try {
        ended.get();
        break;
      } catch (InterruptedException e) {
        // Stop the query, but wait for its tasks: the writer must not be freed under them.
        interrupted = true;
        job.cancel(new QuiverException(ErrorCode.QUERY_CANCELLED, "the statement was interrupted"));
      } catch (ExecutionException e) {
        throw new QuiverException(ErrorCode.INTERNAL_ERROR, "waiting for " + queryId + " failed: " + e.getCause(),
            e.getCause());
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    QuiverException failure = job.failure();
    if (failure != null) {
      throw new QuiverException(failure.errorCode(), failure.getMessage(), failure);
    }
    if (interrupted) {
      throw new QuiverException(ErrorCode.QUERY_CANCELLED, "the statement was interrupted");
    }
  }

  private PlannedStatement plan(String query, List<String> path) {
    PlannedStatement planned;
    try {
      planned = planner.apply(query, path);
    } catch (QuiverException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      throw new QuiverException(ErrorCode.INTERNAL_ERROR, "planning failed: " + e, e);
    }
    if (planned == null || planned.kind() != PlannedStatement.Kind.QUERY) {
      throw new QuiverException(ErrorCode.NOT_SUPPORTED, "CREATE TABLE ... AS needs a query, not "
          + (planned == null ? "nothing" : planned.kind()));
    }
    if (planned.stagePlan() == null || planned.resultSchema() == null) {
      throw new QuiverException(ErrorCode.INTERNAL_ERROR, "the planner returned a query without stages or schema");
    }
    return planned;
  }

  private static void checkColumnNames(RowSchema schema, String schemaName, String table) {
    if (schema.size() == 0) {
      throw new QuiverException(ErrorCode.VALIDATION_ERROR, "table " + table + " would have no columns");
    }
    Set<String> seen = new HashSet<>();
    for (Column column : schema.columns()) {
      if (!seen.add(column.name().toLowerCase(Locale.ROOT))) {
        throw new QuiverException(ErrorCode.VALIDATION_ERROR, "column name '" + column.name() + "' appears twice "
            + "in the query of CREATE TABLE " + MemoryConnector.NAME + "." + schemaName + "." + table
            + "; give the columns distinct names with AS");
      }
    }
  }

  /** Where a table name points: [catalog.][schema.]table, completed from the session's path. */
  private record TableTarget(MemoryConnector memory, String schema, boolean schemaQuoted, String table,
      boolean tableQuoted) {
  }

  private TableTarget tableTarget(ObjectName name, List<String> path) {
    List<String> parts = name.parts();
    String catalog;
    String schema;
    boolean schemaQuoted;
    if (parts.size() == 3) {
      catalog = parts.get(0);
      schema = parts.get(1);
      schemaQuoted = isQuoted(name, 1);
    } else if (parts.size() == 2) {
      catalog = path.get(0);
      schema = parts.get(0);
      schemaQuoted = isQuoted(name, 0);
    } else {
      if (path.size() < 2) {
        throw new QuiverException(ErrorCode.SCHEMA_NOT_FOUND, "table " + name + " names no schema and the "
            + "session has no current schema");
      }
      catalog = path.get(0);
      schema = path.get(1);
      schemaQuoted = true;
    }
    MemoryConnector memory = writableCatalog(catalog, name);
    return new TableTarget(memory, schema, schemaQuoted, name.last(), isQuoted(name, parts.size() - 1));
  }

  private MemoryConnector writableCatalog(String catalog, ObjectName name) {
    Named<SchemaPlus> found = catalogs.catalog(catalog).orElseThrow(() -> new QuiverException(
        ErrorCode.SCHEMA_NOT_FOUND, "catalog '" + catalog + "' does not exist (in " + name + ")"));
    Connector connector = catalogs.connector(found.name()).orElse(null);
    if (connector instanceof MemoryConnector memory) {
      return memory;
    }
    throw new QuiverException(ErrorCode.NOT_SUPPORTED, "catalog '" + found.name() + "' is read-only; create "
        + "schemas and tables in catalog '" + MemoryConnector.NAME + "' (" + name + ")");
  }

  private static boolean isQuoted(ObjectName name, int part) {
    return name.quoted().get(part);
  }

  private static QuiverException schemaNotFound(String schema) {
    return new QuiverException(ErrorCode.SCHEMA_NOT_FOUND, "schema " + MemoryConnector.NAME + "." + schema
        + " does not exist");
  }
}
