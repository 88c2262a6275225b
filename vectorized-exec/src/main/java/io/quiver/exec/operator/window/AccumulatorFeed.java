package io.quiver.exec.operator.window;

import io.quiver.exec.batch.RowCopier;
import io.quiver.exec.operator.aggregate.Accumulator;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Feeds ranges of a chunk's rows to an {@link Accumulator}, each range to a group: the rows are
 * copied, only in the columns the accumulator reads, into one reusable staging batch (Arrow buffers
 * of the task's allocator) that the accumulator is given whenever it is full and on {@link #flush}.
 * An accumulator reads rows {@code 0..n)} of a batch, and a chunk's rows lie in several held
 * batches from any row on, so they are copied; a copy per range and column keeps that cheap.
 */
final class AccumulatorFeed implements AutoCloseable {

  /** Rows the staging batch holds before it goes to the accumulator. */
  static final int CAPACITY = 4096;

  private final WindowChunk chunk;
  private final List<Integer> columns;
  private final VectorSchemaRoot stage;
  private final int[] groupIds;
  private Accumulator target;
  private int size;
  private int segmentHint;

  /**
   * @param columns the chunk's columns to copy; the staging batch's column i is {@code columns[i]}
   */
  AccumulatorFeed(WindowChunk chunk, List<Integer> columns, BufferAllocator allocator) {
    this.chunk = chunk;
    this.columns = List.copyOf(columns);
    List<Field> fields = new ArrayList<>();
    List<Field> input = chunk.segmentBatch(0).input().getSchema().getFields();
    for (int column : columns) {
      fields.add(input.get(column));
    }
    this.groupIds = chunk.memory().ints(CAPACITY);
    this.stage = VectorSchemaRoot.create(new Schema(fields), allocator);
  }

  /** Sends what is staged to the current accumulator, then feeds {@code accumulator} (may be null). */
  void target(Accumulator accumulator) {
    flush();
    target = accumulator;
  }

  /** Drops what is staged and feeds no accumulator (after a failure, before the accumulator is closed). */
  void detach() {
    size = 0;
    target = null;
  }

  /** Adds chunk rows {@code [from, to)} to group {@code group} of the accumulator. */
  void add(int from, int to, int group) {
    while (from < to) {
      int segment = chunk.segmentOf(from, segmentHint);
      segmentHint = segment;
      int segmentEnd = chunk.segmentStart(segment) + chunk.segmentLength(segment);
      int length = Math.min(Math.min(to, segmentEnd) - from, CAPACITY - size);
      int batchRow = chunk.segmentFirstRow(segment) + from - chunk.segmentStart(segment);
      for (int c = 0; c < columns.size(); c++) {
        RowCopier.append(chunk.vector(segment, columns.get(c)), null, batchRow, length, stage.getVector(c), size);
      }
      java.util.Arrays.fill(groupIds, size, size + length, group);
      size += length;
      from += length;
      if (size == CAPACITY) {
        flush();
      }
    }
  }

  /** Gives the staged rows to the accumulator. */
  void flush() {
    if (size == 0) {
      return;
    }
    stage.setRowCount(size);
    target.add(stage, groupIds, size);
    size = 0;
  }

  @Override
  public void close() {
    stage.close();
  }
}
