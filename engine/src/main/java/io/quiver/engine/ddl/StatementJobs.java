package io.quiver.engine.ddl;

import io.quiver.engine.connector.file.FileTables;
import io.quiver.engine.driver.StatementContext;
import io.quiver.engine.scheduler.DagScheduler;
import io.quiver.engine.scheduler.JobExecution;
import io.quiver.engine.scheduler.JobLimits;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.task.CancellationToken;
import io.quiver.exec.task.ResultSink;
import io.quiver.planner.PlannedStatement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.BiFunction;
import org.apache.calcite.sql.SqlNode;

/**
 * Plans the queries inside DDL and DML statements with the ordinary planner and runs them as jobs
 * whose result stage feeds a sink (a table writer, a file writer), waiting for their end.
 */
public final class StatementJobs {

  private final BiFunction<SqlNode, StatementContext, PlannedStatement> planner;
  private final DagScheduler scheduler;

  /** @param planner plans the queries of statements; null when only {@link #run} is used */
  public StatementJobs(BiFunction<SqlNode, StatementContext, PlannedStatement> planner, DagScheduler scheduler) {
    this.planner = planner;
    this.scheduler = scheduler;
  }

  /**
   * Plans a query (once per parse: the validator rewrites the nodes it validates).
   *
   * @param statement what the query is part of, for messages ("CREATE TABLE ... AS")
   */
  PlannedStatement plan(SqlNode query, StatementContext context, String statement) {
    PlannedStatement planned;
    try {
      planned = planner.apply(query, context);
    } catch (QuiverException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      throw new QuiverException(ErrorCode.INTERNAL_ERROR, "planning failed: " + e, e);
    }
    if (planned == null || planned.kind() != PlannedStatement.Kind.QUERY) {
      throw new QuiverException(ErrorCode.NOT_SUPPORTED, statement + " needs a query, not "
          + (planned == null ? "nothing" : planned.kind()));
    }
    if (planned.stagePlan() == null || planned.resultSchema() == null) {
      throw new QuiverException(ErrorCode.INTERNAL_ERROR, "the planner returned a query without stages or schema");
    }
    return planned;
  }

  /**
   * Runs the query's job into the sink, within the session's limits, and waits for its end; throws
   * the job's error.
   */
  void run(String queryId, String sql, PlannedStatement planned, ResultSink sink, StatementContext context) {
    run(queryId, sql, planned, sink, new CancellationToken(), context.settings().jobLimits());
  }

  /**
   * Runs the query's job into the sink and waits for its end; cancelling {@code cancellation} (the
   * statement's token) stops the job. Throws the job's error.
   */
  public void run(String queryId, String sql, PlannedStatement planned, ResultSink sink,
      CancellationToken cancellation) {
    run(queryId, sql, planned, sink, cancellation, JobLimits.NONE);
  }

  private void run(String queryId, String sql, PlannedStatement planned, ResultSink sink,
      CancellationToken cancellation, JobLimits limits) {
    CompletableFuture<JobExecution> ended = new CompletableFuture<>();
    JobExecution job = scheduler.submitJob(queryId, sql, planned.stagePlan(), cancellation, sink, ended::complete,
        limits);
    boolean interrupted = false;
    while (true) {
      try {
        ended.get();
        break;
      } catch (InterruptedException e) {
        // Stop the query, but wait for its tasks: the sink must not be freed under them.
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

  /** What the file connector calls to run a query into its writer. */
  FileTables.JobRunner runner(String queryId, String sql, StatementContext context) {
    return (query, sink) -> run(queryId, sql, query, sink, context);
  }
}
