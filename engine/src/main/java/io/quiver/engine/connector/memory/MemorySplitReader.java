package io.quiver.engine.connector.memory;

import io.quiver.exec.connector.SplitReader;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.arrow.vector.util.TransferPair;

/**
 * Reads partitions of a memory table: each stored batch is handed out as new vectors sharing its
 * memory (no copy), cut into pieces of at most batchSize rows if it is larger. Holds a lease on
 * the table data from open to close, so a concurrent DROP frees the data only after this reader.
 */
final class MemorySplitReader implements SplitReader {

  /** Stored batches with fewer rows than this are copied together into one (see {@link #coalesce}). */
  static final int COALESCE_BELOW = 256;

  private final MemoryTableData data;
  private final List<Integer> partitions;
  /** Per partition of the table: how many of its batches the scanned version holds; null for all. */
  private final int[] batchCounts;
  private final List<Integer> columns;
  private final Schema schema;
  private final BufferAllocator allocator;
  private final int batchSize;
  private int partitionIndex;
  private int batchIndex;
  private VectorSchemaRoot pending;
  private int pendingOffset;
  private boolean closed;

  /** @param data leased by the caller; released by {@link #close()} */
  MemorySplitReader(MemoryTableData data, List<Integer> partitions, int[] batchCounts, List<Integer> columns,
      Schema schema, BufferAllocator allocator, int batchSize) {
    this.data = data;
    this.partitions = List.copyOf(partitions);
    this.batchCounts = batchCounts;
    this.columns = List.copyOf(columns);
    this.schema = schema;
    this.allocator = allocator;
    this.batchSize = batchSize;
  }

  @Override
  public VectorSchemaRoot next() {
    if (closed) {
      return null;
    }
    if (pending != null) {
      return nextPiece();
    }
    while (partitionIndex < partitions.size()) {
      int partition = partitions.get(partitionIndex);
      List<StoredBatch> batches = batchCounts == null ? data.partition(partition)
          : data.partition(partition, batchCounts[partition]);
      if (batchIndex >= batches.size()) {
        partitionIndex++;
        batchIndex = 0;
        continue;
      }
      StoredBatch stored = batches.get(batchIndex++);
      if (stored.rows() < COALESCE_BELOW && batchIndex < batches.size()
          && batches.get(batchIndex).rows() < COALESCE_BELOW
          && stored.rows() + batches.get(batchIndex).rows() <= batchSize) {
        return coalesce(stored, batches);
      }
      VectorSchemaRoot shared = stored.share(columns, schema, allocator);
      if (shared.getRowCount() <= batchSize) {
        return shared;
      }
      pending = shared;
      pendingOffset = 0;
      return nextPiece();
    }
    close();
    return null;
  }

  /**
   * Small stored batches in a row (many small INSERTs leave them) copied into one batch of at most
   * batchSize rows, so that operators downstream see batches of a useful size. Copies value by
   * value: only small batches come here.
   */
  private VectorSchemaRoot coalesce(StoredBatch first, List<StoredBatch> batches) {
    VectorSchemaRoot target = VectorSchemaRoot.create(schema, allocator);
    try {
      target.allocateNew();
      int rows = append(target, first, 0);
      while (batchIndex < batches.size()) {
        StoredBatch next = batches.get(batchIndex);
        if (next.rows() >= COALESCE_BELOW || rows + next.rows() > batchSize) {
          break;
        }
        rows = append(target, next, rows);
        batchIndex++;
      }
      target.setRowCount(rows);
      return target;
    } catch (RuntimeException | Error e) {
      target.close();
      throw e;
    }
  }

  /** Copies a stored batch's rows to the end of {@code target}; returns the rows it holds now. */
  private int append(VectorSchemaRoot target, StoredBatch stored, int at) {
    try (VectorSchemaRoot shared = stored.share(columns, schema, allocator)) {
      int rows = shared.getRowCount();
      for (int c = 0; c < columns.size(); c++) {
        FieldVector from = shared.getVector(c);
        FieldVector to = target.getVector(c);
        for (int row = 0; row < rows; row++) {
          to.copyFromSafe(row, at + row, from);
        }
        to.setValueCount(at + rows);
      }
      return at + rows;
    }
  }

  private VectorSchemaRoot nextPiece() {
    int length = Math.min(batchSize, pending.getRowCount() - pendingOffset);
    List<FieldVector> pieces = new java.util.ArrayList<>(columns.size());
    try {
      for (FieldVector vector : pending.getFieldVectors()) {
        TransferPair pair = vector.getTransferPair(allocator);
        pair.splitAndTransfer(pendingOffset, length);
        pieces.add((FieldVector) pair.getTo());
      }
    } catch (RuntimeException | Error e) {
      pieces.forEach(FieldVector::close);
      throw e;
    }
    pendingOffset += length;
    if (pendingOffset >= pending.getRowCount()) {
      pending.close();
      pending = null;
    }
    return new VectorSchemaRoot(schema.getFields(), pieces, length);
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (pending != null) {
      pending.close();
      pending = null;
    }
    data.release();
  }
}
