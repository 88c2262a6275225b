package io.quiver.exec.operator.sort;

import io.quiver.exec.batch.RowBuffer;
import io.quiver.exec.batch.RowCopier;
import io.quiver.exec.fragment.node.GroupTopNNode;
import io.quiver.exec.fragment.node.SortKey;
import io.quiver.exec.fragment.node.WindowFunction;
import io.quiver.exec.operator.Operator;
import io.quiver.exec.operator.OperatorState;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The first {@code count} rows of each group ({@link GroupTopNNode}) in bounded memory, the way
 * {@link TopNOperator} keeps the first rows overall: rows collect in a buffer; whenever it holds
 * about twice what was kept last time (and at least 16 batches more) it is sorted by group and
 * order and cut back to the rows that rank within {@code count} in their group. When a cut of a
 * large buffer (64 batches and more) keeps more than half of its rows, the groups are too many for
 * cutting to pay: the buffer is emitted and later batches pass through unchanged (the window above
 * ranks them anyway).
 */
public final class GroupTopNOperator implements Operator {

  /**
   * Kept rows, in batches, from which a cut that keeps more than half of the rows makes the
   * operator pass rows through: so many groups that cutting costs more than it saves.
   */
  private static final int GIVE_UP_ROWS_IN_BATCHES = 64;

  private final Schema schema;
  private final List<SortKey> groupKeys;
  private final List<SortKey> sortKeys;
  private final List<SortKey> orderKeys;
  private final WindowFunction rank;
  private final long count;
  private final BufferAllocator allocator;
  private final int batchSize;
  private RowBuffer buffer;
  private int compactAt;
  private boolean passThrough;
  private final Deque<VectorSchemaRoot> ready = new ArrayDeque<>();
  private int emitted;
  private boolean finishing;
  private boolean closed;

  public GroupTopNOperator(GroupTopNNode node, BufferAllocator allocator, int batchSize) {
    this.schema = node.outputSchema().toArrowSchema();
    this.groupKeys = new ArrayList<>();
    for (int key : node.partitionKeys()) {
      groupKeys.add(new SortKey(key, true, false));
    }
    this.orderKeys = node.orderKeys();
    this.sortKeys = new ArrayList<>(groupKeys);
    sortKeys.addAll(orderKeys);
    this.rank = node.rank();
    this.count = node.count();
    this.allocator = allocator;
    this.batchSize = Math.max(1, batchSize);
    this.compactAt = 4 * this.batchSize;
    this.buffer = new RowBuffer(schema, allocator);
  }

  @Override
  public boolean needsInput() {
    return !finishing && !closed && ready.isEmpty();
  }

  @Override
  public void addInput(VectorSchemaRoot batch) {
    OperatorState.checkInputAllowed(needsInput(), this, batch);
    if (passThrough) {
      ready.add(batch);
      return;
    }
    try (batch) {
      buffer.append(batch);
    }
    if (buffer.rowCount() >= compactAt) {
      int before = buffer.rowCount();
      compact();
      if (buffer.rowCount() * 2 > before && buffer.rowCount() >= GIVE_UP_ROWS_IN_BATCHES * batchSize) {
        passThrough = true;
        emitAllBuffered();
      } else {
        compactAt = (int) Math.min(Integer.MAX_VALUE - 16, buffer.rowCount()
            + Math.max((long) buffer.rowCount(), 16L * batchSize));
      }
    }
  }

  /** Cuts the buffer back to the rows that rank within {@code count} of their group. */
  private void compact() {
    int rows = buffer.rowCount();
    int[] order = RowOrdering.sort(buffer.rows(), rows, sortKeys);
    IndexComparator group = groupKeys.isEmpty() ? (left, right) -> 0
        : SortKeyComparators.create(buffer.rows(), rows, groupKeys);
    IndexComparator peers = orderKeys.isEmpty() ? (left, right) -> 0
        : SortKeyComparators.create(buffer.rows(), rows, orderKeys);
    int[] kept = new int[rows];
    int keptCount = 0;
    long position = 0;
    long ranking = 0;
    for (int i = 0; i < rows; i++) {
      boolean newGroup = i == 0 || group.compare(order[i - 1], order[i]) != 0;
      boolean newPeers = newGroup || peers.compare(order[i - 1], order[i]) != 0;
      position = newGroup ? 1 : position + 1;
      if (newGroup) {
        ranking = 1;
      } else if (newPeers) {
        ranking = rank == WindowFunction.DENSE_RANK ? ranking + 1 : position;
      }
      long value = rank == WindowFunction.ROW_NUMBER ? position : ranking;
      if (value <= count) {
        kept[keptCount++] = order[i];
      }
    }
    RowBuffer survivors = new RowBuffer(schema, allocator);
    try {
      survivors.append(buffer.rows(), kept, 0, keptCount);
    } catch (RuntimeException | Error e) {
      survivors.close();
      throw e;
    }
    buffer.close();
    buffer = survivors;
  }

  private void emitAllBuffered() {
    int rows = buffer.rowCount();
    for (int from = 0; from < rows; from += batchSize) {
      ready.add(RowCopier.copyRows(buffer.rows(), null, from, Math.min(batchSize, rows - from), allocator));
    }
    buffer.close();
    buffer = new RowBuffer(schema, allocator);
  }

  @Override
  public void finish() {
    if (finishing || closed) {
      return;
    }
    finishing = true;
    if (!passThrough && buffer.rowCount() > 0) {
      compact();
    }
  }

  @Override
  public VectorSchemaRoot getOutput() {
    if (closed) {
      return null;
    }
    if (!ready.isEmpty()) {
      return ready.poll();
    }
    if (!finishing || buffer == null || emitted >= buffer.rowCount()) {
      return null;
    }
    int rows = Math.min(batchSize, buffer.rowCount() - emitted);
    VectorSchemaRoot output = RowCopier.copyRows(buffer.rows(), null, emitted, rows, allocator);
    emitted += rows;
    return output;
  }

  @Override
  public boolean isFinished() {
    return closed || (finishing && ready.isEmpty() && (buffer == null || emitted >= buffer.rowCount()));
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    ready.forEach(VectorSchemaRoot::close);
    ready.clear();
    if (buffer != null) {
      buffer.close();
      buffer = null;
    }
  }
}
