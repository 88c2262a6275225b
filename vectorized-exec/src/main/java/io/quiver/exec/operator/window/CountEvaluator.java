package io.quiver.exec.operator.window;

import io.quiver.exec.fragment.node.WindowFrame;

/**
 * COUNT(*) and COUNT(x) over each row's frame, in constant time per row: the frame's size, or the
 * number of non-NULL values in it from the column's running count.
 */
final class CountEvaluator implements WindowEvaluator {

  private final int column;
  private final WindowFrame frame;

  /** @param column the counted column, or -1 for COUNT(*) */
  CountEvaluator(int column, WindowFrame frame) {
    this.column = column;
    this.frame = frame;
  }

  @Override
  public void evaluate(WindowChunk chunk, ChunkOutput output) {
    int rows = chunk.rowCount();
    FrameBounds bounds = chunk.frame(frame);
    int[] start = bounds.start();
    int[] end = bounds.end();
    long[] counts = chunk.memory().longs(rows);
    if (column < 0) {
      for (int i = 0; i < rows; i++) {
        counts[i] = end[i] - start[i];
      }
    } else {
      NonNullRows nonNull = chunk.nonNullRows(column);
      for (int i = 0; i < rows; i++) {
        counts[i] = nonNull.countBefore(end[i]) - nonNull.countBefore(start[i]);
      }
    }
    output.writeLongs(counts, null);
  }
}
