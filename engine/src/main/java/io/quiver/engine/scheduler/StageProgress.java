package io.quiver.engine.scheduler;

import io.quiver.engine.event.Outcome;
import io.quiver.engine.event.StageCompleted;
import io.quiver.engine.executor.TaskResult;
import io.quiver.exec.metrics.TaskStats;

/** What the tasks of one running stage have done so far. Guarded by its job's lock. */
final class StageProgress {

  private final int stageId;
  private final int taskCount;
  private final long startNanos = System.nanoTime();
  private int succeededTasks;
  private TaskStats stats = TaskStats.EMPTY;

  StageProgress(int stageId, int taskCount) {
    this.stageId = stageId;
    this.taskCount = taskCount;
  }

  int stageId() {
    return stageId;
  }

  void add(TaskResult result) {
    if (result.failure() == null) {
      succeededTasks++;
    }
    stats = stats.plus(result.stats());
  }

  /** The sum of what its ended tasks did. */
  TaskStats stats() {
    return stats;
  }

  boolean allTasksSucceeded() {
    return succeededTasks == taskCount;
  }

  StageCompleted completedEvent(String jobId, Outcome outcome) {
    return new StageCompleted(jobId, System.currentTimeMillis(), stageId, outcome, taskCount, stats,
        System.nanoTime() - startNanos);
  }
}
