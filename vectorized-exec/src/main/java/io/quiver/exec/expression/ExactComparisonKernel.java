package io.quiver.exec.expression;

import io.quiver.exec.type.DataType;
import io.quiver.exec.type.TypeKind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;

/**
 * Compares exact values: integer kinds, decimals of any scales, BOOLEAN, DATE, TIME, TIMESTAMP and
 * intervals (DATE against TIMESTAMP in microseconds). Operands are read as raw longs from their
 * value buffers and brought to a common unit by a factor (10^scale difference, days to micros).
 *
 * <p>Against a constant the comparison is turned, at compile time, into a range test
 * {@code low <= raw <= high} (negated for {@code <>}) on the column's raw value: one branch-free loop
 * over the value buffer with no scaling per row. Decimals wider than a long take a BigInteger path
 * for the rows that need it.
 */
final class ExactComparisonKernel extends ComparisonKernel {

  private final int leftWidth;
  private final int rightWidth;
  private final boolean leftWide;
  private final boolean rightWide;
  private final BigInteger bigLeftFactor;
  private final BigInteger bigRightFactor;
  /** Factors as longs; 0 when a factor does not fit a long (every row takes the slow path). */
  private final long leftFactor;
  private final long rightFactor;

  private final boolean constant;
  private final long low;
  private final long high;
  private final BigInteger bigLow;
  private final BigInteger bigHigh;
  private final boolean empty;
  private final boolean negate;

  ExactComparisonKernel(Comparison comparison, DataType left, DataType right, boolean rightIsConstant,
      Object rightConstant) {
    super(comparison);
    leftWidth = Vectors.exactWidth(left);
    rightWidth = Vectors.exactWidth(right);
    leftWide = isWide(left);
    rightWide = isWide(right);
    int leftScale = scale(left);
    int rightScale = scale(right);
    int commonScale = Math.max(leftScale, rightScale);
    bigLeftFactor = DecimalMath.BIG_POWERS_OF_TEN[commonScale - leftScale].multiply(unit(left, right));
    bigRightFactor = DecimalMath.BIG_POWERS_OF_TEN[commonScale - rightScale].multiply(unit(right, left));
    leftFactor = bigLeftFactor.bitLength() < 63 ? bigLeftFactor.longValue() : 0;
    rightFactor = bigRightFactor.bitLength() < 63 ? bigRightFactor.longValue() : 0;

    constant = rightIsConstant;
    if (!rightIsConstant) {
      low = high = 0;
      bigLow = bigHigh = null;
      empty = negate = false;
      return;
    }
    // raw * unitLeft / 10^leftScale  op  C   <=>   raw  op  C * 10^leftScale / unitLeft
    BigDecimal value = exactValue(rightConstant).multiply(new BigDecimal(unit(right, left)));
    BigDecimal scaled = value.movePointRight(leftScale);
    BigDecimal unitLeft = new BigDecimal(unit(left, right));
    BigInteger floor = scaled.divide(unitLeft, 0, RoundingMode.FLOOR).toBigInteger();
    BigInteger ceiling = scaled.divide(unitLeft, 0, RoundingMode.CEILING).toBigInteger();
    boolean exact = floor.equals(ceiling);
    BigInteger lowBound = null;
    BigInteger highBound = null;
    boolean noRows = false;
    switch (comparison) {
      case EQUAL:
      case NOT_EQUAL:
        lowBound = floor;
        highBound = floor;
        noRows = !exact;
        break;
      case LESS_THAN:
        highBound = ceiling.subtract(BigInteger.ONE);
        break;
      case LESS_THAN_OR_EQUAL:
        highBound = floor;
        break;
      case GREATER_THAN:
        lowBound = floor.add(BigInteger.ONE);
        break;
      default:
        lowBound = ceiling;
        break;
    }
    BigInteger longMin = BigInteger.valueOf(Long.MIN_VALUE);
    BigInteger longMax = BigInteger.valueOf(Long.MAX_VALUE);
    boolean longEmpty = noRows
        || (lowBound != null && lowBound.compareTo(longMax) > 0)
        || (highBound != null && highBound.compareTo(longMin) < 0);
    bigLow = lowBound;
    bigHigh = highBound;
    empty = noRows;
    negate = comparison == Comparison.NOT_EQUAL;
    if (longEmpty) {
      low = 1;
      high = 0;
    } else {
      low = lowBound == null ? Long.MIN_VALUE : lowBound.max(longMin).longValue();
      high = highBound == null ? Long.MAX_VALUE : highBound.min(longMax).longValue();
    }
  }

  private static boolean isWide(DataType type) {
    return type.kind() == TypeKind.DECIMAL && type.precision() > 18;
  }

  private static int scale(DataType type) {
    return type.kind() == TypeKind.DECIMAL ? type.scale() : 0;
  }

  private static BigInteger unit(DataType type, DataType other) {
    return type.kind() == TypeKind.DATE && other.kind() == TypeKind.TIMESTAMP
        ? BigInteger.valueOf(ValueConversions.MICROS_PER_DAY) : BigInteger.ONE;
  }

