package io.quiver.engine.connector.memory;

import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/**
 * The rows of a memory table: batches in partitions, in the table's own allocator. Readers lease
 * the data while they read it ({@link #acquire}, {@link #release}); {@link #drop} refuses new
 * leases, and the memory is freed once the last lease ends, so a query that reads a table while
 * another session drops it never reads freed memory.
 */
final class MemoryTableData {

  private final List<List<StoredBatch>> partitions;
  private final long rowCount;
  private final long bytes;
  private final double[] distinctCounts;
  private final BufferAllocator allocator;
  private int leases;
  private boolean dropped;
  private boolean freed;

  /** @param allocator the table's allocator, holding every batch; closed when the data is freed */
  MemoryTableData(List<List<StoredBatch>> partitions, BufferAllocator allocator) {
    this(partitions, allocator, new double[0]);
  }

  /**
   * @param distinctCounts per column, the estimated number of distinct non-null values (columns
   *     past its end: unknown)
   */
  MemoryTableData(List<List<StoredBatch>> partitions, BufferAllocator allocator,
      double[] distinctCounts) {
    this.distinctCounts = distinctCounts.clone();
    this.partitions = List.copyOf(partitions.stream().map(List::copyOf).toList());
    this.allocator = allocator;
    long rows = 0;
    long size = 0;
    for (List<StoredBatch> partition : this.partitions) {
      for (StoredBatch batch : partition) {
        rows += batch.rows();
        size += batch.bytes();
      }
    }
    this.rowCount = rows;
    this.bytes = size;
  }

  int partitionCount() {
    return partitions.size();
  }

  List<StoredBatch> partition(int partition) {
    return partitions.get(partition);
  }

  long rowCount() {
    return rowCount;
  }

  /** The estimated distinct non-null values of column {@code column}; negative when unknown. */
  double distinctCount(int column) {
    return column >= 0 && column < distinctCounts.length ? distinctCounts[column] : -1;
  }

  /** Bytes of data the batches hold. */
  long bytes() {
    return bytes;
  }

  /** Starts a read; false if the table was dropped. Every successful call is paired with {@link #release}. */
  synchronized boolean acquire() {
    if (dropped) {
      return false;
    }
    leases++;
    return true;
  }

  synchronized void release() {
    if (leases <= 0) {
      throw new IllegalStateException("memory table data released more often than acquired");
    }
    leases--;
    if (dropped && leases == 0) {
      free();
    }
  }

  /** Refuses new reads; frees the memory now or when the last running read ends. Idempotent. */
  synchronized void drop() {
    dropped = true;
    if (leases == 0) {
      free();
    }
  }

  /** Frees the memory even if reads still hold leases: only when no reader can run any more (engine close). */
  synchronized void forceFree() {
    dropped = true;
    free();
  }

  synchronized boolean isFreed() {
    return freed;
  }

  private void free() {
    if (freed) {
      return;
    }
    freed = true;
    for (List<StoredBatch> partition : partitions) {
      partition.forEach(StoredBatch::close);
    }
    allocator.close();
  }
}
