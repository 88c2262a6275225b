package io.quiver.engine.profile;

import io.quiver.engine.event.Outcome;
import io.quiver.exec.metrics.TaskStats;
import java.util.List;

/**
 * One stage of a job as the bus told it.
 *
 * @param taskCount its partitions (tasks of the first attempt)
 * @param sourceStageIds the stages feeding it through exchanges
 * @param outcome null while it runs
 * @param durationNanos from submission to the end; 0 while it runs
 * @param stats the sum of its ended tasks' measurements (operators by node id)
 * @param tasks every task attempt started, in the order they started
 */
public record StageProfile(int stageId, int taskCount, List<Integer> sourceStageIds, long submitMillis,
    Outcome outcome, long endMillis, long durationNanos, TaskStats stats, List<TaskProfile> tasks) {

  public StageProfile {
    sourceStageIds = List.copyOf(sourceStageIds);
    tasks = List.copyOf(tasks);
  }

  /** Attempts that ended. */
  public List<TaskProfile> endedTasks() {
    return tasks.stream().filter(task -> !task.running()).toList();
  }
}
