package io.quiver.jdbc.remote;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.calcite.avatica.AvaticaStatement;

/**
 * What a thin-driver statement adds around each execution: the query timeout (a timer that calls
 * the server's cancel route) and the cancel itself.
 */
final class RemoteExecution {

  /** One daemon thread for the timeouts of every remote statement of the JVM. */
  private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "quiver-remote-query-timeout");
    thread.setDaemon(true);
    return thread;
  });

  private final RemoteConnection connection;
  private final AvaticaStatement statement;
  private volatile ScheduledFuture<?> timeout;
  private volatile boolean timedOut;
  /** Set by a cancel of the current execution: Avatica then fails the fetch without a SQLState. */
  private volatile boolean cancelled;
  /** True while an execute call waits for the server. */
  private volatile boolean executing;

  RemoteExecution(RemoteConnection connection, AvaticaStatement statement) {
    this.connection = connection;
    this.statement = statement;
  }

  /** One of Avatica's execute calls, which the wrapping below surrounds. */
  @FunctionalInterface
  interface ExecuteCall<T> {
    T call() throws SQLException;
  }

  /**
   * Runs an execute call of the statement under its query timeout, converting its failure (a
   * timeout becomes {@link SQLTimeoutException}).
   */
  <T> T execute(int timeoutSeconds, ExecuteCall<T> call) throws SQLException {
    beforeExecute(timeoutSeconds);
    try {
      return call.call();
    } catch (SQLException | RuntimeException e) {
      throw convert(e);
    } finally {
      executing = false;
    }
  }

  /** {@code Statement.cancel()}: stops the running query on the server, from any thread. */
  void cancelUnlessClosed() throws SQLException {
    if (!statement.isClosed()) {
      cancel();
    }
  }

  /**
   * Before Avatica's close: stops the timer and a running query, because Avatica's close waits for
   * the lock that an execution in another thread holds until the server answers.
   */
  void stopBeforeClose() throws SQLException {
    stopTimeout();
    if (!statement.isClosed() && executing) {
      try {
        cancel();
      } catch (SQLException e) {
        // Closing anyway; the server closes the statement's query with it.
      }
    }
  }

  private void beforeExecute(int timeoutSeconds) {
    stopTimeout();
    timedOut = false;
    cancelled = false;
    executing = true;
    if (timeoutSeconds > 0) {
      timeout = TIMER.schedule(() -> {
        timedOut = true;
        try {
          cancel();
        } catch (SQLException e) {
          // The execution fails or ends on its own; nothing else to tell.
        }
      }, timeoutSeconds, TimeUnit.SECONDS);
    }
  }

  void cancel() throws SQLException {
    cancelled = true;
    if (statement.handle != null) {
      connection.cancel(statement.handle.id);
    }
  }

  /** The exception for a failure of an execution (or a fetch of its rows). */
  SQLException convert(Exception failure) {
    if (timedOut) {
      return new SQLTimeoutException("the query ran longer than the statement's timeout and was stopped",
          "57014", 201, failure);
    }
    if (failure instanceof SQLException sql) {
      if (cancelled && sql.getSQLState() == null) {
        // Avatica's own "Statement canceled" when the cancel came while rows were read
        return new SQLException("the query was cancelled", "57014", 200, failure);
      }
      return sql;
    }
    return new SQLException(failure.getMessage(), "XX000", failure);
  }

  private void stopTimeout() {
    ScheduledFuture<?> current = timeout;
    if (current != null) {
      current.cancel(false);
      timeout = null;
    }
  }
}
