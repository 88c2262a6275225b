package io.quiver.exec.operator.window;

import io.quiver.exec.batch.ValueLayout;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;

/**
 * Compares the non-NULL values of one column at two chunk rows, in SQL order: numbers by value (a
 * NaN above every number), decimals as 128-bit integers, text and binary by unsigned bytes (code
 * points), FALSE before TRUE. Fixed-width values are read into arrays once; text is compared in the
 * held batches' buffers.
 */
@FunctionalInterface
interface ValueOrder {

  /** Negative, zero or positive as row {@code left}'s value is below, equal to or above row {@code right}'s. */
  int compare(int left, int right);

  static ValueOrder of(WindowChunk chunk, int column) {
    FieldVector sample = chunk.vector(0, column);
    switch (ValueLayout.of(sample)) {
      case LONG:
      case BOOLEAN: {
        long[] values = chunk.longs(column);
        return (left, right) -> Long.compare(values[left], values[right]);
      }
      case FLOAT:
      case DOUBLE: {
        double[] values = chunk.doubles(column);
        return (left, right) -> compareDoubles(values[left], values[right]);
      }
      case DECIMAL: {
        long[][] values = chunk.decimals(column);
        long[] low = values[0];
        long[] high = values[1];
        return (left, right) -> {
          int byHigh = Long.compare(high[left], high[right]);
          return byHigh != 0 ? byHigh : Long.compareUnsigned(low[left], low[right]);
        };
      }
      case BYTES:
        return new ValueOrder() {
          private int leftHint;
          private int rightHint;

          @Override
          public int compare(int left, int right) {
            leftHint = chunk.segmentOf(left, leftHint);
            rightHint = chunk.segmentOf(right, rightHint);
            return compareBytes(chunk.vector(leftHint, column),
                chunk.segmentFirstRow(leftHint) + left - chunk.segmentStart(leftHint),
                chunk.vector(rightHint, column),
                chunk.segmentFirstRow(rightHint) + right - chunk.segmentStart(rightHint));
          }
        };
      default:
        return (left, right) -> 0;
    }
  }

  private static int compareDoubles(double left, double right) {
    if (left == right) {
      return 0;
    }
    boolean leftNaN = Double.isNaN(left);
    boolean rightNaN = Double.isNaN(right);
    if (leftNaN || rightNaN) {
      return leftNaN == rightNaN ? 0 : (leftNaN ? 1 : -1);
    }
    return left < right ? -1 : 1;
  }

  private static int compareBytes(FieldVector leftVector, int leftRow, FieldVector rightVector, int rightRow) {
    ArrowBuf leftData = leftVector.getDataBuffer();
    ArrowBuf rightData = rightVector.getDataBuffer();
    int leftStart = leftVector.getOffsetBuffer().getInt(leftRow * 4L);
    int leftLength = leftVector.getOffsetBuffer().getInt((leftRow + 1) * 4L) - leftStart;
    int rightStart = rightVector.getOffsetBuffer().getInt(rightRow * 4L);
    int rightLength = rightVector.getOffsetBuffer().getInt((rightRow + 1) * 4L) - rightStart;
    int common = Math.min(leftLength, rightLength);
    for (int i = 0; i < common; i++) {
      int comparison = Integer.compare(leftData.getByte(leftStart + i) & 0xFF, rightData.getByte(rightStart + i) & 0xFF);
      if (comparison != 0) {
        return comparison;
      }
    }
    return Integer.compare(leftLength, rightLength);
  }
}
