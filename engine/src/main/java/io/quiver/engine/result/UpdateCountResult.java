package io.quiver.engine.result;

import io.quiver.engine.QueryResult;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.type.RowSchema;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The result of a statement that returns no rows (DDL, CREATE TABLE AS): the statement has already
 * run when this result exists; it only reports how many rows it wrote.
 */
public final class UpdateCountResult implements QueryResult {

  private static final RowSchema NO_COLUMNS = new RowSchema(List.of());

  private final String queryId;
  private final long updateCount;
  private final VectorSchemaRoot root = new VectorSchemaRoot(List.of());
  private final Runnable onClose;
  private boolean closed;

  /**
   * @param updateCount rows written (CREATE TABLE AS), 0 for other DDL
   * @param onClose told when the result is closed
   */
  public UpdateCountResult(String queryId, long updateCount, Runnable onClose) {
    this.queryId = queryId;
    this.updateCount = updateCount;
    this.onClose = onClose;
  }

  @Override
  public String queryId() {
    return queryId;
  }

  @Override
  public RowSchema schema() {
    return NO_COLUMNS;
  }

  @Override
  public VectorSchemaRoot root() {
    return root;
  }

  @Override
  public synchronized boolean loadNextBatch() {
    if (closed) {
      throw new QuiverException(ErrorCode.QUERY_CANCELLED, "the result of " + queryId + " is closed");
    }
    return false;
  }

  @Override
  public boolean isRowResult() {
    return false;
  }

  @Override
  public long updateCount() {
    return updateCount;
  }

  @Override
  public void cancel() {
    // The statement has already run.
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    onClose.run();
  }
}
