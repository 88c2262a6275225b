package io.quiver.exec.operator.window;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.fragment.expression.Literal;
import io.quiver.exec.fragment.node.SortKey;
import io.quiver.exec.type.TypeKind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * The boundaries of RANGE frames with an offset ({@code RANGE BETWEEN 3 PRECEDING AND CURRENT ROW}):
 * the frame holds the rows whose ORDER BY value lies within the offset of the current row's. As
 * PostgreSQL does: a row whose ORDER BY value is NULL has its NULL peers as the offset's bound, and
 * a non-NULL row never reaches the NULLs that way. For each row the bound's target value is
 * computed once and one pointer walks forward over the sorted values, so a partition costs linear
 * time. Numbers take numeric offsets (integers only integer ones), DATE and TIMESTAMP take intervals
 * (months by the calendar, clamped to the month's end).
 */
final class RangeFrame {

  private static final long MICROS_PER_DAY = 86_400_000_000L;

  private RangeFrame() {
  }

  /**
   * Fills {@code out[partitionStart..partitionEnd)} with one end of each row's frame.
   *
   * @param preceding the bound is {@code offset PRECEDING} (else FOLLOWING)
   * @param isStart the frame's start (its first row) rather than its end (the row after its last)
   */
  static void fill(WindowChunk chunk, Literal offset, boolean preceding, boolean isStart, int partitionStart,
      int partitionEnd, int[] out) {
    SortKey key = chunk.orderKeys().get(0);
    boolean[] valid = chunk.validity(key.column());
    // the NULLs of a partition are together, before or after the values
    int valuesStart = partitionStart;
    int valuesEnd = partitionEnd;
    if (key.nullsFirst()) {
      while (valuesStart < partitionEnd && !valid[valuesStart]) {
        valuesStart++;
      }
    } else {
      while (valuesEnd > partitionStart && !valid[valuesEnd - 1]) {
        valuesEnd--;
      }
    }
    for (int i = partitionStart; i < partitionEnd; i++) {
      if (!valid[i]) {
        boolean nullsBefore = key.nullsFirst();
        int nullsStart = nullsBefore ? partitionStart : valuesEnd;
        int nullsEnd = nullsBefore ? valuesStart : partitionEnd;
        out[i] = isStart ? nullsStart : nullsEnd;
      }
    }
    if (valuesStart >= valuesEnd) {
      return;
    }
    // in sort order, the target lies before the current value for PRECEDING
    boolean add = preceding != key.ascending();
    FieldVector sample = chunk.vector(0, key.column());
    ArrowType type = sample.getField().getType();
    if (type instanceof ArrowType.FloatingPoint) {
      fillDoubles(chunk.doubles(key.column()), offset.doubleValue(), add, key.ascending(), isStart, valuesStart,
          valuesEnd, out);
    } else if (type instanceof ArrowType.Decimal) {
      fillDecimals(chunk, key, (DecimalVector) sample, offset, add, isStart, valuesStart, valuesEnd, out);
    } else {
      long[] values = chunk.longs(key.column());
      long[] targets = chunk.memory().longs(valuesEnd - valuesStart);
      long scale = longTargets(type, values, offset, add, valuesStart, valuesEnd, targets);
      walk(values, scale, targets, key.ascending(), isStart, valuesStart, valuesEnd, out);
    }
  }

  /**
   * Computes the target of each row into {@code targets[i - from]} and returns the factor by which
   * the values must be multiplied to compare with them (1 unless a DATE meets an interval of
   * microseconds, which compares in microseconds; TIME and TIMESTAMP are microseconds already).
   */
  private static long longTargets(ArrowType type, long[] values, Literal offset, boolean add, int from, int to,
      long[] targets) {
    TypeKind offsetKind = offset.type().kind();
    boolean date = type instanceof ArrowType.Date;
    if (offsetKind == TypeKind.INTERVAL_YEAR_MONTH) {
      long months = add ? offset.longValue() : -offset.longValue();
      for (int i = from; i < to; i++) {
        targets[i - from] = date ? plusMonths(values[i], months) : plusMonthsMicros(values[i], months);
      }
      return 1;
    }
    long amount = offset.longValue();
    long scale = 1;
    if (offsetKind == TypeKind.INTERVAL_DAY_TIME) {
      if (date) {
        scale = MICROS_PER_DAY;
      }
    }
    for (int i = from; i < to; i++) {
      long value = saturatedMultiply(values[i], scale);
      targets[i - from] = add ? saturatedAdd(value, amount) : saturatedAdd(value, -amount);
    }
    return scale;
  }

  /** Moves one pointer over the values in sort order to each row's bound. */
  private static void walk(long[] values, long scale, long[] targets, boolean ascending, boolean isStart, int from,
      int to, int[] out) {
    int j = from;
    for (int i = from; i < to; i++) {
      long target = targets[i - from];
      while (j < to && !reached(saturatedMultiply(values[j], scale), target, ascending, isStart)) {
        j++;
      }
      out[i] = j;
    }
  }

  /** For a start: the value is at or past the target in sort order; for an end: strictly past it. */
  private static boolean reached(long value, long target, boolean ascending, boolean isStart) {
    int comparison = ascending ? Long.compare(value, target) : Long.compare(target, value);
    return isStart ? comparison >= 0 : comparison > 0;
  }

  private static void fillDoubles(double[] values, double offset, boolean add, boolean ascending, boolean isStart,
      int from, int to, int[] out) {
    int j = from;
    for (int i = from; i < to; i++) {
      double value = values[i];
      double target;
      if (Double.isNaN(value)) {
        target = value;
      } else if (Double.isInfinite(offset)) {
        // value -/+ infinity, also for an infinite value of the same sign (PostgreSQL's in_range)
        target = add ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
      } else {
        target = add ? value + offset : value - offset;
      }
      while (j < to && !reached(values[j], target, ascending, isStart)) {
        j++;
      }
      out[i] = j;
    }
  }

  /** Doubles in sort order: NaN after every number and equal to NaN, -0.0 equal to 0.0. */
  private static boolean reached(double value, double target, boolean ascending, boolean isStart) {
    int comparison = compare(value, target);
    if (!ascending) {
      comparison = -comparison;
    }
    return isStart ? comparison >= 0 : comparison > 0;
  }

  private static int compare(double left, double right) {
    boolean leftNaN = Double.isNaN(left);
    boolean rightNaN = Double.isNaN(right);
    if (leftNaN || rightNaN) {
      return leftNaN == rightNaN ? 0 : (leftNaN ? 1 : -1);
    }
    return left == right ? 0 : (left < right ? -1 : 1);
  }

  private static void fillDecimals(WindowChunk chunk, SortKey key, DecimalVector sample, Literal offset, boolean add,
      boolean isStart, int from, int to, int[] out) {
    int keyScale = sample.getScale();
    BigDecimal amount = offset.decimalValue();
    int scale = Math.max(keyScale, Math.max(0, amount.scale()));
    long[][] unscaled = chunk.decimals(key.column());
    int count = to - from;
    // Values and offset as longs at one scale when they fit in 18 digits; else exact BigDecimals.
    if (sample.getPrecision() + scale - keyScale <= 18 && amount.setScale(scale).unscaledValue().bitLength() < 62) {
      long factor = BigInteger.TEN.pow(scale - keyScale).longValueExact();
      long step = amount.setScale(scale).unscaledValue().longValueExact();
      long[] values = chunk.memory().longs(count);
      long[] targets = chunk.memory().longs(count);
      for (int i = from; i < to; i++) {
        values[i - from] = unscaled[0][i] * factor;
        targets[i - from] = add ? values[i - from] + step : values[i - from] - step;
      }
      int j = 0;
      for (int i = 0; i < count; i++) {
        while (j < count && !reached(values[j], targets[i], key.ascending(), isStart)) {
          j++;
        }
        out[from + i] = from + j;
      }
      return;
    }
    chunk.memory().reserve(2L * 64 * count);
    BigDecimal[] values = new BigDecimal[count];
    for (int i = from; i < to; i++) {
      BigInteger value = BigInteger.valueOf(unscaled[1][i]).shiftLeft(64)
          .add(new BigInteger(Long.toUnsignedString(unscaled[0][i])));
      values[i - from] = new BigDecimal(value, keyScale);
    }
    int j = 0;
    for (int i = 0; i < count; i++) {
      BigDecimal target = add ? values[i].add(amount) : values[i].subtract(amount);
      while (j < count) {
        int comparison = values[j].compareTo(target);
        if (!key.ascending()) {
          comparison = -comparison;
        }
        if (isStart ? comparison >= 0 : comparison > 0) {
          break;
        }
        j++;
      }
      out[from + i] = from + j;
    }
  }

  private static long plusMonths(long epochDay, long months) {
    try {
      return LocalDate.ofEpochDay(epochDay).plusMonths(months).toEpochDay();
    } catch (java.time.DateTimeException | ArithmeticException e) {
      throw new QuiverException(ErrorCode.INVALID_DATETIME, "the RANGE frame bound of DATE " + epochDay
          + " days and " + months + " months lies outside the supported dates", e);
    }
  }

  private static long plusMonthsMicros(long micros, long months) {
    long day = Math.floorDiv(micros, 86_400_000_000L);
    long timeOfDay = Math.floorMod(micros, 86_400_000_000L);
    return saturatedAdd(saturatedMultiply(plusMonths(day, months), 86_400_000_000L), timeOfDay);
  }

  private static long saturatedAdd(long left, long right) {
    long sum = left + right;
    if (((left ^ sum) & (right ^ sum)) < 0) {
      return left < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
    return sum;
  }

  private static long saturatedMultiply(long left, long right) {
    if (right == 1) {
      return left;
    }
    long high = Math.multiplyHigh(left, right);
    long low = left * right;
    if ((high == 0 && low >= 0) || (high == -1 && low < 0)) {
      return low;
    }
    return (left < 0) != (right < 0) ? Long.MIN_VALUE : Long.MAX_VALUE;
  }
}
