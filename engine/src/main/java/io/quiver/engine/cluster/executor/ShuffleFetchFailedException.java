package io.quiver.engine.cluster.executor;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;

/**
 * A task could not read one map partition's output from the executor that should hold it. The
 * driver answers by recomputing that executor's output, not by failing the query.
 */
public final class ShuffleFetchFailedException extends QuiverException {

  private static final long serialVersionUID = 1L;

  private final String executorId;
  private final int stageId;
  private final int mapPartition;

  public ShuffleFetchFailedException(String executorId, int stageId, int mapPartition, Throwable cause) {
    super(ErrorCode.IO_ERROR, "could not fetch the output of stage " + stageId + " map partition " + mapPartition
        + " from executor " + executorId + ": " + (cause == null ? "missing" : cause.getMessage()), cause);
    this.executorId = executorId;
    this.stageId = stageId;
    this.mapPartition = mapPartition;
  }

  public String executorId() {
    return executorId;
  }

  public int stageId() {
    return stageId;
  }

  public int mapPartition() {
    return mapPartition;
  }

  /** The fetch failure somewhere in {@code failure}'s causes, or null. */
  public static ShuffleFetchFailedException find(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof ShuffleFetchFailedException fetch) {
        return fetch;
      }
      for (Throwable suppressed : cause.getSuppressed()) {
        if (suppressed instanceof ShuffleFetchFailedException fetch) {
          return fetch;
        }
      }
    }
    return null;
  }
}
