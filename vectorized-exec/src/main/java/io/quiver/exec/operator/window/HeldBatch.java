package io.quiver.exec.operator.window;

import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * An input batch the window holds until every row of it has its results: the batch itself, one
 * byte of flags per row (the first row of a partition, the first row of a peer group), and one
 * result vector per window call, filled as the partitions its rows belong to are computed. All of
 * it lives in buffers of the task's allocator.
 */
final class HeldBatch implements AutoCloseable {

  static final byte PARTITION_START = 1;
  static final byte PEER_GROUP_START = 2;

  private final VectorSchemaRoot input;
  private final long firstRow;
  private final int rows;
  private ArrowBuf flags;
  private final List<FieldVector> results;
  private boolean handedOver;

  /**
   * Takes ownership of {@code input}; allocates the flags and the result vectors of
   * {@code resultFields}.
   *
   * @param firstRow the row number of the batch's first row among all the window's input rows
   */
  HeldBatch(VectorSchemaRoot input, long firstRow, List<Field> resultFields, BufferAllocator allocator) {
    this.input = input;
    this.firstRow = firstRow;
    this.rows = input.getRowCount();
    this.results = new ArrayList<>(resultFields.size());
    try {
      this.flags = allocator.buffer(Math.max(1, rows));
      flags.setZero(0, flags.capacity());
      for (Field field : resultFields) {
        FieldVector vector = field.createVector(allocator);
        results.add(vector);
        if (vector instanceof BaseFixedWidthVector fixed) {
          fixed.allocateNew(Math.max(1, rows));
        } else if (vector instanceof BaseVariableWidthVector variable) {
          variable.allocateNew(Math.max(1, rows) * 8L, Math.max(1, rows));
        }
      }
    } catch (RuntimeException | Error e) {
      close();
      throw e;
    }
  }

  VectorSchemaRoot input() {
    return input;
  }

  long firstRow() {
    return firstRow;
  }

  /** The row number after the batch's last row. */
  long endRow() {
    return firstRow + rows;
  }

  int rows() {
    return rows;
  }

  boolean isPartitionStart(int row) {
    return (flags.getByte(row) & PARTITION_START) != 0;
  }

  boolean isPeerGroupStart(int row) {
    return (flags.getByte(row) & PEER_GROUP_START) != 0;
  }

  void markPartitionStart(int row) {
    flags.setByte(row, flags.getByte(row) | PARTITION_START | PEER_GROUP_START);
  }

  void markPeerGroupStart(int row) {
    flags.setByte(row, flags.getByte(row) | PEER_GROUP_START);
  }

  FieldVector result(int call) {
    return results.get(call);
  }

  /**
   * The output batch: the input's vectors, then the results, all moved into the returned batch
   * (owned by the caller); this held batch is empty afterwards.
   */
  VectorSchemaRoot handOver(List<Field> outputFields) {
    List<FieldVector> vectors = new ArrayList<>(input.getFieldVectors());
    for (FieldVector result : results) {
      result.setValueCount(rows);
      vectors.add(result);
    }
    handedOver = true;
    releaseFlags();
    return new VectorSchemaRoot(outputFields, vectors, rows);
  }

  @Override
  public void close() {
    releaseFlags();
    if (handedOver) {
      return;
    }
    input.close();
    results.forEach(FieldVector::close);
  }

  private void releaseFlags() {
    if (flags != null) {
      flags.close();
      flags = null;
    }
  }
}
