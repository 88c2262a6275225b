package io.quiver.engine.scheduler;

import io.quiver.engine.executor.LocalExecutor;
import io.quiver.engine.executor.TaskAttempt;
import io.quiver.engine.executor.TaskListener;
import io.quiver.exec.fragment.stage.StageFragment;
import io.quiver.exec.task.CancellationToken;
import io.quiver.exec.task.ResultSink;
import io.quiver.exec.task.TaskId;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts the tasks of a stage, one per partition, on the executor's slots. The executor queues what
 * does not fit and starts it when a slot frees up, so no more tasks run than there are slots.
 */
public final class TaskScheduler {

  private final LocalExecutor executor;

  public TaskScheduler(LocalExecutor executor) {
    this.executor = executor;
  }

  public int slots() {
    return executor.slots();
  }

  /**
   * Queues one task per partition of {@code stage}.
   *
   * @param resultSink where the result stage sends its rows; null for other stages
   * @return the queued attempts, in partition order
   */
  public List<TaskAttempt> submitStage(String jobId, StageFragment stage, CancellationToken cancellation,
      ResultSink resultSink, TaskListener listener) {
    List<TaskAttempt> attempts = new ArrayList<>(stage.partitionCount());
    for (int partition = 0; partition < stage.partitionCount(); partition++) {
      TaskId taskId = new TaskId(jobId, stage.stageId(), partition, 0);
      attempts.add(executor.submit(taskId, stage, cancellation, resultSink, listener));
    }
    return attempts;
  }
}
