package io.quiver.engine.driver;

import io.quiver.engine.QueryResult;
import io.quiver.engine.access.AccessControl;
import io.quiver.engine.access.PlanningSubject;
import io.quiver.engine.admission.QueryMemory;
import io.quiver.engine.catalog.CatalogRegistry;
import io.quiver.engine.connector.memory.TemporaryScope;
import io.quiver.engine.connector.CatalogPin;
import io.quiver.engine.connector.file.FileTables;
import io.quiver.engine.ddl.DdlExecutor;
import io.quiver.engine.event.EventListener;
import io.quiver.engine.metadata.CatalogMetadata;
import io.quiver.engine.profile.ExplainAnalyzeJson;
import io.quiver.engine.profile.ExplainAnalyzeText;
import io.quiver.engine.profile.JobProfile;
import io.quiver.engine.profile.RuntimeHistory;
import io.quiver.engine.result.ResultBuffer;
import io.quiver.engine.result.RowsResult;
import io.quiver.engine.result.StreamingQueryResult;
import io.quiver.engine.result.UpdateCountResult;
import io.quiver.engine.scheduler.DagScheduler;
import io.quiver.engine.scheduler.JobExecution;
import io.quiver.engine.session.SessionSettings;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.task.CancellationToken;
import io.quiver.exec.type.RowSchema;
import io.quiver.exec.type.Column;
import io.quiver.planner.ParameterTypes;
import io.quiver.planner.PlannedStatement;
import io.quiver.planner.PlannerSettings;
import io.quiver.planner.error.SqlErrors;
import io.quiver.sql.error.SqlFrontendException;
import io.quiver.sql.parser.QuiverSqlParser;
import io.quiver.sql.statement.ExplainStatement;
import io.quiver.sql.statement.GrantStatement;
import io.quiver.sql.statement.ShowGrantsStatement;
import io.quiver.sql.statement.QueryStatement;
import io.quiver.sql.statement.SetStatement;
import io.quiver.sql.statement.ShowStatement;
import io.quiver.sql.statement.Statement;
import io.quiver.sql.statement.UseStatement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.calcite.sql.SqlNode;

/**
 * The driver's part of running a statement: parse it; plan a query and start its job on the DAG
 * scheduler, handing back the stream of its rows; answer SHOW and DESCRIBE from the catalog; pass
 * USE, SET and RESET to the session; hand other statements to the {@link DdlExecutor}. Shared by all
 * sessions of an engine.
 */
public final class QueryDriver {

  /** Batches a result holds for its client before the result tasks wait. */
  static final int RESULT_QUEUE_BATCHES = 8;

  private final Function<PlannerSettings, StatementPlanner> planners;
  private final PlannerSettings baseSettings;
  private final Map<PlannerSettings, StatementPlanner> plannersBySettings = new ConcurrentHashMap<>();
  private final DagScheduler scheduler;
  private final BufferAllocator allocator;
  private final DdlExecutor ddl;
  private final ShowExecutor show;
  private final CatalogRegistry catalogs;
  private final AtomicLong queryNumbers = new AtomicLong();
  private final QueryMemory memory;
  private final RuntimeHistory history;
  private final RecursiveQueryRunner recursion;
  private final QueryAccess queryAccess;
  private final GrantExecutor grants;

  /**
   * @param planners makes a planner for settings (a session's shuffle partitions, time zone)
   * @param baseSettings the engine's planner settings, before a session's options
   * @param allocator results' allocators are its children
   * @param catalogs where DDL creates and drops objects
   * @param fileTables reads and writes tables over files for DDL, INSERT and COPY
   * @param memory the memory limits of queries and users (which user runs which query)
   * @param history told of every statement's start, plan and end
   * @param access who may do what: checked for every object a statement touches
   */
  QueryDriver(Function<PlannerSettings, StatementPlanner> planners, PlannerSettings baseSettings,
      DagScheduler scheduler, BufferAllocator allocator, CatalogRegistry catalogs, CatalogMetadata metadata,
      FileTables fileTables, QueryMemory memory, RuntimeHistory history, AccessControl access) {
    this.memory = memory;
    this.history = history;
    this.planners = planners;
    this.baseSettings = baseSettings;
    this.scheduler = scheduler;
    this.allocator = allocator;
    this.catalogs = catalogs;
    this.ddl = new DdlExecutor(catalogs, (query, context) -> plan(query, false, context), scheduler, fileTables,
        access);
    this.show = new ShowExecutor(catalogs, metadata, access);
    this.queryAccess = new QueryAccess(access, catalogs);
    this.grants = new GrantExecutor(access, catalogs);
    RecursionTables recursionTables = new RecursionTables();
    catalogs.dataSources().register(recursionTables);
    this.recursion = new RecursiveQueryRunner(scheduler, recursionTables, allocator);
  }

