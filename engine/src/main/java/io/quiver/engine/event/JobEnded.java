package io.quiver.engine.event;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.metrics.TaskStats;

/**
 * A job ended: every one of its tasks has stopped and its shuffle data is gone.
 *
 * @param errorCode the error that ended it, null when it succeeded
 * @param errorMessage the error's message, null when it succeeded
 * @param durationNanos from submission to the end
 * @param stats the sum of what its tasks did (every attempt, failed ones included), without operators
 *     (those are per stage, see {@link StageCompleted})
 */
public record JobEnded(String jobId, long timeMillis, Outcome outcome, ErrorCode errorCode, String errorMessage,
    long durationNanos, TaskStats stats) implements QueryEvent {

  public JobEnded {
    stats = stats == null ? TaskStats.EMPTY : stats;
  }

  /** A job's end with nothing measured. */
  public JobEnded(String jobId, long timeMillis, Outcome outcome, ErrorCode errorCode, String errorMessage,
      long durationNanos) {
    this(jobId, timeMillis, outcome, errorCode, errorMessage, durationNanos, TaskStats.EMPTY);
  }
}
