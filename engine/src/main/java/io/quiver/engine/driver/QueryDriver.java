package io.quiver.engine.driver;

import io.quiver.engine.QueryResult;
import io.quiver.engine.ddl.DdlExecutor;
import io.quiver.engine.catalog.CatalogRegistry;
import io.quiver.engine.connector.CatalogPin;
import io.quiver.engine.connector.file.FileTables;
import io.quiver.engine.result.ExplainResult;
import io.quiver.engine.result.ResultBuffer;
import io.quiver.engine.result.StreamingQueryResult;
import io.quiver.engine.scheduler.DagScheduler;
import io.quiver.engine.scheduler.JobExecution;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.task.CancellationToken;
import io.quiver.exec.type.RowSchema;
import io.quiver.planner.PlannedStatement;
import io.quiver.planner.error.SqlErrors;
import io.quiver.sql.error.SqlFrontendException;
import io.quiver.sql.parser.QuiverSqlParser;
import io.quiver.sql.statement.ExplainStatement;
import io.quiver.sql.statement.QueryStatement;
import io.quiver.sql.statement.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.calcite.sql.SqlNode;

/**
 * The driver's part of running a statement: plan it, start its job on the DAG scheduler and hand
 * back the stream of its rows. Shared by all sessions of an engine.
 */
public final class QueryDriver {

  /** Batches a result holds for its client before the result tasks wait. */
  static final int RESULT_QUEUE_BATCHES = 8;

  private final StatementPlanner planner;
  private final DagScheduler scheduler;
  private final BufferAllocator allocator;
  private final DdlExecutor ddl;
  private final CatalogRegistry catalogs;
  private final AtomicLong queryNumbers = new AtomicLong();

  /**
   * @param allocator results' allocators are its children
   * @param catalogs where DDL creates and drops objects
   * @param fileTables reads and writes tables over files for DDL, INSERT and COPY
   */
  QueryDriver(StatementPlanner planner, DagScheduler scheduler, BufferAllocator allocator, CatalogRegistry catalogs,
      FileTables fileTables) {
    this.planner = planner;
    this.scheduler = scheduler;
    this.allocator = allocator;
    this.catalogs = catalogs;
    this.ddl = new DdlExecutor(catalogs, (query, path) -> plan(query, false, path), scheduler, fileTables);
  }

  /**
   * Parses, plans and starts one statement.
   *
   * @param onClose run when the returned result is closed
   * @throws QuiverException parse, validation and planning errors; INTERNAL_ERROR for anything unexpected
   */
  public QueryResult execute(String sql, List<String> defaultSchemaPath, Runnable onClose) {
    Statement statement = parse(sql);
    String queryId = "query_" + queryNumbers.incrementAndGet();
    if (statement instanceof QueryStatement query) {
      return run(queryId, sql, plan(query.query(), false, defaultSchemaPath), onClose);
    }
    if (statement instanceof ExplainStatement explain) {
      PlannedStatement planned = plan(explainedQuery(explain), true, defaultSchemaPath);
      return new ExplainResult(queryId, planned.explainText(), newResultAllocator(queryId), onClose);
    }
    return ddl.execute(statement, sql, defaultSchemaPath, queryId, onClose);
  }

  /**
   * Plans one statement without running it: the columns of a query or EXPLAIN; null for DDL/DML.
   *
   * @throws QuiverException parse, validation and planning errors, as from {@link #execute}
   */
  public RowSchema describe(String sql, List<String> defaultSchemaPath) {
    Statement statement = parse(sql);
    if (statement instanceof QueryStatement query) {
      return plan(query.query(), false, defaultSchemaPath).resultSchema();
    }
    if (statement instanceof ExplainStatement explain) {
      return plan(explainedQuery(explain), true, defaultSchemaPath).resultSchema();
    }
    return null;
  }

  private static Statement parse(String sql) {
    if (sql == null || sql.isBlank()) {
      throw new QuiverException(ErrorCode.SYNTAX_ERROR, "the statement is empty");
    }
    try {
      return QuiverSqlParser.parse(sql);
    } catch (SqlFrontendException e) {
      throw SqlErrors.toQuiverException(e);
    }
  }

  /** The query an EXPLAIN explains; EXPLAIN ANALYZE and JSON plans are not there yet. */
  private static SqlNode explainedQuery(ExplainStatement explain) {
    if (explain.analyze()) {
      throw new QuiverException(ErrorCode.NOT_SUPPORTED, "EXPLAIN ANALYZE is not supported yet; EXPLAIN shows the "
          + "plan without running it");
    }
    if (explain.format() != ExplainStatement.Format.TEXT) {
      throw new QuiverException(ErrorCode.NOT_SUPPORTED, "EXPLAIN (FORMAT " + explain.format()
          + ") is not supported yet; EXPLAIN writes the plan as text");
    }
    return explain.query();
  }

  /** Plans a parsed query of a session whose unqualified names resolve in {@code defaultSchemaPath}. */
  PlannedStatement plan(SqlNode query, boolean explain, List<String> defaultSchemaPath) {
    PlannedStatement planned;
    try (CatalogPin pin = catalogs.pinForPlanning()) {
      planned = planner.plan(query, explain, List.of(defaultSchemaPath, List.of()));
    } catch (QuiverException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError | AssertionError e) {
      throw new QuiverException(ErrorCode.INTERNAL_ERROR, "planning failed: " + e, e);
    }
    if (planned == null || planned.kind() == null) {
      throw new QuiverException(ErrorCode.INTERNAL_ERROR, "the planner returned no plan");
    }
    if (planned.kind() == PlannedStatement.Kind.QUERY
        && (planned.stagePlan() == null || planned.resultSchema() == null)) {
      throw new QuiverException(ErrorCode.INTERNAL_ERROR, "the planner returned a query without stages or schema");
    }
    return planned;
  }

  private QueryResult run(String queryId, String sql, PlannedStatement planned, Runnable onClose) {
    BufferAllocator resultAllocator = newResultAllocator(queryId);
    CancellationToken cancellation = new CancellationToken();
    StreamingQueryResult result;
    ResultBuffer buffer;
    try {
      buffer = new ResultBuffer(resultAllocator, RESULT_QUEUE_BATCHES, cancellation);
      result = new StreamingQueryResult(queryId, planned.resultSchema(), resultAllocator, buffer, onClose);
      result.setPlanningNanos(planned.planningNanos());
    } catch (RuntimeException e) {
      resultAllocator.close();
      throw new QuiverException(ErrorCode.INTERNAL_ERROR, "could not set up the result of " + queryId + ": " + e, e);
    }
    try {
      JobExecution job = scheduler.submitJob(queryId, sql, planned.stagePlan(), cancellation, buffer,
          ended -> buffer.finish(ended.failure()));
      result.attach(job);
      return result;
    } catch (RuntimeException e) {
      result.close();
      throw e instanceof QuiverException quiver ? quiver
          : new QuiverException(ErrorCode.INTERNAL_ERROR, "could not start " + queryId + ": " + e, e);
    }
  }

  private BufferAllocator newResultAllocator(String queryId) {
    return allocator.newChildAllocator("result " + queryId, 0, allocator.getLimit());
  }
}
