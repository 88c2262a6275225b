package io.quiver.exec.operator.window;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.fragment.node.WindowFrame;
import io.quiver.exec.type.DataType;
import io.quiver.exec.type.TypeKind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * SUM and AVG of integers and decimals over each row's frame, sliding an exact 128-bit sum (no
 * rounding, so adding and removing is safe) and the count of values. SUM of integers is BIGINT (a
 * frame's sum beyond it is NUMERIC_OVERFLOW), of DECIMAL(p, s) DECIMAL(38, s); AVG of integers is
 * DOUBLE, of decimals the result type's scale, rounded half up, as the aggregate does. A frame
 * without values gives NULL.
 */
final class ExactSumEvaluator extends SlidingInverse {

  private final int column;
  private final WindowFrame frame;
  private final boolean average;
  private final DataType argumentType;
  private final DataType resultType;
  private long[] lowValues;
  private long[] highValues;
  private boolean[] valid;
  private long sumLow;
  private long sumHigh;
  private long count;
  private long[] resultLow;
  private long[] resultHigh;
  private long[] counts;

  ExactSumEvaluator(int column, WindowFrame frame, boolean average, DataType argumentType, DataType resultType) {
    this.column = column;
    this.frame = frame;
    this.average = average;
    this.argumentType = argumentType;
    this.resultType = resultType;
  }

  @Override
  public void evaluate(WindowChunk chunk, ChunkOutput output) {
    int rows = chunk.rowCount();
    valid = chunk.validity(column);
    if (argumentType.kind() == TypeKind.DECIMAL) {
      long[][] decimals = chunk.decimals(column);
      lowValues = decimals[0];
      highValues = decimals[1];
    } else {
      lowValues = chunk.longs(column);
      highValues = null;
    }
    resultLow = chunk.memory().longs(rows);
    resultHigh = chunk.memory().longs(rows);
    counts = chunk.memory().longs(rows);
    slide(chunk.frame(frame), rows);
    boolean[] hasValue = chunk.memory().booleans(rows);
    for (int i = 0; i < rows; i++) {
      hasValue[i] = counts[i] > 0;
    }
    write(chunk, output, hasValue);
    lowValues = null;
    highValues = null;
    valid = null;
    resultLow = null;
    resultHigh = null;
    counts = null;
  }

  private void write(WindowChunk chunk, ChunkOutput output, boolean[] hasValue) {
    int rows = chunk.rowCount();
    String what = average ? "avg" : "sum";
    if (!average) {
      if (resultType.kind() == TypeKind.DECIMAL) {
        output.writeDecimals(resultLow, resultHigh, hasValue, what);
        return;
      }
      for (int i = 0; i < rows; i++) {
        if (hasValue[i] && resultHigh[i] != (resultLow[i] >> 63)) {
          throw new QuiverException(ErrorCode.NUMERIC_OVERFLOW, "sum overflows BIGINT in a window frame");
        }
      }
      output.writeLongs(resultLow, hasValue);
      return;
    }
    if (resultType.kind() != TypeKind.DECIMAL) {
      double[] averages = chunk.memory().doubles(rows);
      int scale = argumentType.kind() == TypeKind.DECIMAL ? argumentType.scale() : 0;
      for (int i = 0; i < rows; i++) {
        if (hasValue[i]) {
          averages[i] = scale == 0 && resultHigh[i] == (resultLow[i] >> 63)
              ? (double) resultLow[i] / counts[i]
              : Decimal128.toBigDecimal(resultLow[i], resultHigh[i], scale).doubleValue() / counts[i];
        }
      }
      output.writeDoubles(averages, hasValue);
      return;
    }
    int argumentScale = argumentType.kind() == TypeKind.DECIMAL ? argumentType.scale() : 0;
    int shift = resultType.scale() - argumentScale;
    long factor = shift >= 0 && shift < 19 ? POWERS[shift] : 0;
    for (int i = 0; i < rows; i++) {
      if (!hasValue[i]) {
        continue;
      }
      long low = resultLow[i];
      long high = resultHigh[i];
      if (factor != 0 && high == (low >> 63) && Math.abs(low) < Long.MAX_VALUE / factor) {
        long scaled = low * factor;
        long quotient = scaled / counts[i];
        long remainder = scaled % counts[i];
        if (Math.abs(remainder) * 2 >= counts[i]) {
          quotient += scaled < 0 ? -1 : 1;
        }
        resultLow[i] = quotient;
        resultHigh[i] = quotient >> 63;
      } else {
        BigInteger value = Decimal128.toBigDecimal(low, high, argumentScale)
            .divide(BigDecimal.valueOf(counts[i]), resultType.scale(), RoundingMode.HALF_UP).unscaledValue();
        resultLow[i] = value.longValue();
        resultHigh[i] = value.shiftRight(64).longValue();
      }
    }
    output.writeDecimals(resultLow, resultHigh, hasValue, what);
  }

  private static final long[] POWERS = new long[19];

  static {
    POWERS[0] = 1;
    for (int i = 1; i < POWERS.length; i++) {
      POWERS[i] = POWERS[i - 1] * 10;
    }
  }

  @Override
  protected void reset() {
    sumLow = 0;
    sumHigh = 0;
    count = 0;
  }

  @Override
  protected void add(int row) {
    if (!valid[row]) {
      return;
    }
    long low = lowValues[row];
    long high = highValues == null ? low >> 63 : highValues[row];
    long newLow = sumLow + low;
    long carry = Long.compareUnsigned(newLow, sumLow) < 0 ? 1 : 0;
    try {
      sumHigh = Math.addExact(Math.addExact(sumHigh, high), carry);
    } catch (ArithmeticException e) {
      throw overflow(e);
    }
    sumLow = newLow;
    count++;
  }

  @Override
  protected void remove(int row) {
    if (!valid[row]) {
      return;
    }
    long low = lowValues[row];
    long high = highValues == null ? low >> 63 : highValues[row];
    long newLow = sumLow - low;
    long borrow = Long.compareUnsigned(sumLow, low) < 0 ? 1 : 0;
    try {
      sumHigh = Math.subtractExact(Math.subtractExact(sumHigh, high), borrow);
    } catch (ArithmeticException e) {
      throw overflow(e);
    }
    sumLow = newLow;
    count--;
  }

  private QuiverException overflow(ArithmeticException e) {
    return new QuiverException(ErrorCode.NUMERIC_OVERFLOW, (average ? "avg" : "sum") + " of "
        + argumentType + " overflows 128 bits in a window frame", e);
  }

  @Override
  protected void emit(int row) {
    resultLow[row] = sumLow;
    resultHigh[row] = sumHigh;
    counts[row] = count;
  }
}
