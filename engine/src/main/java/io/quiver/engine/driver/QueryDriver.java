package io.quiver.engine.driver;

import io.quiver.engine.QueryResult;
import io.quiver.engine.admission.QueryMemory;
import io.quiver.engine.ddl.DdlExecutor;
import io.quiver.engine.catalog.CatalogRegistry;
import io.quiver.engine.connector.CatalogPin;
import io.quiver.engine.connector.file.FileTables;
import io.quiver.engine.event.EventListener;
import io.quiver.engine.profile.ExplainAnalyzeJson;
import io.quiver.engine.profile.ExplainAnalyzeText;
import io.quiver.engine.profile.JobProfile;
import io.quiver.engine.profile.RuntimeHistory;
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
import io.quiver.sql.ddl.DdlParser;
import io.quiver.sql.error.SqlFrontendException;
import io.quiver.planner.error.SqlErrors;
import io.quiver.sql.ddl.DefaultSchemaQuoting;
import io.quiver.sql.ddl.DdlStatement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.memory.BufferAllocator;

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
  private final QueryMemory memory;
  private final AtomicLong queryNumbers = new AtomicLong();
  private final RecursiveQueryRunner recursion;
  private final RuntimeHistory history;

  /**
   * @param allocator results' allocators are its children
   * @param catalogs where DDL creates and drops objects
   * @param history told of every statement's start and end
   * @param fileTables reads and writes tables over files for DDL, INSERT and COPY
   * @param memory told which user runs which query, for the memory limits
   */
  QueryDriver(StatementPlanner planner, DagScheduler scheduler, BufferAllocator allocator, CatalogRegistry catalogs,
      RuntimeHistory history, FileTables fileTables, QueryMemory memory) {
    this.history = history;
    this.memory = memory;
    this.planner = planner;
    this.scheduler = scheduler;
    this.allocator = allocator;
    this.catalogs = catalogs;
    this.ddl = new DdlExecutor(catalogs, this::plan, scheduler, fileTables);
    RecursionTables recursionTables = new RecursionTables();
    catalogs.dataSources().register(recursionTables);
    this.recursion = new RecursiveQueryRunner(scheduler, recursionTables, allocator);
  }

  /**
   * Plans and starts one statement.
   *
   * @param user who runs it (its jobs count against the user's memory limit)
   * @param onClose run when the returned result is closed
   * @throws QuiverException parse, validation and planning errors; INTERNAL_ERROR for anything unexpected
   */
  public QueryResult execute(String sql, List<String> defaultSchemaPath, String user, Runnable onClose) {
    return execute(sql, defaultSchemaPath, user, onClose, new CancellationToken());
  }

  /**
   * Plans and starts one statement; {@code cancellation} stops it while it is planned (within a poll
   * interval) and, for a query, while it runs.
   */
  public QueryResult execute(String sql, List<String> defaultSchemaPath, String user, Runnable onClose,
      CancellationToken cancellation) {
    if (sql == null || sql.isBlank()) {
      throw new QuiverException(ErrorCode.SYNTAX_ERROR, "the statement is empty");
    }
    String queryId = "query_" + queryNumbers.incrementAndGet();
    history.queryStarted(queryId, user != null ? user : history.currentUser(), sql);
    memory.register(queryId, user);
    try {
      QueryResult result = start(sql, defaultSchemaPath, queryId, () -> {
        memory.unregister(queryId);
        onClose.run();
      }, cancellation);
      if (!result.isRowResult()) {
        history.queryEnded(queryId, result.updateCount(), null, null);
      } else if (result instanceof ExplainResult) {
        history.queryEnded(queryId, 0, null, null);
      }
      return result;
    } catch (QuiverException e) {
      memory.unregister(queryId);
      history.queryEnded(queryId, 0, e.errorCode(), e.getMessage());
      throw e;
    } catch (RuntimeException | Error e) {
      memory.unregister(queryId);
      history.queryEnded(queryId, 0, ErrorCode.INTERNAL_ERROR, e.toString());
      throw e;
    }
  }

  private QueryResult start(String sql, List<String> defaultSchemaPath, String queryId, Runnable onClose,
      CancellationToken cancellation) {
    Optional<DdlStatement> ddlStatement;
    try {
      ddlStatement = DdlParser.parse(sql);
    } catch (SqlFrontendException e) {
      throw SqlErrors.toQuiverException(e);
    }
    if (ddlStatement.isPresent()) {
      return ddl.execute(ddlStatement.get(), sql, defaultSchemaPath, queryId, onClose);
    }
    PlannedStatement planned = plan(sql, defaultSchemaPath, cancellation);
    history.queryPlanned(queryId, planned.planningNanos());
    if (planned.kind() != PlannedStatement.Kind.EXPLAIN) {
      history.jobPlanned(queryId, planned.stagePlan(), planned.rowEstimates(), planned.planningNanos());
    }
    switch (planned.kind()) {
      case EXPLAIN:
        return new ExplainResult(queryId, planned.json()
            ? ExplainAnalyzeJson.plan(planned.stagePlan(), planned.rowEstimates()) : planned.explainText(),
            newResultAllocator(queryId), onClose);
      case EXPLAIN_ANALYZE:
        return explainAnalyze(queryId, sql, planned, onClose, cancellation);
      case QUERY:
        return run(queryId, sql, planned, onClose, cancellation);
      default:
        throw new QuiverException(ErrorCode.NOT_SUPPORTED, "statements of kind " + planned.kind());
    }
  }

  /**
   * Plans one statement without running it: the columns of a query or EXPLAIN; null for DDL/DML.
   *
   * @throws QuiverException parse, validation and planning errors, as from {@link #execute}
   */
  public RowSchema describe(String sql, List<String> defaultSchemaPath) {
    if (sql == null || sql.isBlank()) {
      throw new QuiverException(ErrorCode.SYNTAX_ERROR, "the statement is empty");
    }
    try {
      if (DdlParser.parse(sql).isPresent()) {
        return null;
      }
    } catch (SqlFrontendException e) {
      throw SqlErrors.toQuiverException(e);
    }
    PlannedStatement planned = plan(sql, defaultSchemaPath);
    return planned.kind() == PlannedStatement.Kind.EXPLAIN_ANALYZE ? ExplainResult.SCHEMA : planned.resultSchema();
  }

  private PlannedStatement plan(String sql, List<String> defaultSchemaPath) {
    return plan(sql, defaultSchemaPath, new CancellationToken());
  }

  private PlannedStatement plan(String sql, List<String> defaultSchemaPath, CancellationToken cancellation) {
    PlannedStatement planned;
    String text = DefaultSchemaQuoting.apply(sql);
    try {
      // The catalog pin belongs to the thread that plans.
      planned = PlanningThreads.plan(() -> {
        try (CatalogPin pin = catalogs.pinForPlanning()) {
          return planner.plan(text, defaultSchemaPath);
        }
      }, cancellation);
    } catch (QuiverException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError | AssertionError e) {
      throw new QuiverException(ErrorCode.INTERNAL_ERROR, "planning failed: " + e, e);
    }
    if (planned == null || planned.kind() == null) {
      throw new QuiverException(ErrorCode.INTERNAL_ERROR, "the planner returned no plan");
    }
    if (planned.kind() != PlannedStatement.Kind.EXPLAIN
        && (planned.stagePlan() == null || planned.resultSchema() == null)) {
      throw new QuiverException(ErrorCode.INTERNAL_ERROR, "the planner returned a query without stages or schema");
    }
    return planned;
  }

  /**
   * EXPLAIN ANALYZE: runs the query to its end, discarding its rows, and answers with what its job's
   * events said (a failed or cancelled query fails the statement with its error).
   */
  private QueryResult explainAnalyze(String queryId, String sql, PlannedStatement planned, Runnable onClose,
      CancellationToken cancellation) {
    long start = System.nanoTime() - planned.planningNanos();
    JobProfile profile = new JobProfile(queryId);
    EventListener listener = profile::onEvent;
    scheduler.events().subscribe(listener);
    long rows = 0;
    try {
      try (QueryResult result = run(queryId, sql, planned, () -> { }, cancellation)) {
        while (result.loadNextBatch()) {
          rows += result.root().getRowCount();
        }
      }
      if (!profile.awaitEnd(1, TimeUnit.MINUTES)) {
        throw new QuiverException(ErrorCode.INTERNAL_ERROR, "the job of " + queryId + " did not report its end");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new QuiverException(ErrorCode.QUERY_CANCELLED, "interrupted while " + queryId + " ran", e);
    } finally {
      scheduler.events().unsubscribe(listener);
    }
    long elapsed = System.nanoTime() - start;
    String text = planned.json()
        ? ExplainAnalyzeJson.analyzed(planned.stagePlan(), planned.rowEstimates(), profile, rows, elapsed,
            planned.planningNanos())
        : ExplainAnalyzeText.print(planned.stagePlan(), planned.rowEstimates(), profile, rows, elapsed,
            planned.planningNanos());
    return new ExplainResult(queryId, text, newResultAllocator(queryId), onClose);
  }

  private QueryResult run(String queryId, String sql, PlannedStatement planned, Runnable onClose,
      CancellationToken cancellation) {
    if (!planned.recursiveSteps().isEmpty()) {
      // The recursive CTEs' tables, filled now by jobs of their own, live until the query has ended.
      RecursiveQueryRunner.Tables tables = recursion.run(queryId, sql, planned, cancellation);
      try {
        return run(queryId, sql, planned, onClose, cancellation, tables::close);
      } catch (RuntimeException | Error e) {
        tables.close();
        throw e;
      }
    }
    return run(queryId, sql, planned, onClose, cancellation, () -> { });
  }

  private QueryResult run(String queryId, String sql, PlannedStatement planned, Runnable onClose,
      CancellationToken cancellation, Runnable onJobEnd) {
    BufferAllocator resultAllocator = newResultAllocator(queryId);
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
          ended -> {
            onJobEnd.run();
            buffer.finish(ended.failure());
          });
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
