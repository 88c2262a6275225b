package io.quiver.exec.operator.aggregate;

import io.quiver.exec.batch.ColumnReader;
import io.quiver.exec.batch.RowCopier;
import io.quiver.exec.fragment.node.SortKey;
import io.quiver.exec.operator.sort.RowOrdering;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * The state of aggregates that need every value of a group at once, in order (STRING_AGG with ORDER
 * BY, PERCENTILE_CONT, PERCENTILE_DISC): the rows whose value is not NULL are copied, with their
 * group id and only the columns the aggregate reads, into one growing Arrow batch (so the state is
 * charged to the task allocator like any buffer). When the results are asked for, the batch is
 * sorted once by group and then by the call's ORDER BY, and each group is a run of sorted rows.
 */
abstract class BufferedRowsAccumulator implements Accumulator {

  private final BufferAllocator allocator;
  /** Input columns kept, in the order of the buffer's columns after the group column. */
  private final List<Integer> channels;
  private final int valueChannel;
  private final List<SortKey> orderBy;
  private VectorSchemaRoot buffer;
  private int size;
  private int groupCount;
  private int[] positions = new int[0];
  private boolean[] valid = new boolean[0];
  private int[] order;
  private int[] groupStarts;

  /**
   * @param channels the input columns to keep
   * @param valueChannel the input column whose NULL rows are not kept
   * @param orderBy the order of the values within a group, over input columns among {@code channels}
   */
  BufferedRowsAccumulator(BufferAllocator allocator, List<Integer> channels, int valueChannel, List<SortKey> orderBy) {
    this.allocator = allocator;
    this.channels = List.copyOf(channels);
    this.valueChannel = valueChannel;
    this.orderBy = orderBy;
  }

  @Override
  public void ensureCapacity(int groupCount) {
    this.groupCount = Math.max(this.groupCount, groupCount);
  }

  @Override
  public void add(VectorSchemaRoot batch, int[] groupIds, int rowCount) {
    if (order != null) {
      throw new IllegalStateException("rows added after the results were read");
    }
    FieldVector value = batch.getVector(valueChannel);
    if (value instanceof NullVector || rowCount == 0) {
      return;
    }
    if (positions.length < rowCount) {
      positions = new int[rowCount];
      valid = new boolean[rowCount];
    }
    ColumnReader.readValidity(value, rowCount, valid);
    int kept = 0;
    for (int i = 0; i < rowCount; i++) {
      positions[kept] = i;
      kept += valid[i] ? 1 : 0;
    }
    if (kept == 0) {
      return;
    }
    if (buffer == null) {
      buffer = createBuffer(batch);
    }
    IntVector groups = (IntVector) buffer.getVector(0);
    for (int i = 0; i < kept; i++) {
      groups.setSafe(size + i, groupIds[positions[i]]);
    }
    groups.setValueCount(size + kept);
    for (int c = 0; c < channels.size(); c++) {
      RowCopier.append(batch.getVector(channels.get(c)), positions, 0, kept, buffer.getVector(c + 1), size);
    }
    size += kept;
    buffer.setRowCount(size);
  }

  private VectorSchemaRoot createBuffer(VectorSchemaRoot batch) {
    List<Field> fields = new ArrayList<>();
    fields.add(new Field("group", FieldType.notNullable(new ArrowType.Int(32, true)), null));
    for (int channel : channels) {
      Field field = batch.getSchema().getFields().get(channel);
      fields.add(new Field("c" + fields.size(), field.getFieldType(), field.getChildren()));
    }
    return VectorSchemaRoot.create(new org.apache.arrow.vector.types.pojo.Schema(fields), allocator);
  }

  /** The buffer column holding input column {@code channel}. */
  protected final int column(int channel) {
    int index = channels.indexOf(channel);
    if (index < 0) {
      throw new IllegalArgumentException("input column " + channel + " is not kept");
    }
    return index + 1;
  }

  @Override
  public final void writeIntermediate(List<FieldVector> outputs, int from, int count) {
    throw new IllegalStateException("this aggregate has no PARTIAL step");
  }

  @Override
  public final void writeFinal(FieldVector output, int from, int count) {
    sortOnce();
    writeGroups(output, from, count);
  }

  /**
   * Writes the results of groups {@code from..from+count)}; group g's values are the buffer rows
   * {@code sortedRow(groupStart(g)) .. sortedRow(groupStart(g + 1) - 1)}, in the call's order.
   */
  protected abstract void writeGroups(FieldVector output, int from, int count);

  protected final VectorSchemaRoot buffer() {
    return buffer;
  }

  protected final int groupStart(int group) {
    return group < groupStarts.length ? groupStarts[group] : size;
  }

  protected final int sortedRow(int index) {
    return order[index];
  }

  protected final int[] sortedRows() {
    return order;
  }

  private void sortOnce() {
    if (order != null) {
      return;
    }
    groupStarts = new int[groupCount + 1];
    if (buffer == null) {
      order = new int[0];
      return;
    }
    List<SortKey> keys = new ArrayList<>();
    keys.add(new SortKey(0, true, false));
    for (SortKey key : orderBy) {
      keys.add(new SortKey(column(key.column()), key.ascending(), key.nullsFirst()));
    }
    order = RowOrdering.sort(buffer, size, keys);
    IntVector groups = (IntVector) buffer.getVector(0);
    int[] counts = new int[groupCount + 1];
    for (int i = 0; i < size; i++) {
      counts[groups.get(i)]++;
    }
    int start = 0;
    for (int g = 0; g <= groupCount; g++) {
      groupStarts[g] = start;
      start += counts[g];
    }
  }

  @Override
  public void close() {
    if (buffer != null) {
      buffer.close();
      buffer = null;
    }
  }
}
