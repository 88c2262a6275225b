package io.quiver.exec.operator.window;

/**
 * Folds each row's frame with an operation that can be undone exactly (an integer or decimal sum):
 * rows entering the frame are added, rows leaving it removed, so each row is added and removed at
 * most once over a chunk. Frames only move forward (see {@link FrameBounds}).
 *
 * <p>A new invertible aggregate plugs in by extending this class with its state and the four
 * operations below.
 */
abstract class SlidingInverse implements WindowEvaluator {

  /** Empties the state. */
  protected abstract void reset();

  protected abstract void add(int row);

  protected abstract void remove(int row);

  /** Records row {@code row}'s result from the current state (the fold of its frame). */
  protected abstract void emit(int row);

  /** Runs the fold over every row of the chunk, given each row's frame. */
  protected final void slide(FrameBounds bounds, int rows) {
    int[] start = bounds.start();
    int[] end = bounds.end();
    int low = 0;
    int high = 0;
    reset();
    for (int i = 0; i < rows; i++) {
      if (start[i] >= high) {
        low = high = start[i];
        reset();
      }
      while (high < end[i]) {
        add(high++);
      }
      while (low < start[i]) {
        remove(low++);
      }
      emit(i);
    }
  }
}
