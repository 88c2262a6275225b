package io.quiver.engine.event;

import io.quiver.exec.metrics.TaskStats;

/**
 * A stage ended: every task succeeded, or the job failed or was cancelled while the stage ran.
 *
 * @param stats the sum of what its tasks did (every attempt that ended, failed ones included)
 * @param durationNanos from submission to the end
 */
public record StageCompleted(String jobId, long timeMillis, int stageId, Outcome outcome, int taskCount,
    TaskStats stats, long durationNanos) implements QueryEvent {

  public StageCompleted {
    stats = stats == null ? TaskStats.EMPTY : stats;
  }

  /** Rows its tasks read (from scans and exchanges). */
  public long inputRows() {
    return stats.inputRows();
  }

  public long inputBytes() {
    return stats.inputBytes();
  }

  /** Rows its tasks wrote (to the exchange or the result). */
  public long outputRows() {
    return stats.outputRows();
  }

  public long outputBytes() {
    return stats.outputBytes();
  }
}
