package io.quiver.exec.task;

import io.quiver.exec.fragment.stage.StageFragment;
import io.quiver.exec.shuffle.MapOutputStatistics;

/** Runs one task: turns the fragment into operators and drives batches through them. (Placeholder.) */
public final class TaskRunner {

  private TaskRunner() {
  }

  /**
   * Runs partition {@code context.taskId().partition()} of {@code fragment} to completion on the
   * calling thread. Writes the stage output to the shuffle (committing it) or to the result sink.
   * Checks {@code context.cancellation()} between batches. Closes every operator, whatever happens.
   *
   * @return what the task wrote to the shuffle (empty statistics for the result stage)
   * @throws io.quiver.exec.error.QuiverException if the task fails or is cancelled
   */
  public static MapOutputStatistics run(StageFragment fragment, TaskContext context) {
    throw new UnsupportedOperationException("not built yet");
  }
}