  static BigDecimal exactValue(Object value) {
    if (value instanceof BigDecimal decimal) {
      return decimal;
    }
    if (value instanceof Boolean bool) {
      return bool ? BigDecimal.ONE : BigDecimal.ZERO;
    }
    return BigDecimal.valueOf((Long) value);
  }

  @Override
  void compare(FieldVector left, FieldVector right, int rows, ArrowBuf out) {
    ArrowBuf leftData = left.getDataBuffer();
    if (constant) {
      compareWithRange(leftData, rows, out);
    } else {
      compareColumns(leftData, right.getDataBuffer(), rows, out);
    }
  }

  private void compareWithRange(ArrowBuf data, int rows, ArrowBuf out) {
    final long lo = low;
    final long hi = high;
    final long flip = negate ? -1L : 0L;
    int words = Validity.wordCount(rows);
    for (int w = 0; w < words; w++) {
      int base = w << 6;
      int count = Math.min(64, rows - base);
      long bits = 0;
      switch (leftWidth) {
        case 4:
          for (int j = 0; j < count; j++) {
            long x = data.getInt((long) (base + j) << 2);
            bits |= (x >= lo & x <= hi ? 1L : 0L) << j;
          }
          break;
        case 8:
          for (int j = 0; j < count; j++) {
            long x = data.getLong((long) (base + j) << 3);
            bits |= (x >= lo & x <= hi ? 1L : 0L) << j;
          }
          break;
        case 16:
          for (int j = 0; j < count; j++) {
            int i = base + j;
            if (!leftWide || DecimalMath.fitsLong(data, i)) {
              long x = data.getLong((long) i << 4);
              bits |= (x >= lo & x <= hi ? 1L : 0L) << j;
            } else {
              bits |= (inBigRange(DecimalMath.readBig(data, i)) ? 1L : 0L) << j;
            }
          }
          break;
        default:
          for (int j = 0; j < count; j++) {
            long x = Vectors.readExact(data, leftWidth, base + j);
            bits |= (x >= lo & x <= hi ? 1L : 0L) << j;
          }
          break;
      }
      Validity.writeWord(out, w, bits ^ flip);
    }
  }

  private boolean inBigRange(BigInteger value) {
    return !empty
        && (bigLow == null || value.compareTo(bigLow) >= 0)
        && (bigHigh == null || value.compareTo(bigHigh) <= 0);
  }

  private void compareColumns(ArrowBuf leftData, ArrowBuf rightData, int rows, ArrowBuf out) {
    Comparison op = comparison;
    boolean plain = leftFactor == 1 && rightFactor == 1 && !leftWide && !rightWide;
    int words = Validity.wordCount(rows);
    for (int w = 0; w < words; w++) {
      int base = w << 6;
      int count = Math.min(64, rows - base);
      long bits = 0;
      if (plain && leftWidth == 4 && rightWidth == 4) {
        for (int j = 0; j < count; j++) {
          long i = base + j;
          bits |= op.bit(Integer.compare(leftData.getInt(i << 2), rightData.getInt(i << 2))) << j;
        }
      } else if (plain && leftWidth == 8 && rightWidth == 8) {
        for (int j = 0; j < count; j++) {
          long i = base + j;
          bits |= op.bit(Long.compare(leftData.getLong(i << 3), rightData.getLong(i << 3))) << j;
        }
      } else if (plain) {
        for (int j = 0; j < count; j++) {
          int i = base + j;
          long x = Vectors.readExact(leftData, leftWidth, i);
          long y = Vectors.readExact(rightData, rightWidth, i);
          bits |= op.bit(Long.compare(x, y)) << j;
        }
      } else {
        for (int j = 0; j < count; j++) {
          bits |= op.bit(compareScaled(leftData, rightData, base + j)) << j;
        }
      }
      Validity.writeWord(out, w, bits);
    }
  }

  private int compareScaled(ArrowBuf leftData, ArrowBuf rightData, int i) {
    boolean leftFits = !leftWide || DecimalMath.fitsLong(leftData, i);
    boolean rightFits = !rightWide || DecimalMath.fitsLong(rightData, i);
    if (leftFits && rightFits && leftFactor != 0 && rightFactor != 0) {
      long x = Vectors.readExact(leftData, leftWidth, i);
      long y = Vectors.readExact(rightData, rightWidth, i);
      long scaledX = x * leftFactor;
      long scaledY = y * rightFactor;
      if (Math.multiplyHigh(x, leftFactor) == (scaledX >> 63)
          && Math.multiplyHigh(y, rightFactor) == (scaledY >> 63)) {
        return Long.compare(scaledX, scaledY);
      }
    }
    BigInteger x = leftFits ? BigInteger.valueOf(Vectors.readExact(leftData, leftWidth, i))
        : DecimalMath.readBig(leftData, i);
    BigInteger y = rightFits ? BigInteger.valueOf(Vectors.readExact(rightData, rightWidth, i))
        : DecimalMath.readBig(rightData, i);
    return x.multiply(bigLeftFactor).compareTo(y.multiply(bigRightFactor));
  }
}
