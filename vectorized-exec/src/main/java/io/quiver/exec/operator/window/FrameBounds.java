package io.quiver.exec.operator.window;

import io.quiver.exec.fragment.node.WindowFrame;
import io.quiver.exec.fragment.node.WindowFrame.Bound;
import io.quiver.exec.fragment.node.WindowFrame.BoundKind;

/**
 * The frame of every row of a chunk as chunk rows {@code [start[i], end[i])}, inside the row's
 * partition; an empty frame has {@code start[i] == end[i]}. Over the rows of a chunk both arrays
 * never decrease (frames move forward with the current row, and partitions follow each other), which
 * is what lets the aggregates slide a frame instead of recomputing it.
 */
final class FrameBounds {

  private final int[] start;
  private final int[] end;
  private final boolean startsAtPartition;

  private FrameBounds(int[] start, int[] end, boolean startsAtPartition) {
    this.start = start;
    this.end = end;
    this.startsAtPartition = startsAtPartition;
  }

  /** First row of each row's frame. */
  int[] start() {
    return start;
  }

  /** The row after each row's frame. */
  int[] end() {
    return end;
  }

  /** True when every frame begins at its partition's first row (UNBOUNDED PRECEDING). */
  boolean startsAtPartition() {
    return startsAtPartition;
  }

  static FrameBounds compute(WindowChunk chunk, WindowFrame frame) {
    int rows = chunk.rowCount();
    int[] start = chunk.memory().ints(rows);
    int[] end = chunk.memory().ints(rows);
    int[] partitions = chunk.partitionStarts();
    boolean range = frame.unit() == WindowFrame.Unit.RANGE;
    for (int p = 0; p + 1 < partitions.length; p++) {
      int partitionStart = partitions[p];
      int partitionEnd = partitions[p + 1];
      fill(chunk, frame.start(), true, range, partitionStart, partitionEnd, start);
      fill(chunk, frame.end(), false, range, partitionStart, partitionEnd, end);
    }
    for (int i = 0; i < rows; i++) {
      if (end[i] < start[i]) {
        end[i] = start[i];
      }
    }
    return new FrameBounds(start, end, frame.start().kind() == BoundKind.UNBOUNDED_PRECEDING);
  }

  /**
   * Fills {@code out[partitionStart..partitionEnd)} with one end of each row's frame: the first row
   * of the frame for {@code isStart}, the row after its last row otherwise.
   */
  private static void fill(WindowChunk chunk, Bound bound, boolean isStart, boolean range, int partitionStart,
      int partitionEnd, int[] out) {
    switch (bound.kind()) {
      case UNBOUNDED_PRECEDING:
        java.util.Arrays.fill(out, partitionStart, partitionEnd, partitionStart);
        return;
      case UNBOUNDED_FOLLOWING:
        java.util.Arrays.fill(out, partitionStart, partitionEnd, partitionEnd);
        return;
      case CURRENT_ROW:
        if (range) {
          int[] peers = isStart ? chunk.peerStart() : chunk.peerEnd();
          System.arraycopy(peers, partitionStart, out, partitionStart, partitionEnd - partitionStart);
        } else {
          for (int i = partitionStart; i < partitionEnd; i++) {
            out[i] = isStart ? i : i + 1;
          }
        }
        return;
      default:
        break;
    }
    boolean preceding = bound.kind() == BoundKind.PRECEDING;
    if (range) {
      RangeFrame.fill(chunk, bound.offset(), preceding, isStart, partitionStart, partitionEnd, out);
      return;
    }
    long offset = bound.offset().longValue();
    // the frame's first row (isStart) or its last row, then one past it for the end
    int shift = isStart ? 0 : 1;
    for (int i = partitionStart; i < partitionEnd; i++) {
      long row = preceding ? (long) i - offset : (long) i + Math.min(offset, partitionEnd);
      out[i] = (int) Math.max(partitionStart, Math.min(partitionEnd, row + shift));
    }
  }
}
