package io.quiver.exec.operator.window;

/**
 * RANK() and DENSE_RANK() from the peer groups (rows equal on every ORDER BY key): RANK is one more
 * than the rows before the row's peer group, DENSE_RANK one more than the peer groups before it.
 * Without ORDER BY all rows of a partition are peers and rank 1.
 */
final class RankEvaluator implements WindowEvaluator {

  private final boolean dense;

  RankEvaluator(boolean dense) {
    this.dense = dense;
  }

  @Override
  public void evaluate(WindowChunk chunk, ChunkOutput output) {
    long[] values = chunk.memory().longs(chunk.rowCount());
    int[] partitions = chunk.partitionStarts();
    int[] peerStart = chunk.peerStart();
    for (int p = 0; p + 1 < partitions.length; p++) {
      int start = partitions[p];
      long groups = 0;
      for (int i = start; i < partitions[p + 1]; i++) {
        if (peerStart[i] == i) {
          groups++;
        }
        values[i] = dense ? groups : peerStart[i] - start + 1;
      }
    }
    output.writeLongs(values, null);
  }
}
