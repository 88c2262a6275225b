package io.quiver.engine.scheduler;

import io.quiver.engine.event.Outcome;
import io.quiver.engine.event.StageCompleted;
import io.quiver.engine.executor.TaskResult;

/** What the tasks of one running stage have done so far. Guarded by its job's lock. */
final class StageProgress {

  private final int stageId;
  private final int taskCount;
  private final long startNanos = System.nanoTime();
  private int succeededTasks;
  private long inputRows;
  private long inputBytes;
  private long outputRows;
  private long outputBytes;

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
    inputRows += result.metrics().inputRows();
    inputBytes += result.metrics().inputBytes();
    outputRows += result.metrics().outputRows();
    outputBytes += result.metrics().outputBytes();
  }

  boolean allTasksSucceeded() {
    return succeededTasks == taskCount;
  }

  StageCompleted completedEvent(String jobId, Outcome outcome) {
    return new StageCompleted(jobId, System.currentTimeMillis(), stageId, outcome, taskCount, inputRows, inputBytes,
        outputRows, outputBytes, System.nanoTime() - startNanos);
  }
}
