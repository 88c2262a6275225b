package io.quiver.engine;

import io.quiver.exec.type.RowSchema;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The rows of one query, as a stream of Arrow record batches. Like Arrow's {@code ArrowReader}:
 * {@link #loadNextBatch()} fills {@link #root()} with the next batch, whose contents stay valid
 * until the next call or {@link #close()}. Batches arrive while the query still runs; a failure of
 * the query surfaces as a {@link io.quiver.exec.error.QuiverException} from {@code loadNextBatch}.
 *
 * <p>Closing a result before its end cancels the query. Statements that return no rows (DDL)
 * have {@link #isRowResult()} false and report {@link #updateCount()}.
 */
public interface QueryResult extends AutoCloseable {

  String queryId();

  /** The schema of the result; also {@code root().getSchema()}. */
  RowSchema schema();

  /** The holder the batches are loaded into; the same object for the whole result. */
  VectorSchemaRoot root();

  /** Loads the next batch into {@link #root()}; false when there are no more rows. */
  boolean loadNextBatch();

  /** True for queries (rows), false for statements that only report a count. */
  boolean isRowResult();

  /** Rows changed by a DML statement; -1 for queries; 0 for DDL. */
  long updateCount();

  /**
   * Time the driver spent parsing, validating, optimizing and fragmenting this statement before it
   * started running, in nanoseconds; -1 where the statement was not planned (DDL) or it is unknown.
   */
  default long planningNanos() {
    return -1;
  }

  /** Stops the query: its tasks stop within a second; later calls to loadNextBatch throw QUERY_CANCELLED. */
  void cancel();

  /** Releases the result's buffers and, if the query still runs, cancels it. Idempotent. */
  @Override
  void close();
}
