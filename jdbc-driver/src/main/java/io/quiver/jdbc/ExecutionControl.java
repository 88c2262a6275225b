package io.quiver.jdbc;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.jdbc.meta.QuiverMeta;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.calcite.avatica.AvaticaStatement;

/**
 * What a statement (plain or prepared) adds to Avatica's around each execution: its settings for
 * the Meta, the query timeout, a cancel that reaches the query, and the translation of failures
 * into Quiver's SQLExceptions (a query stopped by the timeout fails with QUERY_TIMEOUT).
 */
final class ExecutionControl {

  /** One daemon thread for the timeouts of every statement of the JVM. */
  private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "quiver-jdbc-query-timeout");
    thread.setDaemon(true);
    return thread;
  });

  private final QuiverMeta meta;
  /** Its handle is read at each use: Avatica assigns it after construction and may replace it. */
  private final AvaticaStatement statement;
  private volatile ScheduledFuture<?> timeout;
  private volatile boolean timedOut;

  ExecutionControl(QuiverMeta meta, AvaticaStatement statement) {
    this.meta = meta;
    this.statement = statement;
  }

  /** Before each execution: hands the settings to the Meta and starts the timeout, if any. */
  void beforeExecute(int fetchSize, long maxRows, int timeoutSeconds) {
    stopTimeout();
    timedOut = false;
    meta.configure(statement.handle, fetchSize, maxRows);
    if (timeoutSeconds > 0) {
      timeout = TIMER.schedule(() -> {
        timedOut = true;
        meta.cancel(statement.handle);
      }, timeoutSeconds, TimeUnit.SECONDS);
    }
  }

  /** Stops the statement's running query, from any thread. */
  void cancel() {
    meta.cancel(statement.handle);
  }

  /** When the statement closes. */
  void close() {
    stopTimeout();
  }

  /** The SQLException a failure of this statement's query is reported as. */
  SQLException convert(Throwable failure) {
    QuiverException quiver = QuiverSqlExceptions.find(failure);
    if (timedOut && (quiver == null || quiver.errorCode() == ErrorCode.QUERY_CANCELLED)) {
      return QuiverSqlExceptions.of(new QuiverException(ErrorCode.QUERY_TIMEOUT,
          "the query ran longer than the statement's timeout and was stopped"));
    }
    return QuiverSqlExceptions.convert(failure);
  }

  /** The exception for a result set whose statement was cancelled (Avatica reports no SQLState). */
  SQLException cancelled() {
    return convert(new QuiverException(ErrorCode.QUERY_CANCELLED, "the query was cancelled"));
  }

  private void stopTimeout() {
    ScheduledFuture<?> current = timeout;
    if (current != null) {
      current.cancel(false);
      timeout = null;
    }
  }
}
