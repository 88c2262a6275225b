package io.quiver.engine.executor;

import io.quiver.exec.task.TaskId;

/** One launched task attempt, as the scheduler holds it. */
public interface TaskHandle {

  TaskId taskId();

  /** Takes the task out of its queue if it has not started. True if it will never run. */
  boolean withdraw();
}
