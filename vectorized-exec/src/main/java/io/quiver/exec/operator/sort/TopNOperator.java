package io.quiver.exec.operator.sort;

import io.quiver.exec.batch.RowBuffer;
import io.quiver.exec.batch.RowCopier;
import io.quiver.exec.fragment.node.SortKey;
import io.quiver.exec.operator.Operator;
import io.quiver.exec.operator.OperatorState;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The first {@code count} rows in key order, in bounded memory: rows collect in a buffer, and
 * whenever it holds about twice {@code count} rows (at least a batch more) it is sorted and cut
 * back to the best {@code count}. Emits the survivors in order once input ends.
 */
public final class TopNOperator implements Operator {

  private final Schema schema;
  private final List<SortKey> keys;
  private final BufferAllocator allocator;
  private final int batchSize;
  private final int count;
  private final int compactAt;
  private RowBuffer buffer;
  private int[] order;
  private int emitted;
  private int resultRows;
  private boolean finishing;
  private boolean closed;

  public TopNOperator(Schema schema, List<SortKey> keys, long count, BufferAllocator allocator, int batchSize) {
    if (count < 0) {
      throw new IllegalArgumentException("TopN count must not be negative: " + count);
    }
    this.schema = schema;
    this.keys = List.copyOf(keys);
    this.allocator = allocator;
    this.batchSize = Math.max(1, batchSize);
    this.count = (int) Math.min(count, Integer.MAX_VALUE - 16);
    this.compactAt = (int) Math.min(Integer.MAX_VALUE - 16, Math.max(2L * this.count, (long) this.count + batchSize));
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
      if (count == 0) {
        return;
      }
      buffer.append(batch);
    }
    if (buffer.rowCount() >= compactAt) {
      int[] best = sortedOrder();
      RowBuffer kept = new RowBuffer(schema, allocator);
      try {
        kept.append(buffer.rows(), best, 0, Math.min(count, best.length));
      } catch (RuntimeException | Error e) {
        kept.close();
        throw e;
      }
      buffer.close();
      buffer = kept;
    }
  }

  private int[] sortedOrder() {
    int rows = buffer.rowCount();
    return RowOrdering.sort(buffer.rows(), rows, keys);
  }

  @Override
  public void finish() {
    if (finishing || closed) {
      return;
    }
    finishing = true;
    order = sortedOrder();
    resultRows = Math.min(count, order.length);
  }

  @Override
  public VectorSchemaRoot getOutput() {
    if (!finishing || closed || emitted >= resultRows) {
      return null;
    }
    int rows = Math.min(batchSize, resultRows - emitted);
    VectorSchemaRoot output = RowCopier.copyRows(buffer.rows(), order, emitted, rows, allocator);
    emitted += rows;
    if (emitted >= resultRows) {
      buffer.close();
      buffer = null;
    }
    return output;
  }

  @Override
  public boolean isFinished() {
    return closed || (finishing && emitted >= resultRows);
  }

  @Override
  public void close() {
    closed = true;
    if (buffer != null) {
      buffer.close();
      buffer = null;
    }
  }
}
