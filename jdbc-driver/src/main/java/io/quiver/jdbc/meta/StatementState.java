package io.quiver.jdbc.meta;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import org.apache.calcite.avatica.Meta;

/** What the Meta knows of one JDBC statement: its SQL (when prepared), settings and running result. */
final class StatementState {

  final Meta.StatementHandle handle;
  /** The SQL text of a prepared statement; null for plain statements. */
  volatile String preparedSql;
  /** Rows in the first frame; the JDBC fetch size (0 = the default). */
  volatile int fetchSize;
  /** The JDBC maximum row count; 0 = no limit. */
  volatile long maxRows;
  /** The signature of the last result, for prepared statements' metadata. */
  volatile Meta.Signature lastSignature;
  /** Set by cancel(); a query started afterwards by the same execution is cancelled at once. */
  volatile boolean cancelRequested;

  /** Set when the statement closes: a query it starts afterwards (a race with the close) stops at once. */
  private volatile boolean closed;

  /** The cancellation of the statement being planned or started now; cancel() reaches it. */
  volatile io.quiver.exec.task.CancellationToken starting;

  /** Read without the lock by cancel(), so a cancel never waits behind a fetch that is blocked. */
  private volatile ResultStream stream;

  StatementState(Meta.StatementHandle handle) {
    this.handle = handle;
  }

  ResultStream stream() {
    return stream;
  }

  /** Installs the stream of a new result, closing the previous one; cancels it if a cancel came in. */
  synchronized void open(ResultStream newStream) {
    closeStream();
    if (closed) {
      newStream.cancel();
      newStream.close();
      throw new QuiverException(ErrorCode.QUERY_CANCELLED, "the statement was closed while its query started");
    }
    stream = newStream;
    if (cancelRequested) {
      newStream.cancel();
    }
  }

  /** The statement closed: stops its query, now or as soon as it starts. */
  synchronized void close() {
    closed = true;
    cancelRequested = true;
    io.quiver.exec.task.CancellationToken planning = starting;
    if (planning != null) {
      planning.cancel(io.quiver.exec.task.CancellationToken.cancelledByUser());
    }
    closeStream();
  }

  /** Stops and releases the current result, if any. */
  synchronized void closeStream() {
    ResultStream old = stream;
    if (old != null) {
      stream = null;
      // Cancel first: a fetch blocked in another thread returns, and close() can take its lock.
      old.cancel();
      old.close();
    }
  }

  void cancel() {
    cancelRequested = true;
    io.quiver.exec.task.CancellationToken planning = starting;
    if (planning != null) {
      planning.cancel(io.quiver.exec.task.CancellationToken.cancelledByUser());
    }
    ResultStream current = stream;
    if (current != null) {
      current.cancel();
    }
  }
}
