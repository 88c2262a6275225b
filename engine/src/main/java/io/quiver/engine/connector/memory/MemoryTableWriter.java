package io.quiver.engine.connector.memory;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.task.ResultSink;
import io.quiver.exec.type.RowSchema;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.util.TransferPair;

/**
 * Receives the rows of a CREATE TABLE AS query as the result stage sends them: each batch's buffers
 * move (no copy) into the new table's allocator. {@link #finish} spreads the rows evenly over the
 * table's partitions, cutting at most one batch per partition boundary (slices, no copy);
 * {@link #abort} frees everything. Thread-safe.
 */
public final class MemoryTableWriter implements ResultSink {

  private final String tableName;
  private final RowSchema schema;
  private final BufferAllocator allocator;
  private final int partitionCount;
  private final List<StoredBatch> batches = new ArrayList<>();
  /** Per column: the distinct values seen so far, for the planner's join estimates. */
  private final DistinctCountSketch[] distinctValues;
  private final java.util.function.Consumer<MemoryTableWriter> onEnd;
  private long rows;
  private boolean done;

  /**
   * @param allocator the table's own allocator; the writer owns it until {@link #finish} hands it to the data
   * @param partitionCount how many partitions the rows are spread over
   * @param onEnd told once when the write ends (finished or aborted)
   */
  MemoryTableWriter(String tableName, RowSchema schema, BufferAllocator allocator, int partitionCount,
      java.util.function.Consumer<MemoryTableWriter> onEnd) {
    if (partitionCount < 1) {
      throw new IllegalArgumentException("a table needs at least one partition, not " + partitionCount);
    }
    this.tableName = tableName;
    this.schema = schema;
    this.allocator = allocator;
    this.partitionCount = partitionCount;
    this.onEnd = onEnd;
    this.distinctValues = new DistinctCountSketch[schema.size()];
    for (int i = 0; i < distinctValues.length; i++) {
      distinctValues[i] = new DistinctCountSketch();
    }
  }

  public RowSchema schema() {
    return schema;
  }

  /** The batches received so far, to read (a constraint check before the write ends). */
  synchronized List<StoredBatch> written() {
    return List.copyOf(batches);
  }

  /** Rows received so far. */
  public synchronized long rows() {
    return rows;
  }

  /**
   * Moves the batch's buffers into the table's allocator (compacting text columns with much slack),
   * outside the lock, so that the result tasks of a query store their batches in parallel.
   */
  @Override
  public void accept(VectorSchemaRoot batch) {
    StoredBatch stored;
    DistinctCountSketch[] batchValues;
    try (batch) {
      synchronized (this) {
        if (done) {
          throw new QuiverException(ErrorCode.QUERY_CANCELLED, "the write of table " + tableName + " has ended");
        }
      }
      int count = batch.getRowCount();
      if (count == 0) {
        return;
      }
      if (batch.getFieldVectors().size() != schema.size()) {
        throw new QuiverException(ErrorCode.INTERNAL_ERROR, "a batch for table " + tableName + " has "
            + batch.getFieldVectors().size() + " columns, the table has " + schema.size());
      }
      List<FieldVector> moved = new ArrayList<>(schema.size());
      try {
        for (FieldVector vector : batch.getFieldVectors()) {
          vector.setValueCount(count);
          TransferPair pair = vector.getTransferPair(allocator);
          pair.transfer();
          FieldVector target = (FieldVector) pair.getTo();
          FieldVector compacted = VectorCompaction.compact(target, allocator);
          if (compacted != target) {
            target.close();
          }
          moved.add(compacted);
        }
        // Counted outside the lock, so that result tasks count in parallel; merged under it.
        batchValues = new DistinctCountSketch[moved.size()];
        for (int i = 0; i < batchValues.length; i++) {
          batchValues[i] = new DistinctCountSketch();
          batchValues[i].addAll(moved.get(i), count);
        }
        stored = new StoredBatch(moved, count);
      } catch (RuntimeException | Error e) {
        moved.forEach(FieldVector::close);
        throw e;
      }
    }
    synchronized (this) {
      if (done) {
        stored.close();
        throw new QuiverException(ErrorCode.QUERY_CANCELLED, "the write of table " + tableName + " has ended");
      }
      batches.add(stored);
      rows += stored.rows();
      for (int i = 0; i < distinctValues.length; i++) {
        distinctValues[i].merge(batchValues[i]);
      }
    }
  }

  /**
   * Ends the write: the rows, spread over the partitions, in order (partition 0 holds the first
   * rows). The data owns the allocator from here on.
   */
  public synchronized MemoryTableData finish() {
    if (done) {
      throw new IllegalStateException("the write of table " + tableName + " has already ended");
    }
    done = true;
    onEnd.accept(this);
    List<List<StoredBatch>> partitions = new ArrayList<>(partitionCount);
    for (int p = 0; p < partitionCount; p++) {
      partitions.add(new ArrayList<>());
    }
    try {
      long target = (rows + partitionCount - 1) / partitionCount;
      int partition = 0;
      long filled = 0;
      for (int i = 0; i < batches.size(); i++) {
        StoredBatch batch = batches.get(i);
        int offset = 0;
        while (offset < batch.rows()) {
          int take = partition == partitionCount - 1 ? batch.rows() - offset
              : (int) Math.min(batch.rows() - offset, target - filled);
          if (offset == 0 && take == batch.rows()) {
            partitions.get(partition).add(batch);
            batches.set(i, null);
          } else {
            partitions.get(partition).add(batch.slice(offset, take));
          }
          offset += take;
          filled += take;
          if (filled == target && partition < partitionCount - 1) {
            partition++;
            filled = 0;
          }
        }
        if (batches.get(i) != null) {
          batch.close();
          batches.set(i, null);
        }
      }
    } catch (RuntimeException | Error e) {
      partitions.forEach(list -> list.forEach(StoredBatch::close));
      batches.stream().filter(b -> b != null).forEach(StoredBatch::close);
      batches.clear();
      allocator.close();
      throw e;
    }
    batches.clear();
    return new MemoryTableData(partitions, allocator, distinctValues);
  }

  /** Drops what was written and closes the allocator. Idempotent; a no-op after {@link #finish}. */
  public synchronized void abort() {
    if (done) {
      return;
    }
    done = true;
    onEnd.accept(this);
    batches.forEach(StoredBatch::close);
    batches.clear();
    allocator.close();
  }
}
