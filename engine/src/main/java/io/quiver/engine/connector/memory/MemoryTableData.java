package io.quiver.engine.connector.memory;

import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/**
 * The rows of a memory table: batches in partitions, in the table's own allocator. Rows are only
 * ever appended to one data (INSERT; UPDATE, DELETE and MERGE make new data, see
 * {@link MemoryConnector#replaceRows}), so a version of the data is a number of batches per
 * partition ({@link TableVersion}): a scan planned against a version reads exactly that prefix of
 * each partition, whatever is appended meanwhile. Readers lease the data while they read it
 * ({@link #acquire}, {@link #release}); {@link #drop} refuses new leases, and the memory is freed
 * once the last lease ends, so a query that reads a table while another session drops it never
 * reads freed memory. Thread-safe.
 */
final class MemoryTableData {

  private final List<List<StoredBatch>> partitions;
  private final DistinctCountSketch[] distinctValues;
  private final BufferAllocator allocator;
  private TableVersion version;
  private int leases;
  private boolean dropped;
  private boolean freed;

  /** What a scan of one version of the table reads, and the planner's statistics of that version. */
  record TableVersion(int[] batchCounts, long rowCount, long bytes, double[] distinctCounts) {

    /** The estimated distinct non-null values of column {@code column}; negative when unknown. */
    double distinctCount(int column) {
      return column >= 0 && column < distinctCounts.length ? distinctCounts[column] : -1;
    }

    /** The batch counts as a table handle property: {@code "3,3,2"}. */
    String batchCountsProperty() {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < batchCounts.length; i++) {
        text.append(i == 0 ? "" : ",").append(batchCounts[i]);
      }
      return text.toString();
    }
  }

  /** @param allocator the table's allocator, holding every batch; closed when the data is freed */
  MemoryTableData(List<List<StoredBatch>> partitions, BufferAllocator allocator) {
    this(partitions, allocator, new DistinctCountSketch[0]);
  }

  /**
   * @param distinctValues per column, the distinct values seen (columns past its end: unknown);
   *     the data keeps them to count the values INSERT adds
   */
  MemoryTableData(List<List<StoredBatch>> partitions, BufferAllocator allocator,
      DistinctCountSketch[] distinctValues) {
    this.partitions = new ArrayList<>(partitions.size());
    for (List<StoredBatch> partition : partitions) {
      this.partitions.add(new ArrayList<>(partition));
    }
    this.distinctValues = distinctValues.clone();
    this.allocator = allocator;
    this.version = newVersion();
  }

  int partitionCount() {
    return partitions.size();
  }

  /** Every batch of a partition now. */
  synchronized List<StoredBatch> partition(int partition) {
    return List.copyOf(partitions.get(partition));
  }

  /** The first {@code count} batches of a partition: what one version of the table holds there. */
  synchronized List<StoredBatch> partition(int partition, int count) {
    List<StoredBatch> batches = partitions.get(partition);
    return List.copyOf(batches.subList(0, Math.min(count, batches.size())));
  }

  /** Every batch a version of the data holds. */
  synchronized List<StoredBatch> batches(TableVersion version) {
    List<StoredBatch> all = new ArrayList<>();
    for (int p = 0; p < partitions.size(); p++) {
      List<StoredBatch> batches = partitions.get(p);
      all.addAll(batches.subList(0, Math.min(version.batchCounts()[p], batches.size())));
    }
    return all;
  }

  /** The table as it is now. */
  synchronized TableVersion version() {
    return version;
  }

  long rowCount() {
    return version().rowCount();
  }

  double distinctCount(int column) {
    return version().distinctCount(column);
  }

  long bytes() {
    return version().bytes();
  }

  /**
   * Moves the rows of {@code added} (a finished write of the same columns and partition count) to
   * the end of this data's partitions, without copying them: their buffers change allocator. The
   * added rows' first partition goes to the partition with the fewest rows now, so that many small
   * INSERTs spread over the partitions. {@code added} is left empty and freed.
   *
   * @return the new version
   */
  synchronized TableVersion append(MemoryTableData added) {
    if (dropped || freed) {
      throw new IllegalStateException("rows appended to a dropped table");
    }
    int count = partitions.size();
    int start = 0;
    long fewest = Long.MAX_VALUE;
    for (int p = 0; p < count; p++) {
      long rows = partitions.get(p).stream().mapToLong(StoredBatch::rows).sum();
      if (rows < fewest) {
        fewest = rows;
        start = p;
      }
    }
    List<List<StoredBatch>> moved = new ArrayList<>();
    synchronized (added) {
      try {
        for (int p = 0; p < added.partitions.size(); p++) {
          List<StoredBatch> target = new ArrayList<>();
          moved.add(target);
          for (StoredBatch batch : added.partitions.get(p)) {
            target.add(batch.transferTo(allocator));
          }
        }
      } catch (RuntimeException | Error e) {
        moved.forEach(list -> list.forEach(StoredBatch::close));
        throw e;
      }
      for (int i = 0; i < moved.size(); i++) {
        partitions.get((start + i) % count).addAll(moved.get(i));
      }
      for (int i = 0; i < distinctValues.length && i < added.distinctValues.length; i++) {
        distinctValues[i].merge(added.distinctValues[i]);
      }
      added.forceFree();
    }
    version = newVersion();
    return version;
  }

  private TableVersion newVersion() {
    int[] counts = new int[partitions.size()];
    long rows = 0;
    long size = 0;
    for (int p = 0; p < counts.length; p++) {
      List<StoredBatch> partition = partitions.get(p);
      counts[p] = partition.size();
      for (StoredBatch batch : partition) {
        rows += batch.rows();
        size += batch.bytes();
      }
    }
    double[] distinctCounts = new double[distinctValues.length];
    for (int i = 0; i < distinctCounts.length; i++) {
      // Never more distinct values than rows (the sketch may overshoot slightly).
      distinctCounts[i] = Math.min(Math.max(1, Math.round(distinctValues[i].estimate())), rows);
    }
    return new TableVersion(counts, rows, size, distinctCounts);
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
      partition.clear();
    }
    allocator.close();
  }
}
