package io.quiver.jdbc.fake;

import io.quiver.engine.QueryResult;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.type.RowSchema;
import org.apache.arrow.vector.VectorSchemaRoot;

/** A fake result that makes its batches when asked, so tests can see how far a reader has pulled. */
class FakeResult implements QueryResult {

  /** Fills the root with {@code count} rows starting at row number {@code first}. */
  interface BatchFiller {
    void fill(VectorSchemaRoot root, long first, int count);
  }

  private final FakeQuiver engine;
  private final RowSchema schema;
  private final VectorSchemaRoot root;
  private final long rows;
  private final int batchSize;
  private final BatchFiller filler;
  private long produced;
  private volatile boolean cancelled;
  private boolean closed;

  FakeResult(FakeQuiver engine, RowSchema schema, long rows, int batchSize, BatchFiller filler) {
    this.engine = engine;
    this.schema = schema;
    this.root = VectorSchemaRoot.create(schema.toArrowSchema(), engine.allocator);
    this.rows = rows;
    this.batchSize = batchSize;
    this.filler = filler;
    engine.openResults.incrementAndGet();
  }

  long produced() {
    return produced;
  }

  @Override
  public String queryId() {
    return "fake-query";
  }

  @Override
  public RowSchema schema() {
    return schema;
  }

  @Override
  public VectorSchemaRoot root() {
    return root;
  }

  @Override
  public boolean loadNextBatch() {
    if (cancelled) {
      throw new QuiverException(ErrorCode.QUERY_CANCELLED, "query was cancelled");
    }
    if (produced >= rows) {
      return false;
    }
    int count = (int) Math.min(batchSize, rows - produced);
    filler.fill(root, produced, count);
    root.setRowCount(count);
    produced += count;
    engine.rowsProduced.addAndGet(count);
    return true;
  }

  @Override
  public boolean isRowResult() {
    return true;
  }

  @Override
  public long updateCount() {
    return -1;
  }

  @Override
  public void cancel() {
    cancelled = true;
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      root.close();
      engine.openResults.decrementAndGet();
    }
  }
}
