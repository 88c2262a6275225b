package io.quiver.exec.operator.window;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;

/**
 * NTILE(n): cuts each partition, in its order, into n runs whose sizes differ by at most one (the
 * larger runs first) and numbers them 1..n. With more buckets than rows every row is its own
 * bucket. NTILE(NULL) is NULL; n below 1 is an error (SQLState 22014).
 */
final class NtileEvaluator implements WindowEvaluator {

  private final Long buckets;

  NtileEvaluator(Long buckets) {
    if (buckets != null && buckets <= 0) {
      throw new QuiverException(ErrorCode.INVALID_ARGUMENT_FOR_NTILE,
          "argument of ntile must be greater than zero, not " + buckets);
    }
    this.buckets = buckets;
  }

  @Override
  public void evaluate(WindowChunk chunk, ChunkOutput output) {
    if (buckets == null) {
      return;
    }
    long[] values = chunk.memory().longs(chunk.rowCount());
    int[] partitions = chunk.partitionStarts();
    for (int p = 0; p + 1 < partitions.length; p++) {
      int start = partitions[p];
      long size = partitions[p + 1] - start;
      long count = Math.min(buckets, size);
      long small = size / count;
      long large = small + 1;
      // the first (size % count) buckets hold one row more
      long largeRows = (size % count) * large;
      for (int i = start; i < partitions[p + 1]; i++) {
        long k = i - start;
        values[i] = k < largeRows ? k / large + 1 : (k - largeRows) / small + size % count + 1;
      }
    }
    output.writeLongs(values, null);
  }
}
