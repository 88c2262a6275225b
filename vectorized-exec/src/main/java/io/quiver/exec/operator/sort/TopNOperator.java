package io.quiver.exec.operator.sort;

import io.quiver.exec.batch.Batches;
import io.quiver.exec.batch.RowBuffer;
import io.quiver.exec.batch.RowCopier;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.fragment.node.SortKey;
import io.quiver.exec.memory.Spillable;
import io.quiver.exec.memory.TaskMemory;
import io.quiver.exec.operator.Operator;
import io.quiver.exec.operator.OperatorState;
import io.quiver.exec.task.TaskMetrics;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The first {@code count} rows in key order, in bounded memory: rows collect in a buffer, and
 * whenever it holds about twice {@code count} rows (at least a batch more) it is sorted and cut
 * back to the best {@code count}. Emits the survivors in order once input ends.
 *
 * <p>A large {@code count} may not fit the task's memory: then (or when another consumer short of
 * memory asks) the buffer's best {@code count} rows go to disk as a sorted run, and the runs are
 * merged at the end, stopping after {@code count} rows.
 */
public final class TopNOperator implements Operator, Spillable {

  private final Schema schema;
  private final List<SortKey> keys;
  private final TaskMemory memory;
  private final boolean ownsMemory;
  private final BufferAllocator allocator;
  private final int batchSize;
  private final int count;
  private final int compactAt;
  private final SortedRuns runs;
  private RowBuffer buffer;
  private int[] order;
  private RunMerger merger;
  private int emitted;
  private int resultRows;
  private boolean finishing;
  private boolean closed;

  /** A top-N that spills to the temporary directory (tests, tools). */
  public TopNOperator(Schema schema, List<SortKey> keys, long count, BufferAllocator allocator, int batchSize) {
    this(schema, keys, count, TaskMemory.standalone(allocator, new TaskMetrics()), true, batchSize);
  }

  /** A top-N of the task whose memory is {@code memory}. */
  public TopNOperator(Schema schema, List<SortKey> keys, long count, TaskMemory memory, int batchSize) {
    this(schema, keys, count, memory, false, batchSize);
  }

  private TopNOperator(Schema schema, List<SortKey> keys, long count, TaskMemory memory, boolean ownsMemory,
      int batchSize) {
    if (count < 0) {
      throw new IllegalArgumentException("TopN count must not be negative: " + count);
    }
    this.schema = schema;
    this.keys = List.copyOf(keys);
    this.memory = memory;
    this.ownsMemory = ownsMemory;
    this.allocator = memory.allocator();
    this.batchSize = Math.max(1, batchSize);
    this.count = (int) Math.min(count, Integer.MAX_VALUE - 16);
    this.compactAt = (int) Math.min(Integer.MAX_VALUE - 16, Math.max(2L * this.count, (long) this.count + batchSize));
    this.runs = new SortedRuns(schema, this.keys, memory, allocator, this.batchSize);
    this.buffer = new RowBuffer(schema, allocator);
    memory.register(this);
  }

  @Override
  public String name() {
    return "the top-N (ORDER BY ... LIMIT " + count + ")";
  }

  @Override
  public boolean needsInput() {
    return !finishing && !closed;
  }

  @Override
  public void addInput(VectorSchemaRoot batch) {
    OperatorState.checkInputAllowed(needsInput(), this, batch);
    try (batch) {
      if (count == 0 || batch.getRowCount() == 0) {
        return;
      }
      if (buffer.rowCount() > 0) {
        long needed = Batches.allocatedBytes(buffer.rows()) + 2 * Batches.allocatedBytes(batch);
        if (!memory.makeRoom(needed, this)) {
          spill();
        }
      }
      buffer.append(batch);
    } catch (OutOfMemoryException e) {
      throw new QuiverException(ErrorCode.MEMORY_LIMIT_EXCEEDED, name() + " holding " + buffer.rowCount()
          + " rows in memory needs more memory than the task's memory limit allows", e);
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
  public long spillableBytes() {
    return finishing || closed || buffer == null || buffer.rowCount() == 0 ? 0 : Batches.allocatedBytes(buffer.rows());
  }

  /** Writes the buffer's best {@code count} rows to disk as a sorted run and empties the buffer. */
  @Override
  public long spill() {
    if (closed || buffer == null || buffer.rowCount() == 0) {
      return 0;
    }
    long freed = Batches.allocatedBytes(buffer.rows());
    runs.write(buffer.rows(), sortedOrder(), Math.min(count, buffer.rowCount()));
    buffer.close();
    buffer = new RowBuffer(schema, allocator);
    return freed;
  }

  @Override
  public void finish() {
    if (finishing || closed) {
      return;
    }
    if (runs.count() > 0) {
      spill();
      buffer.close();
      buffer = null;
      merger = runs.merger();
      resultRows = count;
    } else {
      order = sortedOrder();
      resultRows = Math.min(count, order.length);
    }
    finishing = true;
  }

  @Override
  public VectorSchemaRoot getOutput() {
    if (!finishing || closed || emitted >= resultRows) {
      return null;
    }
    if (merger != null) {
      return nextMerged();
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

  private VectorSchemaRoot nextMerged() {
    VectorSchemaRoot batch = merger.next();
    if (batch == null) {
      resultRows = emitted;
      return null;
    }
    int rows = batch.getRowCount();
    if (emitted + rows > resultRows) {
      VectorSchemaRoot whole = batch;
      try (whole) {
        rows = resultRows - emitted;
        batch = Batches.slice(whole, 0, rows, allocator);
      }
    }
    emitted += rows;
    if (emitted >= resultRows) {
      merger.close();
    }
    return batch;
  }

  @Override
  public boolean isFinished() {
    return closed || (finishing && emitted >= resultRows);
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    memory.unregister(this);
    try {
      if (buffer != null) {
        buffer.close();
        buffer = null;
      }
      if (merger != null) {
        merger.close();
      }
      runs.close();
    } finally {
      if (ownsMemory) {
        memory.close();
      }
    }
  }
}
