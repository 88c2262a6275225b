package io.quiver.engine.executor;

import io.quiver.exec.task.TaskId;

/** Hears from the executor about the tasks of one job; called on the executor's slot threads. */
public interface TaskListener {

  /**
   * @param executorId the executor it runs on
   * @param slot the number of its slot there, 0 to the executor's slots - 1
   */
  void onTaskStarted(TaskId task, String executorId, int slot);

  /** Called once for every task that started, after it released its slot's memory. */
  void onTaskEnded(TaskId task, TaskResult result);
}
