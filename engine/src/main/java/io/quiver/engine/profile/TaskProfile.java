package io.quiver.engine.profile;

import io.quiver.engine.event.Outcome;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.metrics.TaskStats;

/**
 * One task attempt as the bus told it: started, and ended or still running.
 *
 * @param outcome null while it runs
 * @param executorId where it runs or ran
 * @param slot the number of its slot on that executor; -1 when the start was not seen
 * @param endMillis wall-clock end; 0 while it runs
 * @param durationNanos time in its slot; 0 while it runs
 * @param stats what it did; {@link TaskStats#EMPTY} while it runs
 */
public record TaskProfile(int stageId, int partition, int attempt, long startMillis, Outcome outcome,
    String executorId, int slot, long endMillis, long durationNanos, TaskStats stats, ErrorCode errorCode,
    String errorMessage) {

  public boolean running() {
    return outcome == null;
  }
}
