package io.quiver.exec.operator.window;

/**
 * PERCENT_RANK() = (RANK - 1) / (partition rows - 1), 0 for a partition of one row, and
 * CUME_DIST() = (rows up to the row's last peer) / partition rows; both DOUBLE.
 */
final class RelativeRankEvaluator implements WindowEvaluator {

  private final boolean cumulative;

  /** @param cumulative CUME_DIST rather than PERCENT_RANK */
  RelativeRankEvaluator(boolean cumulative) {
    this.cumulative = cumulative;
  }

  @Override
  public void evaluate(WindowChunk chunk, ChunkOutput output) {
    double[] values = chunk.memory().doubles(chunk.rowCount());
    int[] partitions = chunk.partitionStarts();
    int[] peerStart = chunk.peerStart();
    int[] peerEnd = chunk.peerEnd();
    for (int p = 0; p + 1 < partitions.length; p++) {
      int start = partitions[p];
      int size = partitions[p + 1] - start;
      for (int i = start; i < partitions[p + 1]; i++) {
        if (cumulative) {
          values[i] = (double) (peerEnd[i] - start) / size;
        } else {
          values[i] = size == 1 ? 0.0 : (double) (peerStart[i] - start) / (size - 1);
        }
      }
    }
    output.writeDoubles(values, null);
  }
}
