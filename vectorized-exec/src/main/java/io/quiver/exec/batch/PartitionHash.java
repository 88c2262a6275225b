package io.quiver.exec.batch;

import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Assigns rows to the partitions of a Hash exchange. Every stage uses this one function, so a key
 * value goes to the same partition whichever stage or batch carries it (see {@link KeyHashing}).
 */
public final class PartitionHash {

  private long[] hashes = new long[0];
  private long[] scratch = new long[0];

  /** Hashes of the key columns of rows {@code 0..rowCount)}; valid until the next call. */
  public long[] hashRows(VectorSchemaRoot batch, List<Integer> keyColumns) {
    int rows = batch.getRowCount();
    if (hashes.length < rows) {
      hashes = new long[rows];
      scratch = new long[rows];
    }
    if (keyColumns.isEmpty()) {
      java.util.Arrays.fill(hashes, 0, rows, 0L);
    }
    for (int k = 0; k < keyColumns.size(); k++) {
      KeyHashing.hashColumn(batch.getVector(keyColumns.get(k)), rows, hashes, k == 0, scratch);
    }
    return hashes;
  }

  /** Fills {@code partitions[0..rowCount)} with each row's partition. */
  public void partitions(VectorSchemaRoot batch, List<Integer> keyColumns, int partitionCount, int[] partitions) {
    long[] rowHashes = hashRows(batch, keyColumns);
    int rows = batch.getRowCount();
    for (int i = 0; i < rows; i++) {
      partitions[i] = KeyHashing.partition(rowHashes[i], partitionCount);
    }
  }

  /** The partition of a single BIGINT key value (for tests and for planners that pre-partition). */
  public static int partitionOfLong(long value, int partitionCount) {
    return KeyHashing.partition(KeyHashing.hashLong(value), partitionCount);
  }
}
