package io.quiver.exec.operator.sort;

import io.quiver.exec.batch.Batches;
import io.quiver.exec.batch.RowBuffer;
import io.quiver.exec.batch.RowCopier;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.fragment.node.SortKey;
import io.quiver.exec.memory.MemoryCharge;
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
 * ORDER BY as an external merge sort: input rows collect in one {@link RowBuffer}; when the task
 * has no room for the buffer to grow (or another consumer short of memory asks, see
 * {@link Spillable}), the buffer is sorted and written to disk as a sorted run, and collecting
 * starts over. When input ends, rows that never left memory are sorted and emitted in batches; if
 * runs were written, the rest is written as a run too and all runs are merged.
 *
 * <p>Memory: the buffer's Arrow buffers are the task's; the sort index (a permutation of row
 * indexes and the keys normalized for sorting, Java arrays) is charged to the task before it is
 * made. A single batch that does not fit even into an empty buffer fails with
 * MEMORY_LIMIT_EXCEEDED naming the sort.
 */
public final class SortOperator implements Operator, Spillable {

  /** Heap bytes per row of the sort index: the permutation and a normalized key. */
  private static final int INDEX_BYTES_PER_ROW = 12;

  private final Schema schema;
  private final List<SortKey> keys;
  private final TaskMemory memory;
  private final boolean ownsMemory;
  private final BufferAllocator allocator;
  private final int batchSize;
  /** What the rows are sorted for, named by a memory error (a window); null for ORDER BY. */
  private final String purpose;
  private final MemoryCharge indexCharge;
  private final SortedRuns runs;
  private RowBuffer buffer;
  private RunMerger merger;
  private boolean mergerDone;
  private int[] order;
  private int nextRow;
  private boolean finishing;
  private boolean closed;

  /** A sort that spills to the temporary directory (tests, tools). */
  public SortOperator(Schema schema, List<SortKey> keys, BufferAllocator allocator, int batchSize) {
    this(schema, keys, allocator, batchSize, null);
  }

  /** A sort for {@code purpose} that spills to the temporary directory (tests, tools). */
  public SortOperator(Schema schema, List<SortKey> keys, BufferAllocator allocator, int batchSize, String purpose) {
    this(schema, keys, TaskMemory.standalone(allocator, new TaskMetrics()), true, batchSize, purpose);
  }

  /**
   * A sort of the task whose memory is {@code memory}; its memory errors say what it sorts for:
   * {@code purpose} (for example the window whose rows it orders), null for ORDER BY.
   */
  public SortOperator(Schema schema, List<SortKey> keys, TaskMemory memory, int batchSize, String purpose) {
    this(schema, keys, memory, false, batchSize, purpose);
  }

  private SortOperator(Schema schema, List<SortKey> keys, TaskMemory memory, boolean ownsMemory, int batchSize,
      String purpose) {
    this.schema = schema;
    this.purpose = purpose;
    this.keys = List.copyOf(keys);
    this.memory = memory;
    this.ownsMemory = ownsMemory;
    this.allocator = memory.allocator();
    this.batchSize = Math.max(1, batchSize);
    this.indexCharge = new MemoryCharge(allocator, "the sort index of " + name());
    this.runs = new SortedRuns(schema, this.keys, memory, allocator, this.batchSize);
    this.buffer = new RowBuffer(schema, allocator);
    memory.register(this);
  }

  @Override
  public String name() {
    return purpose == null ? "the sort (ORDER BY)" : "the sort for " + purpose;
  }

  @Override
  public boolean needsInput() {
    return !finishing && !closed;
  }

  @Override
  public void addInput(VectorSchemaRoot batch) {
    OperatorState.checkInputAllowed(needsInput(), this, batch);
    try (batch) {
      if (batch.getRowCount() == 0) {
        return;
      }
      makeRoomFor(batch);
      try {
        buffer.append(batch);
      } catch (OutOfMemoryException e) {
        // the room went elsewhere meanwhile: the rows so far (a failed append does not count its
        // rows) go to disk, and the batch gets an empty buffer
        if (buffer.rowCount() == 0) {
          throw e;
        }
        spill();
        buffer.append(batch);
      }
    } catch (OutOfMemoryException e) {
      throw memoryExceeded(e);
    }
  }

  /**
   * Makes sure the buffer may grow by the batch: its vectors may double, and the index needs its
   * arrays. Without the room (even after others spilled), the buffer goes to disk first.
   */
  private void makeRoomFor(VectorSchemaRoot batch) {
    if (buffer.rowCount() == 0) {
      return;
    }
    long rows = (long) buffer.rowCount() + batch.getRowCount();
    long needed = Batches.allocatedBytes(buffer.rows()) + 2 * Batches.allocatedBytes(batch)
        + rows * INDEX_BYTES_PER_ROW;
    if (!memory.makeRoom(needed, this)) {
      spill();
    }
  }

  private QuiverException memoryExceeded(OutOfMemoryException e) {
    int rows = buffer == null ? 0 : buffer.rowCount();
    return new QuiverException(ErrorCode.MEMORY_LIMIT_EXCEEDED, name() + " holding " + rows
        + " rows in memory needs more memory than the task's memory limit allows", e);
  }

  @Override
  public long spillableBytes() {
    return finishing || closed || buffer == null || buffer.rowCount() == 0 ? 0 : Batches.allocatedBytes(buffer.rows());
  }

  /** Writes the buffered rows to disk as one sorted run and empties the buffer. */
  @Override
  public long spill() {
    if (closed || buffer == null || buffer.rowCount() == 0) {
      return 0;
    }
    long freed = Batches.allocatedBytes(buffer.rows());
    runs.write(buffer.rows(), sortedOrder(), buffer.rowCount());
    indexCharge.close();
    buffer.close();
    buffer = new RowBuffer(schema, allocator);
    return freed;
  }

  private int[] sortedOrder() {
    int rows = buffer.rowCount();
    indexCharge.atLeast((long) rows * INDEX_BYTES_PER_ROW);
    return RowOrdering.sort(buffer.rows(), rows, keys);
  }

  @Override
  public void finish() {
    if (finishing || closed) {
      return;
    }
    if (runs.count() > 0) {
      spill();
      releaseBuffer();
      merger = runs.merger();
    } else {
      order = sortedOrder();
    }
    finishing = true;
  }

  @Override
  public VectorSchemaRoot getOutput() {
    if (!finishing || closed) {
      return null;
    }
    if (merger != null) {
      return nextMerged();
    }
    if (nextRow >= order.length) {
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

  private VectorSchemaRoot nextMerged() {
    if (mergerDone) {
      return null;
    }
    VectorSchemaRoot output = merger.next();
    if (output == null) {
      mergerDone = true;
      merger.close();
    }
    return output;
  }

  @Override
  public boolean isFinished() {
    return closed || (finishing && (merger != null ? mergerDone : nextRow >= order.length));
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    memory.unregister(this);
    try {
      releaseBuffer();
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

  private void releaseBuffer() {
    indexCharge.close();
    if (buffer != null) {
      buffer.close();
      buffer = null;
    }
  }
}
