package io.quiver.exec.operator.window;

/** ROW_NUMBER(): 1, 2, 3, ... within each partition, in the partition's order. */
final class RowNumberEvaluator implements WindowEvaluator {

  @Override
  public void evaluate(WindowChunk chunk, ChunkOutput output) {
    long[] values = chunk.memory().longs(chunk.rowCount());
    int[] partitions = chunk.partitionStarts();
    for (int p = 0; p + 1 < partitions.length; p++) {
      int start = partitions[p];
      for (int i = start; i < partitions[p + 1]; i++) {
        values[i] = i - start + 1;
      }
    }
    output.writeLongs(values, null);
  }
}
