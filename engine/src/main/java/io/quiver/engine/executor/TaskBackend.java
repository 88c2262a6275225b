package io.quiver.engine.executor;

import io.quiver.exec.error.QuiverException;
import io.quiver.exec.fragment.stage.StagePlan;

/**
 * Where the driver's tasks run: the in-process {@link LocalExecutor}, or the executor processes of
 * a standalone cluster. The task scheduler launches task attempts on it; it reports their start and
 * end to the attempt's {@link TaskListener}, always on its own threads, never inside {@link #launch}.
 */
public interface TaskBackend extends AutoCloseable {

  /** Executor id reported by tasks of the in-process executor. */
  String LOCAL_EXECUTOR_ID = "driver";

  /** Slots over all executors now (tasks that can run at once). */
  int slots();

  /** Attempts a task gets before its job fails: 1 runs each task once (fail fast). */
  int maxTaskAttempts();

  /**
   * Refuses a plan this backend cannot run, before its job starts.
   *
   * @throws QuiverException NOT_SUPPORTED with what cannot run and why
   */
  default void checkRunnable(StagePlan plan) {
  }

  /** Queues one task attempt for a free slot. */
  TaskHandle launch(TaskLaunch launch, TaskListener listener);

  /** Stops every task of the job wherever it runs. Tasks still report their end. Idempotent. */
  void cancelJob(String jobId, QuiverException reason);

  /** Drops every piece of the job's data the backend holds (shuffle output, fragments). Idempotent. */
  void removeJob(String jobId);

  /** Told when an executor is gone with the shuffle output it held; before its tasks are reported lost. */
  default void addExecutorLossListener(ExecutorLossListener listener) {
  }

  /** The executors now, and those lost a short while ago. */
  default java.util.List<ExecutorInfo> executors() {
    return java.util.List.of();
  }

  @Override
  void close();
}
