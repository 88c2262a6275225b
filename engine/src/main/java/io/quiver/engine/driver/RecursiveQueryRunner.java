package io.quiver.engine.driver;

import io.quiver.engine.ddl.StatementJobs;
import io.quiver.engine.scheduler.DagScheduler;
import io.quiver.exec.batch.Batches;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.fragment.node.TableHandle;
import io.quiver.exec.fragment.stage.StagePlan;
import io.quiver.exec.task.CancellationToken;
import io.quiver.exec.task.ResultSink;
import io.quiver.planner.PlannedStatement;
import io.quiver.planner.recursive.RecursiveStep;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Runs the recursive common table expressions of a statement ({@link RecursiveStep}) before its
 * query, as repeated jobs: the seed's job, then the iteration's job again and again, each reading
 * the rows the previous one added (the working table), until one adds none. The rows stay on the
 * driver, in an allocator of the statement's own, until the statement's query has ended
 * ({@link Tables#close}). More than {@link #iterationLimit()} iterations of one CTE fail the
 * statement with RECURSION_LIMIT_EXCEEDED (SQLState 54000) instead of running forever; the limit is
 * the system property {@value #LIMIT_PROPERTY} (default {@value #DEFAULT_LIMIT}).
 *
 * <p>Each job is an ordinary job of the DAG scheduler (its events name it {@code <query>_cte<i>_<n>}),
 * so progress, cancellation of tasks and cleanup of shuffle data work as for any query; the steps
 * share the statement's cancellation token, so cancel and the query timeout stop them too; while
 * the steps run, the statement has not returned to its caller yet.
 */
final class RecursiveQueryRunner {

  /** The system property with the most iterations one recursive CTE may run. */
  static final String LIMIT_PROPERTY = "quiver.recursion.maxIterations";
  static final int DEFAULT_LIMIT = 1000;

  private final StatementJobs jobs;
  private final RecursionTables tables;
  private final BufferAllocator allocator;

  RecursiveQueryRunner(DagScheduler scheduler, RecursionTables tables, BufferAllocator allocator) {
    this.jobs = new StatementJobs(null, scheduler);
    this.tables = tables;
    this.allocator = allocator;
  }

  static int iterationLimit() {
    return Integer.getInteger(LIMIT_PROPERTY, DEFAULT_LIMIT);
  }

  /** The tables of one statement's recursive CTEs; closing frees their rows. */
  final class Tables implements AutoCloseable {
    private final BufferAllocator tableAllocator;
    private final List<TableHandle> handles = new ArrayList<>();
    private final List<VectorSchemaRoot> batches = new ArrayList<>();
    private boolean closed;

    Tables(String queryId) {
      this.tableAllocator = allocator.newChildAllocator("recursion " + queryId, 0, allocator.getLimit());
    }

    @Override
    public synchronized void close() {
      if (closed) {
        return;
      }
      closed = true;
      tables.remove(handles);
      batches.forEach(VectorSchemaRoot::close);
      batches.clear();
      tableAllocator.close();
    }
  }

  /**
   * Fills the result tables of every recursive CTE of {@code planned}, in order.
   *
   * @return the tables, for the caller to close once the statement's query has ended
   * @throws QuiverException a job's error, or RECURSION_LIMIT_EXCEEDED
   */
  Tables run(String queryId, String sql, PlannedStatement planned, CancellationToken cancellation) {
    Tables run = new Tables(queryId);
    try {
      int limit = iterationLimit();
      for (int cte = 0; cte < planned.recursiveSteps().size(); cte++) {
        RecursiveStep step = planned.recursiveSteps().get(cte);
        run.handles.add(step.workTable());
        run.handles.add(step.resultTable());
        String prefix = queryId + "_cte" + cte + "_";
        List<VectorSchemaRoot> added = runJob(prefix + "seed", sql, step.seed(), run, cancellation);
        List<VectorSchemaRoot> result = new ArrayList<>(added);
        tables.set(step.resultTable(), result);
        tables.set(step.workTable(), added);
        for (int iteration = 1; rowCount(added) > 0; iteration++) {
          if (iteration > limit) {
            throw new QuiverException(ErrorCode.RECURSION_LIMIT_EXCEEDED, "recursive query " + step.name()
                + " still adds rows after " + limit + " iterations, the limit; a query that should stop needs a"
                + " condition that stops it, one that needs more iterations can raise the limit with the system"
                + " property " + LIMIT_PROPERTY);
          }
          added = runJob(prefix + iteration, sql, step.iteration(), run, cancellation);
          result.addAll(added);
          tables.set(step.resultTable(), result);
          tables.set(step.workTable(), added);
        }
      }
      return run;
    } catch (RuntimeException | Error e) {
      run.close();
      throw e;
    }
  }

  private static long rowCount(List<VectorSchemaRoot> batches) {
    return batches.stream().mapToLong(VectorSchemaRoot::getRowCount).sum();
  }

  /** Runs one job and keeps its non-empty result batches in the statement's tables. */
  private List<VectorSchemaRoot> runJob(String jobId, String sql, StagePlan plan, Tables run,
      CancellationToken cancellation) {
    List<VectorSchemaRoot> received = new ArrayList<>();
    ResultSink sink = batch -> {
      if (batch.getRowCount() == 0) {
        batch.close();
        return;
      }
      VectorSchemaRoot kept = Batches.moveTo(batch, run.tableAllocator);
      synchronized (run) {
        received.add(kept);
        run.batches.add(kept);
      }
    };
    jobs.run(jobId, sql, new PlannedStatement(PlannedStatement.Kind.QUERY, plan, null, null, 0), sink,
        cancellation);
    synchronized (run) {
      return new ArrayList<>(received);
    }
  }
}
