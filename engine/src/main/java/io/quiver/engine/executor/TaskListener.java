package io.quiver.engine.executor;

import io.quiver.exec.task.TaskId;

/** Hears from the executor about the tasks of one job; called on the executor's slot threads. */
public interface TaskListener {

  void onTaskStarted(TaskId task);

  /** Called once for every task that started, after it released its slot's memory. */
  void onTaskEnded(TaskId task, TaskResult result);
}
