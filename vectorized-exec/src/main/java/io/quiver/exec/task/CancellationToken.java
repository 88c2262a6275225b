package io.quiver.exec.task;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;

/** Shared by every task of a job: set once when the job is cancelled or fails. */
public final class CancellationToken {

  private volatile QuiverException reason;

  /** Cancels with a reason; the first reason wins. */
  public synchronized void cancel(QuiverException why) {
    if (reason == null) {
      reason = why;
    }
  }

  public boolean isCancelled() {
    return reason != null;
  }

  /** Throws the cancellation reason if the job was cancelled. Called between batches. */
  public void throwIfCancelled() {
    QuiverException why = reason;
    if (why != null) {
      throw new QuiverException(why.errorCode(), why.getMessage(), why);
    }
  }

  public static QuiverException cancelledByUser() {
    return new QuiverException(ErrorCode.QUERY_CANCELLED, "Query was cancelled");
  }
}
