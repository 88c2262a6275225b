package io.quiver.exec.operator.window;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.fragment.node.SortKey;
import io.quiver.exec.fragment.node.WindowCall;
import io.quiver.exec.fragment.node.WindowNode;
import io.quiver.exec.operator.Operator;
import io.quiver.exec.operator.OperatorState;
import io.quiver.exec.type.Column;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Computes the calls of a {@link WindowNode} over input sorted by partition keys and ORDER BY keys,
 * the way Spark's window operator does: it holds the input batches until the partitions their rows
 * belong to are complete (the next partition has begun, or input ended), computes whole partitions
 * a chunk at a time (at least a batch of rows, or one larger partition) with one evaluator per call,
 * and emits each held batch, in input order, with one result column per call appended.
 *
 * <p>Memory: the held batches, their result vectors and flags are buffers of the task's allocator;
 * the working arrays of a chunk are charged to it by {@link ChunkMemory}. A partition that does not
 * fit fails with MEMORY_LIMIT_EXCEEDED (SQLState 53200) naming the window.
 *
 * <p>Work per call: {@code addInput} marks the partition and peer boundaries of one batch;
 * {@code getOutput} emits one batch or computes one chunk.
 */
public final class WindowOperator implements Operator {

  private final List<Integer> partitionKeys;
  private final List<SortKey> orderKeys;
  private final List<WindowEvaluator> evaluators = new ArrayList<>();
  private final List<Field> resultFields = new ArrayList<>();
  private final List<Field> outputFields = new ArrayList<>();
  private final String description;
  private final BufferAllocator allocator;
  private final int batchSize;
  private final List<HeldBatch> held = new ArrayList<>();
  private long receivedRows;
  /** Row number where the last partition seen so far begins; rows before it are in complete partitions. */
  private long openPartitionStart;
  /** Rows before this one have their results. */
  private long computedRows;
  private boolean finishing;
  private boolean closed;

  public WindowOperator(WindowNode node, BufferAllocator allocator, int batchSize) {
    this.partitionKeys = node.partitionKeys();
    this.orderKeys = node.orderKeys();
    this.allocator = allocator;
    this.batchSize = Math.max(1, batchSize);
    this.description = node.calls().stream().map(WindowCall::describe).collect(Collectors.joining(", "))
        + " " + node.describeWindow();
    int inputColumns = node.input().outputSchema().size();
    List<Column> columns = node.outputSchema().columns();
    for (int i = 0; i < columns.size(); i++) {
      Field field = columns.get(i).toArrowField();
      outputFields.add(field);
      if (i >= inputColumns) {
        resultFields.add(field);
      }
    }
    for (WindowCall call : node.calls()) {
      evaluators.add(WindowEvaluators.create(call));
    }
  }

  @Override
  public boolean needsInput() {
    return !finishing && !closed && !headComputed() && computedRows >= openPartitionStart;
  }

  @Override
  public void addInput(VectorSchemaRoot batch) {
    OperatorState.checkInputAllowed(needsInput(), this, batch);
    if (batch.getRowCount() == 0) {
      batch.close();
      return;
    }
    HeldBatch previous = held.isEmpty() ? null : held.get(held.size() - 1);
    HeldBatch current;
    try {
      current = new HeldBatch(batch, receivedRows, resultFields, allocator);
    } catch (OutOfMemoryException e) {
      batch.close();
      throw memoryExceeded(e);
    } catch (RuntimeException | Error e) {
      batch.close();
      throw e;
    }
    held.add(current);
    markBoundaries(previous, current);
    receivedRows = current.endRow();
  }

