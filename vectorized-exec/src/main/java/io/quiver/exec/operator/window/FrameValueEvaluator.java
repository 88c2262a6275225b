package io.quiver.exec.operator.window;

import io.quiver.exec.fragment.node.WindowFrame;

/**
 * FIRST_VALUE, LAST_VALUE and NTH_VALUE(x, n): the value of the first, last or n-th row of each
 * row's frame; NULL when the frame has no such row (an empty frame, fewer than n rows, n NULL).
 * With IGNORE NULLS only the frame's rows whose value is not NULL count.
 */
final class FrameValueEvaluator implements WindowEvaluator {

  /** Which row of the frame. */
  enum Pick {
    FIRST,
    LAST,
    NTH
  }

  private final Pick pick;
  private final int valueColumn;
  private final WindowFrame frame;
  private final Long n;
  private final boolean ignoreNulls;

  /** @param n NTH_VALUE's n (at least 1), null for NULL; ignored by FIRST and LAST */
  FrameValueEvaluator(Pick pick, int valueColumn, WindowFrame frame, Long n, boolean ignoreNulls) {
    this.pick = pick;
    this.valueColumn = valueColumn;
    this.frame = frame;
    this.n = n;
    this.ignoreNulls = ignoreNulls;
  }

  @Override
  public void evaluate(WindowChunk chunk, ChunkOutput output) {
    if (pick == Pick.NTH && n == null) {
      return;
    }
    int rows = chunk.rowCount();
    FrameBounds bounds = chunk.frame(frame);
    int[] start = bounds.start();
    int[] end = bounds.end();
    int[] sources = chunk.memory().ints(rows);
    long nth = pick == Pick.NTH ? n - 1 : 0;
    NonNullRows nonNull = ignoreNulls ? chunk.nonNullRows(valueColumn) : null;
    for (int i = 0; i < rows; i++) {
      // positions [first, last) among the rows that count: all rows, or the non-NULL ones
      long first = nonNull == null ? start[i] : nonNull.countBefore(start[i]);
      long last = nonNull == null ? end[i] : nonNull.countBefore(end[i]);
      long position = switch (pick) {
        case FIRST -> first;
        case LAST -> last - 1;
        case NTH -> first + nth;
      };
      if (position < first || position >= last) {
        sources[i] = ChunkOutput.NULL_ROW;
      } else {
        sources[i] = nonNull == null ? (int) position : nonNull.position((int) position);
      }
    }
    output.gather(sources, valueColumn, -1);
  }
}
