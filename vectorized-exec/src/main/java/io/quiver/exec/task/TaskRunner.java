package io.quiver.exec.task;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.fragment.stage.StageFragment;
import io.quiver.exec.operator.Driver;
import io.quiver.exec.operator.Operator;
import io.quiver.exec.operator.sink.SinkOperator;
import io.quiver.exec.shuffle.MapOutputStatistics;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.arrow.memory.OutOfMemoryException;

/** Runs one task: turns the fragment into operators and drives batches through them. */
public final class TaskRunner {

  private TaskRunner() {
  }

  /**
   * Runs partition {@code context.taskId().partition()} of {@code fragment} to completion on the
   * calling thread. Writes the stage output to the shuffle (committing it) or to the result sink.
   * Checks {@code context.cancellation()} between batches. Closes every operator and the task's
   * memory (deleting its spill files), whatever happens; on failure the shuffle output is aborted
   * (nothing of it becomes visible).
   *
   * <p>The task's allocator is not closed here: result batches handed to the result sink may still
   * live in it. Whoever created the allocator closes it once the task's output is consumed.
   *
   * @return what the task wrote to the shuffle (empty statistics for the result stage)
   * @throws io.quiver.exec.error.QuiverException if the task fails or is cancelled
   */
  public static MapOutputStatistics run(StageFragment fragment, TaskContext context) {
    TaskMetrics metrics = context.metrics();
    metrics.taskStarted();
    try {
      return runOperators(fragment, context);
    } catch (QuiverException e) {
      throw e;
    } catch (OutOfMemoryException e) {
      throw new QuiverException(ErrorCode.MEMORY_LIMIT_EXCEEDED,
          "task " + context.taskId() + " ran out of memory: " + e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw new QuiverException(ErrorCode.IO_ERROR, "task " + context.taskId() + " failed: " + e.getMessage(), e);
    } catch (IllegalStateException | IllegalArgumentException | NullPointerException
        | IndexOutOfBoundsException | ClassCastException e) {
      throw new QuiverException(ErrorCode.INTERNAL_ERROR, "task " + context.taskId() + " failed: " + e, e);
    } catch (OutOfMemoryError e) {
      throw new QuiverException(ErrorCode.MEMORY_LIMIT_EXCEEDED, "task " + context.taskId()
          + " ran out of JVM heap: " + e.getMessage(), e);
    } catch (RuntimeException | Error e) {
      throw new QuiverException(ErrorCode.TASK_FAILED, "task " + context.taskId() + " failed: " + e, e);
    } finally {
      metrics.taskStopped(context.allocator().getPeakMemoryAllocation());
      // spill files go however the task ended; every operator was closed by now
      try {
        context.memory().close();
      } catch (RuntimeException e) {
        // a spill file that cannot be deleted must not hide how the task ended
      }
    }
  }

  /** Builds the operators, drives them, then closes them and their allocators (a leak fails the task). */
  private static MapOutputStatistics runOperators(StageFragment fragment, TaskContext context) {
    context.cancellation().throwIfCancelled();
    LocalExecutionPlanner planner = new LocalExecutionPlanner(context);
    Throwable failure = null;
    try {
      List<Operator> operators = planner.plan(fragment);
      SinkOperator sink = LocalExecutionPlanner.sink(operators);
      try (Driver driver = new Driver(operators, context.cancellation(), context.memory()::spillIfRequested)) {
        context.metrics().clock().start();
        driver.run();
      }
      return sink.statistics();
    } catch (RuntimeException | Error e) {
      failure = e;
      throw e;
    } finally {
      try {
        planner.close();
      } catch (RuntimeException leak) {
        if (failure != null) {
          failure.addSuppressed(leak);
        } else {
          throw new QuiverException(ErrorCode.INTERNAL_ERROR,
              "task " + context.taskId() + " did not release its memory: " + leak.getMessage(), leak);
        }
      }
    }
  }
}
