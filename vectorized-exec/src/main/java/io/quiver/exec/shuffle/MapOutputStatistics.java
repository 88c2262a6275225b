package io.quiver.exec.shuffle;

/** What one map task wrote: rows and bytes per reduce partition. */
public record MapOutputStatistics(long[] rowsPerPartition, long[] bytesPerPartition) {

  public long totalRows() {
    long total = 0;
    for (long rows : rowsPerPartition) {
      total += rows;
    }
    return total;
  }

  public long totalBytes() {
    long total = 0;
    for (long bytes : bytesPerPartition) {
      total += bytes;
    }
    return total;
  }
}
