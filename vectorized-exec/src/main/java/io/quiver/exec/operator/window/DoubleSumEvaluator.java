package io.quiver.exec.operator.window;

import io.quiver.exec.fragment.node.WindowFrame;

/**
 * SUM and AVG of REAL and DOUBLE over each row's frame, DOUBLE results. The sum slides with
 * {@link SlidingFold} rather than by adding and subtracting, so a large value or an infinity
 * leaving the frame cannot leave its rounding error (or a NaN) behind; the count of values comes
 * from the column's running count. No value in the frame gives NULL.
 */
final class DoubleSumEvaluator extends SlidingFold {

  private final int column;
  private final WindowFrame frame;
  private final boolean average;
  private double[] values;
  private boolean[] valid;
  private double[] suffix;
  private double back;
  private double[] results;

  DoubleSumEvaluator(int column, WindowFrame frame, boolean average) {
    this.column = column;
    this.frame = frame;
    this.average = average;
  }

  @Override
  public void evaluate(WindowChunk chunk, ChunkOutput output) {
    int rows = chunk.rowCount();
    values = chunk.doubles(column);
    valid = chunk.validity(column);
    suffix = chunk.memory().doubles(rows);
    results = chunk.memory().doubles(rows);
    FrameBounds bounds = chunk.frame(frame);
    slide(bounds, rows);
    NonNullRows nonNull = chunk.nonNullRows(column);
    boolean[] hasValue = chunk.memory().booleans(rows);
    int[] start = bounds.start();
    int[] end = bounds.end();
    for (int i = 0; i < rows; i++) {
      long count = nonNull.countBefore(end[i]) - nonNull.countBefore(start[i]);
      hasValue[i] = count > 0;
      if (average && count > 0) {
        results[i] /= count;
      }
    }
    output.writeDoubles(results, hasValue);
    values = null;
    valid = null;
    suffix = null;
    results = null;
  }

  @Override
  protected void clearBack() {
    back = 0;
  }

  @Override
  protected void pushBack(int row) {
    if (valid[row]) {
      back += values[row];
    }
  }

  @Override
  protected void buildFront(int from, int to) {
    double sum = 0;
    for (int j = to - 1; j >= from; j--) {
      if (valid[j]) {
        sum = values[j] + sum;
      }
      suffix[j] = sum;
    }
  }

  @Override
  protected void emit(int row, int frontStart, int frontEnd) {
    results[row] = (frontStart < frontEnd ? suffix[frontStart] : 0) + back;
  }
}
