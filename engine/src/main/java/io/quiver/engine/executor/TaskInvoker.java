package io.quiver.engine.executor;

import io.quiver.exec.fragment.stage.StageFragment;
import io.quiver.exec.shuffle.MapOutputStatistics;
import io.quiver.exec.task.TaskContext;
import io.quiver.exec.task.TaskRunner;

/**
 * What an executor slot does with a task: run the fragment's partition to completion on the calling
 * thread, as {@link TaskRunner#run} does. Tests put a hand-written task here to test scheduling.
 */
@FunctionalInterface
public interface TaskInvoker {

  /** Runs {@code TaskRunner}: turns the fragment into operators and drives them. */
  TaskInvoker TASK_RUNNER = TaskRunner::run;

  /**
   * Runs one task; returns what it wrote to the shuffle, throws if it fails or is cancelled.
   * Must release everything it took from {@code context.allocator()} before it returns or throws.
   */
  MapOutputStatistics invoke(StageFragment fragment, TaskContext context);
}
