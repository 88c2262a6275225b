package io.quiver.exec.operator.window;

/**
 * Where the non-NULL values of a column lie in a chunk, for IGNORE NULLS and COUNT(x):
 * {@code countBefore[r]} non-NULL rows precede chunk row r, and {@code positions[k]} is the row of
 * the k-th one. So the non-NULL rows of rows {@code [a, b)} are {@code positions[countBefore[a] ..
 * countBefore[b])}, found in constant time.
 */
final class NonNullRows {

  private final int[] countBefore;
  private final int[] positions;

  private NonNullRows(int[] countBefore, int[] positions) {
    this.countBefore = countBefore;
    this.positions = positions;
  }

  static NonNullRows of(WindowChunk chunk, int column) {
    boolean[] valid = chunk.validity(column);
    int rows = chunk.rowCount();
    int[] countBefore = chunk.memory().ints(rows + 1);
    int count = 0;
    for (int r = 0; r < rows; r++) {
      countBefore[r] = count;
      if (valid[r]) {
        count++;
      }
    }
    countBefore[rows] = count;
    int[] positions = chunk.memory().ints(count);
    for (int r = 0, k = 0; r < rows; r++) {
      if (valid[r]) {
        positions[k++] = r;
      }
    }
    return new NonNullRows(countBefore, positions);
  }

  /** Non-NULL rows before chunk row {@code row} ({@code row} may be the row count). */
  int countBefore(int row) {
    return countBefore[row];
  }

  /** The row of the k-th non-NULL value of the chunk. */
  int position(int k) {
    return positions[k];
  }
}
