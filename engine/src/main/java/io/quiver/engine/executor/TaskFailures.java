package io.quiver.engine.executor;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.memory.TaskMemory;
import io.quiver.exec.task.TaskId;
import org.apache.arrow.memory.OutOfMemoryException;

/** Turns whatever a task threw into the {@link QuiverException} the user sees. */
public final class TaskFailures {

  private TaskFailures() {
  }

  public static QuiverException toQuiverException(TaskId task, Throwable failure) {
    if (failure instanceof QuiverException quiver) {
      return quiver;
    }
    if (failure instanceof OutOfMemoryException) {
      return new QuiverException(ErrorCode.MEMORY_LIMIT_EXCEEDED,
          "task " + task + " ran out of memory: " + failure.getMessage(), failure);
    }
    if (failure instanceof OutOfMemoryError) {
      return new QuiverException(ErrorCode.MEMORY_LIMIT_EXCEEDED,
          "task " + task + " ran out of Java heap: " + failure.getMessage(), failure);
    }
    return new QuiverException(ErrorCode.TASK_FAILED, "task " + task + " failed: " + failure, failure);
  }

  /**
   * Closes a task's memory (deleting its spill files; idempotent, the task runner closes it too);
   * a failure to do so joins {@code failure}, or becomes the task's failure.
   *
   * @param memory null when the task never got that far
   */
  public static Throwable closeMemory(TaskMemory memory, Throwable failure) {
    if (memory == null) {
      return failure;
    }
    try {
      memory.close();
      return failure;
    } catch (RuntimeException e) {
      if (failure != null) {
        failure.addSuppressed(e);
        return failure;
      }
      return e;
    }
  }
}
