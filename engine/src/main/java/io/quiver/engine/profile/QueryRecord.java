package io.quiver.engine.profile;

import io.quiver.exec.error.ErrorCode;

/**
 * One statement as {@code system.runtime.queries} shows it.
 *
 * @param state RUNNING, SUCCEEDED, FAILED or CANCELLED
 * @param endMillis 0 while it runs
 * @param planningNanos 0 for statements that are not planned queries
 * @param rows rows of its result (a query's) or rows it changed (INSERT, CREATE TABLE AS); 0 while it runs
 * @param errorCode null unless it failed or was cancelled
 */
public record QueryRecord(String queryId, String user, String state, String sql, long startMillis,
    long endMillis, long planningNanos, long rows, ErrorCode errorCode, String errorMessage) {

  public boolean running() {
    return "RUNNING".equals(state);
  }
}
