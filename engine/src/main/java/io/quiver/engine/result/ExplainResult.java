package io.quiver.engine.result;

import io.quiver.engine.QueryResult;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.type.Column;
import io.quiver.exec.type.DataType;
import io.quiver.exec.type.RowSchema;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** The answer to EXPLAIN: one VARCHAR column {@code plan}, one row per line of the plan text, one batch. */
public final class ExplainResult implements QueryResult {

  public static final RowSchema SCHEMA = new RowSchema(List.of(new Column("plan", DataType.VARCHAR, false)));

  private final String queryId;
  private final BufferAllocator allocator;
  private final VectorSchemaRoot root;
  private final List<String> lines;
  private final Runnable onClose;
  private boolean loaded;
  private boolean cancelled;
  private boolean closed;

  /** @param allocator the result's own allocator; closed by {@link #close()} */
  public ExplainResult(String queryId, String planText, BufferAllocator allocator, Runnable onClose) {
    this.queryId = queryId;
    this.allocator = allocator;
    this.root = VectorSchemaRoot.create(SCHEMA.toArrowSchema(), allocator);
    this.lines = planText == null || planText.isEmpty() ? List.of() : List.of(planText.split("\r?\n"));
    this.onClose = onClose;
  }

  @Override
  public String queryId() {
    return queryId;
  }

  @Override
  public RowSchema schema() {
    return SCHEMA;
  }

  @Override
  public VectorSchemaRoot root() {
    return root;
  }

  @Override
  public synchronized boolean loadNextBatch() {
    if (closed || cancelled) {
      throw new QuiverException(ErrorCode.QUERY_CANCELLED, "query " + queryId + (closed ? " is closed" : " was cancelled"));
    }
    if (loaded || lines.isEmpty()) {
      loaded = true;
      root.clear();
      root.setRowCount(0);
      return false;
    }
    loaded = true;
    VarCharVector plan = (VarCharVector) root.getVector(0);
    plan.allocateNew(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      plan.setSafe(i, lines.get(i).getBytes(StandardCharsets.UTF_8));
    }
    root.setRowCount(lines.size());
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
  public synchronized void cancel() {
    cancelled = true;
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      root.close();
      allocator.close();
    } finally {
      onClose.run();
    }
  }
}
