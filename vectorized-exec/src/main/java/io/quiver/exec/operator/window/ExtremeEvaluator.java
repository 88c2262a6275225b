package io.quiver.exec.operator.window;

import io.quiver.exec.fragment.node.WindowFrame;

/**
 * MIN and MAX over each row's frame, for every type: {@link SlidingFold} keeps the row of the best
 * value (suffix bests for the front, one best for the back), and the result is that row's value,
 * copied. NULLs are skipped; a frame without values gives NULL.
 */
final class ExtremeEvaluator extends SlidingFold {

  private static final int NONE = -1;

  private final int column;
  private final WindowFrame frame;
  private final boolean max;
  private ValueOrder order;
  private boolean[] valid;
  private int[] suffix;
  private int back;
  private int[] results;

  ExtremeEvaluator(int column, WindowFrame frame, boolean max) {
    this.column = column;
    this.frame = frame;
    this.max = max;
  }

  @Override
  public void evaluate(WindowChunk chunk, ChunkOutput output) {
    int rows = chunk.rowCount();
    order = ValueOrder.of(chunk, column);
    valid = chunk.validity(column);
    suffix = chunk.memory().ints(rows);
    results = chunk.memory().ints(rows);
    slide(chunk.frame(frame), rows);
    output.gather(results, column, -1);
    order = null;
    valid = null;
    suffix = null;
    results = null;
  }

  /** The better of two candidate rows (either may be NONE). */
  private int better(int left, int right) {
    if (left == NONE) {
      return right;
    }
    if (right == NONE) {
      return left;
    }
    int comparison = order.compare(left, right);
    return (max ? comparison >= 0 : comparison <= 0) ? left : right;
  }

  @Override
  protected void clearBack() {
    back = NONE;
  }

  @Override
  protected void pushBack(int row) {
    if (valid[row]) {
      back = better(back, row);
    }
  }

  @Override
  protected void buildFront(int from, int to) {
    int best = NONE;
    for (int j = to - 1; j >= from; j--) {
      if (valid[j]) {
        best = better(j, best);
      }
      suffix[j] = best;
    }
  }

  @Override
  protected void emit(int row, int frontStart, int frontEnd) {
    results[row] = better(frontStart < frontEnd ? suffix[frontStart] : NONE, back);
  }
}
