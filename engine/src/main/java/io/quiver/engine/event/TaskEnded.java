package io.quiver.engine.event;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.metrics.TaskStats;

/**
 * A task that started has ended and released its slot and its memory.
 *
 * @param executorId the executor it ran on ({@code TaskBackend.LOCAL_EXECUTOR_ID} in the driver)
 * @param stats what it did, measured where it ran (per operator, shuffle, spill, memory, time)
 * @param errorCode null when it succeeded
 * @param errorMessage null when it succeeded
 * @param durationNanos from start to end in the slot
 */
public record TaskEnded(String jobId, long timeMillis, int stageId, int partition, int attempt, Outcome outcome,
    String executorId, TaskStats stats, long durationNanos, ErrorCode errorCode, String errorMessage)
    implements QueryEvent {

  public TaskEnded {
    stats = stats == null ? TaskStats.EMPTY : stats;
  }

  /** Rows its sources read (tables, files and exchanges). */
  public long inputRows() {
    return stats.inputRows();
  }

  public long inputBytes() {
    return stats.inputBytes();
  }

  /** Rows it wrote to its exchange or the result. */
  public long outputRows() {
    return stats.outputRows();
  }

  public long outputBytes() {
    return stats.outputBytes();
  }
}
