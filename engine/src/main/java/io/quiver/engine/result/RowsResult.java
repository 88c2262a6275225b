package io.quiver.engine.result;

import io.quiver.engine.QueryResult;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.type.Column;
import io.quiver.exec.type.DataType;
import io.quiver.exec.type.RowSchema;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A result whose few rows the driver knows without running a job: EXPLAIN's plan text, the answers
 * of SHOW and DESCRIBE. Columns are VARCHAR, INTEGER, BIGINT or BOOLEAN; the rows come in one batch.
 */
public final class RowsResult implements QueryResult {

  /** EXPLAIN's result: one VARCHAR column {@code plan}, one row per line of the plan text. */
  public static final RowSchema EXPLAIN_SCHEMA = new RowSchema(List.of(new Column("plan", DataType.VARCHAR, false)));

  private final String queryId;
  private final RowSchema schema;
  private final BufferAllocator allocator;
  private final VectorSchemaRoot root;
  private final List<List<Object>> rows;
  private final Runnable onClose;
  private boolean loaded;
  private boolean cancelled;
  private boolean closed;

  /**
   * @param rows the values, one list per row in the order of the schema's columns (null for NULL)
   * @param allocator the result's own allocator; closed by {@link #close()}
   */
  public RowsResult(String queryId, RowSchema schema, List<List<Object>> rows, BufferAllocator allocator,
      Runnable onClose) {
    for (Column column : schema.columns()) {
      switch (column.type().kind()) {
        case VARCHAR:
        case INTEGER:
        case BIGINT:
        case BOOLEAN:
          break;
        default:
          throw new IllegalArgumentException("a column of " + column.type() + " in rows known to the driver");
      }
    }
    this.queryId = queryId;
    this.schema = schema;
    this.rows = List.copyOf(rows);
    this.allocator = allocator;
    this.root = VectorSchemaRoot.create(schema.toArrowSchema(), allocator);
    this.onClose = onClose;
  }

  /** EXPLAIN's answer: one row per line of the plan text. */
  public static RowsResult explain(String queryId, String planText, BufferAllocator allocator, Runnable onClose) {
    List<List<Object>> lines = new ArrayList<>();
    if (planText != null && !planText.isEmpty()) {
      for (String line : planText.split("\r?\n")) {
        lines.add(List.of(line));
      }
    }
    return new RowsResult(queryId, EXPLAIN_SCHEMA, lines, allocator, onClose);
  }

  @Override
  public String queryId() {
    return queryId;
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
  public synchronized boolean loadNextBatch() {
    if (closed || cancelled) {
      throw new QuiverException(ErrorCode.QUERY_CANCELLED, "query " + queryId + (closed ? " is closed" : " was cancelled"));
    }
    if (loaded || rows.isEmpty()) {
      loaded = true;
      root.clear();
      root.setRowCount(0);
      return false;
    }
    loaded = true;
    root.allocateNew();
    for (int c = 0; c < schema.size(); c++) {
      FieldVector vector = root.getVector(c);
      for (int r = 0; r < rows.size(); r++) {
        set(vector, r, rows.get(r).get(c));
      }
      vector.setValueCount(rows.size());
    }
    root.setRowCount(rows.size());
    return true;
  }

  private static void set(FieldVector vector, int row, Object value) {
    if (value == null) {
      vector.setNull(row);
    } else if (vector instanceof VarCharVector text) {
      text.setSafe(row, value.toString().getBytes(StandardCharsets.UTF_8));
    } else if (vector instanceof IntVector number) {
      number.setSafe(row, ((Number) value).intValue());
    } else if (vector instanceof BigIntVector number) {
      number.setSafe(row, ((Number) value).longValue());
    } else {
      ((BitVector) vector).setSafe(row, (Boolean) value ? 1 : 0);
    }
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
