package io.quiver.exec.operator.sort;

import io.quiver.exec.batch.RowBuffer;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.batch.RowCopier;
import io.quiver.exec.fragment.node.SortKey;
import io.quiver.exec.operator.Operator;
import io.quiver.exec.operator.OperatorState;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * ORDER BY: collects every input row into one {@link RowBuffer}, sorts a permutation of row indexes
 * with typed comparators when input ends, then emits the rows in that order in batches.
 */
public final class SortOperator implements Operator {

  private final List<SortKey> keys;
  private final BufferAllocator allocator;
  private final int batchSize;
  /** What the rows are sorted for, named by a memory error (a window); null for ORDER BY. */
  private final String purpose;
  private RowBuffer buffer;
  private int[] order;
  private int nextRow;
  private boolean finishing;
  private boolean closed;

  public SortOperator(Schema schema, List<SortKey> keys, BufferAllocator allocator, int batchSize) {
    this(schema, keys, allocator, batchSize, null);
  }

  /**
   * A sort whose memory errors say what it sorts for: running out of the task's memory fails with
   * MEMORY_LIMIT_EXCEEDED naming {@code purpose} (for example the window whose rows it orders).
   */
  public SortOperator(Schema schema, List<SortKey> keys, BufferAllocator allocator, int batchSize, String purpose) {
    this.purpose = purpose;
    this.keys = List.copyOf(keys);
    this.allocator = allocator;
    this.batchSize = Math.max(1, batchSize);
    this.buffer = new RowBuffer(schema, allocator);
  }

  @Override
  public boolean needsInput() {
    return !finishing && !closed;
  }

  @Override
  public void addInput(VectorSchemaRoot batch) {
    OperatorState.checkInputAllowed(needsInput(), this, batch);
    try (batch) {
      buffer.append(batch);
    } catch (OutOfMemoryException e) {
      throw memoryExceeded(e);
    }
  }

  private RuntimeException memoryExceeded(OutOfMemoryException e) {
    if (purpose == null) {
      return e;
    }
    return new QuiverException(ErrorCode.MEMORY_LIMIT_EXCEEDED, "sorting " + buffer.rowCount() + " rows for " + purpose
        + " needs more memory than the task's memory limit allows", e);
  }

  @Override
  public void finish() {
    if (finishing || closed) {
      return;
    }
    finishing = true;
    int rows = buffer.rowCount();
    order = RowOrdering.sort(buffer.rows(), rows, keys);
  }

  @Override
  public VectorSchemaRoot getOutput() {
    if (!finishing || closed || nextRow >= order.length) {
      return null;
    }
    int count = Math.min(batchSize, order.length - nextRow);
    VectorSchemaRoot output;
    try {
      output = RowCopier.copyRows(buffer.rows(), order, nextRow, count, allocator);
    } catch (OutOfMemoryException e) {
      throw memoryExceeded(e);
    }
    nextRow += count;
    if (nextRow >= order.length) {
      releaseBuffer();
    }
    return output;
  }

  @Override
  public boolean isFinished() {
    return closed || (finishing && nextRow >= order.length);
  }

  @Override
  public void close() {
    closed = true;
    releaseBuffer();
  }

  private void releaseBuffer() {
    if (buffer != null) {
      buffer.close();
      buffer = null;
    }
  }
}
