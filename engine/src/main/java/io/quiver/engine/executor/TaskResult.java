package io.quiver.engine.executor;

import io.quiver.engine.event.Outcome;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.shuffle.MapOutputStatistics;
import io.quiver.exec.metrics.TaskStats;

/**
 * How a task attempt ended.
 *
 * @param outputStatistics what it wrote to the shuffle; null unless it succeeded
 * @param stats what it did, measured where it ran
 * @param failure why it failed or stopped; null when it succeeded
 * @param executorId the executor it ran on (where its output lives)
 * @param fetchFailure set when it failed because a map output could not be read
 * @param executorLost true when it stopped because its executor is gone (not the task's fault)
 */
public record TaskResult(Outcome outcome, MapOutputStatistics outputStatistics, TaskStats stats,
    long durationNanos, QuiverException failure, String executorId, FetchFailure fetchFailure,
    boolean executorLost) {

  /** A task of the in-process executor. */
  public TaskResult(Outcome outcome, MapOutputStatistics outputStatistics, TaskStats stats, long durationNanos,
      QuiverException failure) {
    this(outcome, outputStatistics, stats, durationNanos, failure, TaskBackend.LOCAL_EXECUTOR_ID, null, false);
  }

  /**
   * The map output a task could not read.
   *
   * @param executorId where the output should have been
   */
  public record FetchFailure(String executorId, int stageId, int mapPartition) {
  }
}
