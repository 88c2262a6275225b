package io.quiver.jdbc.meta;

import io.quiver.engine.QueryResult;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.calcite.avatica.Meta;

/**
 * Turns the Arrow batches of one running query into Avatica frames, a frame at a time: rows are
 * copied out of the current batch only when a frame asks for them, so a result of any size streams
 * through a bounded amount of memory. Honours the statement's maximum row count by stopping (and
 * cancelling) the query once that many rows were delivered.
 *
 * <p>{@link #nextFrame} and {@link #close} are serialised; {@link #cancel} may come from any thread
 * at any time (it reaches the query even while a fetch waits for a batch).
 */
final class ResultStream implements AutoCloseable {

  /** Frame size when the caller asks for "the default" (fetch size 0). */
  static final int DEFAULT_FRAME_ROWS = 1000;

  private final QueryResult result;
  private final long maxRows;
  /** TIME and TIMESTAMP as microseconds (Quiver's drivers) rather than milliseconds (stock clients). */
  private final boolean micros;
  private ColumnValueReader[] readers = new ColumnValueReader[0];
  private int batchRows;
  private int rowInBatch;
  private long delivered;
  private boolean exhausted;
  private volatile boolean closed;

  /**
   * @param maxRows the most rows to deliver; 0 or less for no limit
   * @param micros TIME and TIMESTAMP values as microseconds rather than milliseconds
   */
  ResultStream(QueryResult result, long maxRows, boolean micros) {
    this.result = result;
    this.maxRows = maxRows;
    this.micros = micros;
  }

  /** The rows after {@code offset}, at most {@code frameRows} of them (the default when 0 or less). */
  synchronized Meta.Frame nextFrame(long offset, int frameRows) {
    if (closed) {
      throw new QuiverException(ErrorCode.QUERY_CANCELLED, "the query's results were closed");
    }
    if (offset != delivered) {
      throw new QuiverException(ErrorCode.INTERNAL_ERROR,
          "rows must be fetched in order: asked for offset " + offset + ", next is " + delivered);
    }
    int wanted = frameRows > 0 ? frameRows : DEFAULT_FRAME_ROWS;
    if (maxRows > 0) {
      wanted = (int) Math.min(wanted, maxRows - delivered);
    }
    List<Object> rows = new ArrayList<>(Math.min(wanted, 4096));
    try {
      while (rows.size() < wanted && (rowInBatch < batchRows || advance())) {
        rows.add(readRow(rowInBatch++));
      }
      delivered += rows.size();
      boolean done = (maxRows > 0 && delivered >= maxRows) || (rowInBatch >= batchRows && !advance());
      if (done) {
        // Frees the buffers now (and stops the query if maxRows cut it short).
        closeResult();
      }
      return new Meta.Frame(offset, done, rows);
    } catch (RuntimeException e) {
      closeResult();
      throw e;
    }
  }

  /** Stops the query; a later fetch fails with QUERY_CANCELLED. Safe from any thread. */
  void cancel() {
    if (!closed) {
      result.cancel();
    }
  }

  /** Releases the result's buffers and stops the query if it still runs. Idempotent. */
  @Override
  public synchronized void close() {
    closeResult();
  }

  private void closeResult() {
    if (!closed) {
      closed = true;
      exhausted = true;
      batchRows = 0;
      rowInBatch = 0;
      result.close();
    }
  }

  /** Loads the next non-empty batch; false at the end. */
  private boolean advance() {
    if (exhausted) {
      return false;
    }
    while (result.loadNextBatch()) {
      VectorSchemaRoot root = result.root();
      int rowCount = root.getRowCount();
      if (rowCount > 0) {
        // Readers are rebuilt per batch: the engine may hand over different vectors each time.
        List<FieldVector> vectors = root.getFieldVectors();
        if (readers.length != vectors.size()) {
          readers = new ColumnValueReader[vectors.size()];
        }
        for (int i = 0; i < readers.length; i++) {
          readers[i] = ColumnValueReader.of(vectors.get(i), result.schema().column(i).type(), micros);
        }
        batchRows = rowCount;
        rowInBatch = 0;
        return true;
      }
    }
    exhausted = true;
    batchRows = 0;
    rowInBatch = 0;
    return false;
  }

  private Object[] readRow(int row) {
    Object[] values = new Object[readers.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = readers[i].read(row);
    }
    return values;
  }
}