  /** Flags where partitions and peer groups begin: against the row before, the previous batch's last row. */
  private void markBoundaries(HeldBatch previous, HeldBatch current) {
    VectorSchemaRoot rows = current.input();
    int count = current.rows();
    boolean[] newPartition = new boolean[count];
    boolean[] newPeers = new boolean[count];
    for (int key : partitionKeys) {
      KeyChanges.markChanges(rows.getVector(key), count, newPartition);
    }
    for (SortKey key : orderKeys) {
      KeyChanges.markChanges(rows.getVector(key.column()), count, newPeers);
    }
    if (previous == null) {
      newPartition[0] = true;
    } else {
      VectorSchemaRoot before = previous.input();
      int last = previous.rows() - 1;
      for (int key : partitionKeys) {
        newPartition[0] |= !KeyChanges.sameKey(before.getVector(key), last, rows.getVector(key), 0);
      }
      for (SortKey key : orderKeys) {
        newPeers[0] |= !KeyChanges.sameKey(before.getVector(key.column()), last, rows.getVector(key.column()), 0);
      }
    }
    for (int i = 0; i < count; i++) {
      if (newPartition[i]) {
        current.markPartitionStart(i);
        openPartitionStart = current.firstRow() + i;
      } else if (newPeers[i]) {
        current.markPeerGroupStart(i);
      }
    }
  }

  @Override
  public VectorSchemaRoot getOutput() {
    if (closed) {
      return null;
    }
    if (!headComputed()) {
      long completeEnd = finishing ? receivedRows : openPartitionStart;
      if (computedRows >= completeEnd) {
        return null;
      }
      try {
        computeChunk(completeEnd);
      } catch (OutOfMemoryException e) {
        throw memoryExceeded(e);
      }
      if (!headComputed()) {
        return null;
      }
    }
    HeldBatch head = held.remove(0);
    return head.handOver(outputFields);
  }

  private boolean headComputed() {
    return !held.isEmpty() && held.get(0).endRow() <= computedRows;
  }

  /** Computes whole partitions from {@code computedRows}: at least a batch of rows, at most up to {@code limit}. */
  private void computeChunk(long limit) {
    long end = nextPartitionStart(Math.min(limit, computedRows + batchSize), limit);
    int first = 0;
    while (held.get(first).endRow() <= computedRows) {
      first++;
    }
    int last = first;
    while (held.get(last).endRow() < end) {
      last++;
    }
    long rows = end - computedRows;
    if (rows > Integer.MAX_VALUE - 16) {
      throw new QuiverException(ErrorCode.MEMORY_LIMIT_EXCEEDED, "the window " + description
          + " has a partition of more than " + (Integer.MAX_VALUE - 16) + " rows");
    }
    HeldBatch firstBatch = held.get(first);
    try (ChunkMemory memory = new ChunkMemory(allocator, description, (int) rows)) {
      WindowChunk chunk = new WindowChunk(held.subList(first, last + 1),
          (int) (computedRows - firstBatch.firstRow()), (int) rows, orderKeys, memory);
      for (int call = 0; call < evaluators.size(); call++) {
        evaluators.get(call).evaluate(chunk, new ChunkOutput(chunk, call));
      }
    }
    computedRows = end;
  }

  /** The first partition start at or after {@code from}, or {@code limit} when none comes before it. */
  private long nextPartitionStart(long from, long limit) {
    for (HeldBatch batch : held) {
      if (batch.endRow() <= from) {
        continue;
      }
      if (batch.firstRow() >= limit) {
        break;
      }
      int row = (int) Math.max(0, from - batch.firstRow());
      int end = (int) Math.min(batch.rows(), limit - batch.firstRow());
      for (; row < end; row++) {
        if (batch.isPartitionStart(row)) {
          return batch.firstRow() + row;
        }
      }
    }
    return limit;
  }

  private QuiverException memoryExceeded(OutOfMemoryException e) {
    return new QuiverException(ErrorCode.MEMORY_LIMIT_EXCEEDED, "the window " + description + " holds "
        + (receivedRows - computedRows) + " rows of its current partitions and needs more memory than the"
        + " task's memory limit allows", e);
  }

  @Override
  public void finish() {
    finishing = true;
  }

  @Override
  public boolean isFinished() {
    return closed || (finishing && held.isEmpty());
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    held.forEach(HeldBatch::close);
    held.clear();
  }
}
