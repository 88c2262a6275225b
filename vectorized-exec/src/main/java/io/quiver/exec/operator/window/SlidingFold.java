package io.quiver.exec.operator.window;

/**
 * Folds each row's frame with an associative operation that cannot be undone (MIN, MAX, a floating
 * point sum that must not cancel values out), in amortized constant time per row: the "two stacks"
 * sliding window. Frames only move forward, so the rows of the current frame are a front part,
 * whose suffix folds were computed right to left when it was formed, and a back part, folded as rows
 * enter. A row's value is the fold of the front's suffix from the frame's first row with the back's
 * fold. When the frame's start passes the front, the back becomes the new front; each row is folded
 * into a suffix at most once. Subclasses hold the folded states.
 *
 * <p>A new non-invertible aggregate plugs in by extending this class: a suffix state per row, one
 * back state, and the four operations below.
 */
abstract class SlidingFold implements WindowEvaluator {

  /** Forgets the back part's state. */
  protected abstract void clearBack();

  /** Folds row {@code row} into the back part. */
  protected abstract void pushBack(int row);

  /**
   * Makes rows {@code [from, to)} the front part: for every row j among them, the fold of rows
   * {@code [j, to)}, computed right to left.
   */
  protected abstract void buildFront(int from, int to);

  /**
   * Records row {@code row}'s result: the fold of the front part from row {@code frontStart}
   * (when {@code frontStart < frontEnd}) with the back part.
   */
  protected abstract void emit(int row, int frontStart, int frontEnd);

  /** Runs the fold over every row of the chunk, given each row's frame. */
  protected final void slide(FrameBounds bounds, int rows) {
    int[] start = bounds.start();
    int[] end = bounds.end();
    int low = 0;
    int middle = 0;
    int high = 0;
    clearBack();
    for (int i = 0; i < rows; i++) {
      int frameStart = start[i];
      int frameEnd = end[i];
      if (frameStart >= high) {
        // the new frame shares no row with the rows folded so far
        low = middle = high = frameStart;
        clearBack();
      }
      while (high < frameEnd) {
        pushBack(high++);
      }
      if (frameStart >= middle) {
        // the front is used up: the back's rows from the frame's start become the front
        buildFront(frameStart, high);
        middle = high;
        clearBack();
      }
      low = frameStart;
      emit(i, low, middle);
    }
  }
}