  /**
   * Parses and runs one statement; a query's rows stream while its job runs.
   *
   * @param onClose run when the returned result is closed
   * @throws QuiverException parse, validation and planning errors; INTERNAL_ERROR for anything unexpected
   */
  public QueryResult execute(String sql, StatementContext context, Runnable onClose) {
    return execute(sql, context, io.quiver.engine.Session.EMBEDDED_USER, onClose, new CancellationToken());
  }

  /**
   * Parses and runs one statement; {@code cancellation} stops a query while it is planned (within
   * a poll interval) and while it runs.
   */
  public QueryResult execute(String sql, StatementContext context, String user, Runnable onClose,
      CancellationToken cancellation) {
    String queryId = "query_" + queryNumbers.incrementAndGet();
    memory.register(queryId, user);
    // Recorded before parsing so that a syntax error is a FAILED query in system.runtime.queries too.
    history.queryStarted(queryId, user != null ? user : history.currentUser(), sql);
    try {
      Statement statement = parse(sql);
      QueryResult result = start(statement, sql, context, queryId, () -> {
        memory.unregister(queryId);
        onClose.run();
      }, cancellation);
      if (!result.isRowResult()) {
        history.queryEnded(queryId, result.updateCount(), null, null);
      } else if (result instanceof RowsResult) {
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

  private QueryResult start(Statement statement, String sql, StatementContext context, String queryId,
      Runnable onClose, CancellationToken cancellation) {
    if (statement instanceof QueryStatement query) {
      PlannedStatement planned = plan(query.query(), false, context, cancellation);
      history.queryPlanned(queryId, planned.planningNanos());
      history.jobPlanned(queryId, planned.stagePlan(), planned.rowEstimates(), planned.planningNanos());
      return run(queryId, sql, planned, context.settings(), onClose, cancellation);
    }
    if (statement instanceof ExplainStatement explain) {
      boolean json = explain.format() == ExplainStatement.Format.JSON;
      if (explain.analyze()) {
        PlannedStatement planned = plan(explain.query(), false, context, cancellation);
        history.queryPlanned(queryId, planned.planningNanos());
        history.jobPlanned(queryId, planned.stagePlan(), planned.rowEstimates(), planned.planningNanos());
        return explainAnalyze(queryId, sql, planned, context.settings(), json, onClose, cancellation);
      }
      PlannedStatement planned = plan(explain.query(), true, context, cancellation);
      history.queryPlanned(queryId, planned.planningNanos());
      return RowsResult.explain(queryId, json ? ExplainAnalyzeJson.plan(planned.stagePlan(), planned.rowEstimates())
          : planned.explainText(), newResultAllocator(queryId), onClose);
    }
    if (statement instanceof ShowStatement question) {
      return new RowsResult(queryId, ShowExecutor.schema(question), show.rows(question, context),
          newResultAllocator(queryId), onClose);
    }
    if (statement instanceof UseStatement use) {
      session(context).use(use.schema());
      return new UpdateCountResult(queryId, 0, onClose);
    }
    if (statement instanceof SetStatement set) {
      session(context).set(set);
      return new UpdateCountResult(queryId, 0, onClose);
    }
    if (statement instanceof GrantStatement grant) {
      grants.execute(grant, context);
      return new UpdateCountResult(queryId, 0, onClose);
    }
    if (statement instanceof ShowGrantsStatement question) {
      return new RowsResult(queryId, GrantExecutor.SHOW_GRANTS, grants.show(question, context),
          newResultAllocator(queryId), onClose);
    }
    return ddl.execute(statement, sql, context, queryId, onClose);
  }

  /**
   * The columns of a statement's answer, planned but not run: of a query, EXPLAIN, SHOW or
   * DESCRIBE; null for a statement that answers with a count.
   *
   * @throws QuiverException parse, validation and planning errors, as from {@link #execute}
   */
  public RowSchema describe(String sql, StatementContext context) {
    Statement statement = parse(sql);
    if (statement instanceof QueryStatement query) {
      return plan(query.query(), false, context).resultSchema();
    }
    if (statement instanceof ExplainStatement explain) {
      plan(explain.query(), true, context);
      return RowsResult.EXPLAIN_SCHEMA;
    }
    if (statement instanceof ShowStatement question) {
      return ShowExecutor.schema(question);
    }
    if (statement instanceof ShowGrantsStatement) {
      return GrantExecutor.SHOW_GRANTS;
    }
    return null;
  }

  /**
   * The types of a query's {@code ?} markers as the validator infers them (JDBC's
   * ParameterMetaData); the user must be allowed to read what the query names.
   *
   * @throws QuiverException NOT_SUPPORTED for a statement that is not a query; a validation error,
   *     also where a marker's place does not say its type
   */
  public List<Column> describeParameters(String sql, StatementContext context) {
    Statement statement = parse(sql);
    if (!(statement instanceof QueryStatement query)) {
      throw new QuiverException(ErrorCode.NOT_SUPPORTED, "only a query's parameters are typed before it runs");
    }
    StatementPlanner planner = planner(context.settings());
    queryAccess.checkFileFunctions(context.subject(), query.query());
    ParameterTypes types;
    try {
      types = PlanningThreads.plan(() -> PlanningSubject.with(context.subject(), () -> {
        try (CatalogPin pin = catalogs.pinForPlanning()) {
          return planner.parameterTypes(query.query(), context.schemaPaths());
        }
      }), new CancellationToken());
    } catch (QuiverException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError | AssertionError e) {
      throw new QuiverException(ErrorCode.INTERNAL_ERROR, "typing the parameters failed: " + e, e);
    }
    queryAccess.checkRead(context.subject(), types.tablesRead());
    return types.parameters();
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

  private static SessionControl session(StatementContext context) {
    if (context.session() == null) {
      throw new QuiverException(ErrorCode.NOT_SUPPORTED, "USE, SET and RESET need a session");
    }
    return context.session();
  }

  /** Plans a parsed query with the statement's search path and options. */
  PlannedStatement plan(SqlNode query, boolean explain, StatementContext context) {
    return plan(query, explain, context, new CancellationToken());
  }

  private PlannedStatement plan(SqlNode query, boolean explain, StatementContext context,
      CancellationToken cancellation) {
    PlannedStatement planned;
    StatementPlanner planner = planner(context.settings());
    // Files are opened while the query is validated: FILES is checked first.
    queryAccess.checkFileFunctions(context.subject(), query);
    try {
      // The catalog pin belongs to the thread that plans; so do the subject the system tables name and
      // the session whose temporary schema it sees.
      String session = TemporaryScope.session();
      planned = PlanningThreads.plan(() -> TemporaryScope.with(session, () -> PlanningSubject.with(
          context.subject(), () -> {
            try (CatalogPin pin = catalogs.pinForPlanning()) {
              return planner.plan(query, explain, context.schemaPaths());
            }
          })), cancellation);
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
    queryAccess.checkRead(context.subject(), planned.tablesRead());
    return planned;
  }

  /**
   * EXPLAIN ANALYZE: runs the query to its end, discarding its rows, and answers with what its job's
   * events said (a failed or cancelled query fails the statement with its error).
   */
  private QueryResult explainAnalyze(String queryId, String sql, PlannedStatement planned, SessionSettings settings,
      boolean json, Runnable onClose, CancellationToken cancellation) {
    long start = System.nanoTime() - planned.planningNanos();
    JobProfile profile = new JobProfile(queryId);
    EventListener listener = profile::onEvent;
    scheduler.events().subscribe(listener);
    long rows = 0;
    try {
      try (QueryResult result = run(queryId, sql, planned, settings, () -> { }, cancellation)) {
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
    String text = json
        ? ExplainAnalyzeJson.analyzed(planned.stagePlan(), planned.rowEstimates(), profile, rows, elapsed,
            planned.planningNanos())
        : ExplainAnalyzeText.print(planned.stagePlan(), planned.rowEstimates(), profile, rows, elapsed,
            planned.planningNanos());
    return RowsResult.explain(queryId, text, newResultAllocator(queryId), onClose);
  }

  /** The planner for a session's options (one per distinct setting, made once). */
  private StatementPlanner planner(SessionSettings settings) {
    PlannerSettings wanted = new PlannerSettings(settings.shufflePartitions(), baseSettings.broadcastThresholdRows(),
        settings.timeZone());
    return plannersBySettings.computeIfAbsent(wanted, planners);
  }

  private QueryResult run(String queryId, String sql, PlannedStatement planned, SessionSettings settings,
      Runnable onClose, CancellationToken cancellation) {
    if (!planned.recursiveSteps().isEmpty()) {
      // The recursive CTEs' tables, filled now by jobs of their own, live until the query has ended.
      RecursiveQueryRunner.Tables tables = recursion.run(queryId, sql, planned, cancellation);
      try {
        return run(queryId, sql, planned, settings, onClose, cancellation, tables::close);
      } catch (RuntimeException | Error e) {
        tables.close();
        throw e;
      }
    }
    return run(queryId, sql, planned, settings, onClose, cancellation, () -> { });
  }

  private QueryResult run(String queryId, String sql, PlannedStatement planned, SessionSettings settings,
      Runnable onClose, CancellationToken cancellation, Runnable onJobEnd) {
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
          }, settings.jobLimits());
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
