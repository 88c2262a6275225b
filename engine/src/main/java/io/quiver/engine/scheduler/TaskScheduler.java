package io.quiver.engine.scheduler;

import io.quiver.engine.executor.TaskBackend;
import io.quiver.engine.executor.TaskHandle;
import io.quiver.engine.executor.TaskLaunch;
import io.quiver.engine.executor.TaskListener;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.fragment.stage.StagePlan;

/**
 * Puts task attempts on the slots of a {@link TaskBackend}: the in-process executor, which queues
 * what does not fit, or a cluster's executors. Says how often a task may be tried.
 */
public final class TaskScheduler {

  private final TaskBackend backend;
  private final int maxTaskAttempts;

  /** Tries each task as often as the backend allows. */
  public TaskScheduler(TaskBackend backend) {
    this(backend, backend.maxTaskAttempts());
  }

  /** @param maxTaskAttempts attempts per task (failures of the task itself) before its job fails */
  public TaskScheduler(TaskBackend backend, int maxTaskAttempts) {
    if (maxTaskAttempts < 1) {
      throw new IllegalArgumentException("max task attempts must be at least 1, was " + maxTaskAttempts);
    }
    this.backend = backend;
    this.maxTaskAttempts = maxTaskAttempts;
  }

  public int slots() {
    return backend.slots();
  }

  public int maxTaskAttempts() {
    return maxTaskAttempts;
  }

  public TaskBackend backend() {
    return backend;
  }

  void checkRunnable(StagePlan plan) {
    backend.checkRunnable(plan);
  }

  /** Queues one task attempt. */
  TaskHandle launch(TaskLaunch launch, TaskListener listener) {
    return backend.launch(launch, listener);
  }

  void cancelJob(String jobId, QuiverException reason) {
    backend.cancelJob(jobId, reason);
  }

  void removeJob(String jobId) {
    backend.removeJob(jobId);
  }
}
