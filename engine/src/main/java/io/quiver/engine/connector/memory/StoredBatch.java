package io.quiver.engine.connector.memory;

import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.message.ArrowFieldNode;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.arrow.vector.util.TransferPair;

/**
 * One batch of a memory table: its vectors live in the table's allocator and are never handed out.
 * Readers get {@linkplain #share new vectors} whose buffers are extra references to the same memory
 * (Arrow's reference counting keeps the memory alive while any reader still holds it, and moves the
 * accounting to a reader's allocator if the table goes first), so a reader that closes, clears or
 * transfers its batch leaves the table as it was. Immutable once built; shared by reading threads.
 */
final class StoredBatch implements AutoCloseable {

  private final List<FieldVector> vectors;
  private final int rows;
  /** Per column: its buffers as {@link FieldVector#getFieldBuffers()} lists them, read once. */
  private final List<List<ArrowBuf>> buffers;
  private final long[] nullCounts;
  private final long bytes;

  /** Takes ownership of {@code vectors}, whose value counts are all {@code rows}. */
  StoredBatch(List<FieldVector> vectors, int rows) {
    this.vectors = List.copyOf(vectors);
    this.rows = rows;
    this.buffers = new ArrayList<>(vectors.size());
    this.nullCounts = new long[vectors.size()];
    long size = 0;
    for (int i = 0; i < vectors.size(); i++) {
      FieldVector vector = vectors.get(i);
      buffers.add(List.copyOf(vector.getFieldBuffers()));
      nullCounts[i] = vector.getNullCount();
      size += vector.getBufferSize();
    }
    this.bytes = size;
  }

  int rows() {
    return rows;
  }

  /** The batch's vector of a column, to read (not to change or close). */
  FieldVector vector(int column) {
    return vectors.get(column);
  }

  /** Bytes of the batch's data (what its buffers hold, not their capacity). */
  long bytes() {
    return bytes;
  }

  /**
   * A batch of the columns {@code columns} whose vectors are new, in {@code allocator}, and share
   * this batch's memory.
   *
   * @param schema the Arrow schema of the result, one field per entry of {@code columns}
   */
  VectorSchemaRoot share(List<Integer> columns, Schema schema, BufferAllocator allocator) {
    List<FieldVector> shared = new ArrayList<>(columns.size());
    try {
      for (int i = 0; i < columns.size(); i++) {
        int column = columns.get(i);
        Field field = schema.getFields().get(i);
        FieldVector vector = field.createVector(allocator);
        shared.add(vector);
        // Retains each buffer for the new vector's allocator: a new reference, no copy.
        vector.loadFieldBuffers(new ArrowFieldNode(rows, nullCounts[column]), buffers.get(column));
      }
    } catch (RuntimeException | Error e) {
      shared.forEach(FieldVector::close);
      throw e;
    }
    return new VectorSchemaRoot(schema.getFields(), shared, rows);
  }

  /** Rows {@code [start, start + length)} as a batch of its own in the same allocator (sliced, no copy of data). */
  StoredBatch slice(int start, int length) {
    List<FieldVector> sliced = new ArrayList<>(vectors.size());
    try {
      for (FieldVector vector : vectors) {
        TransferPair pair = vector.getTransferPair(vector.getAllocator());
        pair.splitAndTransfer(start, length);
        sliced.add((FieldVector) pair.getTo());
      }
    } catch (RuntimeException | Error e) {
      sliced.forEach(FieldVector::close);
      throw e;
    }
    return new StoredBatch(sliced, length);
  }

  /**
   * This batch's rows as a batch in {@code allocator}: the buffers change owner (no copy) and this
   * batch is left empty; close it anyway.
   */
  StoredBatch transferTo(BufferAllocator allocator) {
    List<FieldVector> moved = new ArrayList<>(vectors.size());
    try {
      for (FieldVector vector : vectors) {
        TransferPair pair = vector.getTransferPair(allocator);
        pair.transfer();
        moved.add((FieldVector) pair.getTo());
      }
    } catch (RuntimeException | Error e) {
      moved.forEach(FieldVector::close);
      throw e;
    }
    return new StoredBatch(moved, rows);
  }

  @Override
  public void close() {
    vectors.forEach(FieldVector::close);
  }
}
