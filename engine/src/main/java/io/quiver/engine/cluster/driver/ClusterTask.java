package io.quiver.engine.cluster.driver;

import io.quiver.engine.executor.TaskHandle;
import io.quiver.engine.executor.TaskLaunch;
import io.quiver.engine.executor.TaskListener;
import io.quiver.exec.task.TaskId;

/** One task attempt the cluster backend holds: queued for a slot, launched on an executor, or ended. */
final class ClusterTask implements TaskHandle {

  enum State { QUEUED, LAUNCHED, WITHDRAWN, ENDED }

  final TaskLaunch launch;
  final TaskListener listener;
  private final ClusterTaskBackend backend;
  /** Guarded by the backend's lock. */
  State state = State.QUEUED;
  RemoteExecutor executor;
  /** Its slot's number on {@code executor} once launched. */
  int slot;

  ClusterTask(TaskLaunch launch, TaskListener listener, ClusterTaskBackend backend) {
    this.launch = launch;
    this.listener = listener;
    this.backend = backend;
  }

  @Override
  public TaskId taskId() {
    return launch.taskId();
  }

  @Override
  public boolean withdraw() {
    return backend.withdraw(this);
  }

  @Override
  public String toString() {
    return "task " + launch.taskId();
  }
}
