package io.quiver.exec.expression;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.type.DataType;
import io.quiver.exec.type.TypeKind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * Exact decimal arithmetic. Operands are decimals of any scale or integers (scale 0); the result
 * has the call's precision and scale, rounded HALF_UP. Each row is computed on unscaled longs with
 * exact overflow checks; only a row whose operands or intermediate results leave the long range is
 * redone with BigDecimal. A result beyond the result precision is NUMERIC_OVERFLOW; a zero divisor
 * is DIVISION_BY_ZERO.
 *
 * <p>+, - and * whose result scale needs no rounding (TPC-H's {@code price * (1 - discount)}) first
 * run as one branch-light loop over the whole batch that detects overflow without exceptions; only
 * the rows it could not do (overflow, operands beyond a long, NULLs) go through the per-row path.
 */
final class DecimalArithmeticNode extends BinaryNode {

  private final ArithmeticOperator operator;
  private final int leftWidth;
  private final int rightWidth;
  private final int leftScale;
  private final int rightScale;
  private final int resultScale;
  private final int resultPrecision;
  /** Scale at which + - % work: both operands aligned to it. */
  private final int alignedScale;
  private final long leftAlign;
  private final long rightAlign;
  private final boolean alignFits;
  /** True when the batch-wide loop applies: +, - or * with no rounding of the result. */
  private final boolean batchLoop;
  /** Results must lie strictly between -limit and limit; 0 when every long fits the precision. */
  private final long precisionLimit;

  DecimalArithmeticNode(ArithmeticOperator operator, ExpressionNode left, ExpressionNode right,
      DataType type, BufferAllocator allocator) {
    super(type, left, right, allocator);
    this.operator = operator;
    this.leftWidth = Vectors.exactWidth(left.type());
    this.rightWidth = Vectors.exactWidth(right.type());
    this.leftScale = scale(left.type());
    this.rightScale = scale(right.type());
    this.resultScale = type.scale();
    this.resultPrecision = type.precision();
    this.alignedScale = Math.max(leftScale, rightScale);
    boolean fits = alignedScale - leftScale <= 18 && alignedScale - rightScale <= 18;
    this.alignFits = fits;
    this.leftAlign = fits ? DecimalMath.POWERS_OF_TEN[alignedScale - leftScale] : 0;
    this.rightAlign = fits ? DecimalMath.POWERS_OF_TEN[alignedScale - rightScale] : 0;
    this.batchLoop = switch (operator) {
      case ADD, SUBTRACT -> fits && alignedScale == resultScale;
      case MULTIPLY -> leftScale + rightScale == resultScale;
      default -> false;
    };
    this.precisionLimit = resultPrecision >= 19 ? 0 : DecimalMath.POWERS_OF_TEN[resultPrecision];
  }

  private static int scale(DataType type) {
    return type.kind() == TypeKind.DECIMAL ? type.scale() : 0;
  }

  @Override
  void compute(FieldVector leftVector, FieldVector rightVector, int rows, FieldVector result) {
    ArrowBuf leftData = leftVector == null ? null : leftVector.getDataBuffer();
    ArrowBuf rightData = rightVector == null ? null : rightVector.getDataBuffer();
    BigDecimal leftBig = leftConstant ? constantAt(left, leftScale) : null;
    BigDecimal rightBig = rightConstant ? constantAt(right, rightScale) : null;
    boolean leftLong = leftBig != null && leftBig.unscaledValue().bitLength() < 64;
    boolean rightLong = rightBig != null && rightBig.unscaledValue().bitLength() < 64;
    long leftValue = leftLong ? leftBig.unscaledValue().longValue() : 0;
    long rightValue = rightLong ? rightBig.unscaledValue().longValue() : 0;
    ArrowBuf out = result.getDataBuffer();
    ArrowBuf validity = result.getValidityBuffer();
    int words = Validity.wordCount(rows);
    long[] remaining = null;
    if (batchLoop && (leftData != null || leftLong) && (rightData != null || rightLong)) {
      remaining = computeBatch(leftData, rightData, leftValue, rightValue, rows, out);
    }
    for (int w = 0; w < words; w++) {
      long valid = Validity.readWord(validity, w);
      if (remaining != null) {
        valid &= remaining[w];
      }
      if (valid == 0) {
        continue;
      }
      int base = w << 6;
      int count = Math.min(64, rows - base);
      for (int j = 0; j < count; j++) {
        if ((valid >>> j & 1) == 0) {
          continue;
        }
        int i = base + j;
        boolean fast = true;
        long a = 0;
        long b = 0;
        if (leftData != null) {
          fast = leftWidth != 16 || DecimalMath.fitsLong(leftData, i);
          a = Vectors.readExact(leftData, leftWidth, i);
        } else {
          fast = leftLong;
          a = leftValue;
        }
        if (rightData != null) {
          fast &= rightWidth != 16 || DecimalMath.fitsLong(rightData, i);
          b = Vectors.readExact(rightData, rightWidth, i);
        } else {
          fast &= rightLong;
          b = rightValue;
        }
        if (fast) {
          if (b == 0 && (operator == ArithmeticOperator.DIVIDE || operator == ArithmeticOperator.MODULO)) {
            throw divisionByZero(BigDecimal.valueOf(a, leftScale));
          }
          long r;
          try {
            r = computeLong(a, b);
          } catch (ArithmeticException e) {
            fast = false;
            r = 0;
          }
          if (fast) {
            if (!DecimalMath.fitsPrecision(r, resultPrecision)) {
              throw overflow(BigDecimal.valueOf(r, resultScale));
            }
            DecimalMath.writeLong(out, i, r);
            continue;
          }
        }
        BigDecimal x = leftData != null ? read(leftData, leftWidth, leftScale, i) : leftBig;
        BigDecimal y = rightData != null ? read(rightData, rightWidth, rightScale, i) : rightBig;
        DecimalMath.writeBig(out, i, computeBig(x, y).unscaledValue());
      }
    }
  }

  /**
   * The batch-wide loop of +, - and * on unscaled longs: computes every row (NULL rows too, harmlessly)
   * and returns a bitmap of the rows it could not do exactly, for the per-row path.
   */
  private long[] computeBatch(ArrowBuf leftData, ArrowBuf rightData, long leftValue, long rightValue, int rows,
      ArrowBuf out) {
    long[] remaining = new long[Validity.wordCount(rows)];
    boolean multiply = operator == ArithmeticOperator.MULTIPLY;
    boolean subtract = operator == ArithmeticOperator.SUBTRACT;
    long limit = precisionLimit;
    for (int i = 0; i < rows; i++) {
      long a;
      long b;
      boolean exact = true;
      if (leftData == null) {
        a = leftValue;
      } else if (leftWidth == 16) {
        a = leftData.getLong(i * 16L);
        exact = leftData.getLong(i * 16L + 8) == (a >> 63);
      } else {
        a = Vectors.readExact(leftData, leftWidth, i);
      }
      if (rightData == null) {
        b = rightValue;
      } else if (rightWidth == 16) {
        b = rightData.getLong(i * 16L);
        exact &= rightData.getLong(i * 16L + 8) == (b >> 63);
      } else {
        b = Vectors.readExact(rightData, rightWidth, i);
      }
      long r;
      if (multiply) {
        r = a * b;
        exact &= Math.multiplyHigh(a, b) == (r >> 63);
      } else {
        long x = a * leftAlign;
        long y = b * rightAlign;
        exact &= Math.multiplyHigh(a, leftAlign) == (x >> 63) && Math.multiplyHigh(b, rightAlign) == (y >> 63);
        if (subtract) {
          r = x - y;
          exact &= ((x ^ y) & (x ^ r)) >= 0;
        } else {
          r = x + y;
          exact &= ((x ^ r) & (y ^ r)) >= 0;
        }
      }
      if (limit != 0) {
        exact &= r > -limit && r < limit;
      }
      if (exact) {
        out.setLong(i * 16L, r);
        out.setLong(i * 16L + 8, r >> 63);
      } else {
        remaining[i >>> 6] |= 1L << (i & 63);
      }
    }
    return remaining;
  }

  private static BigDecimal constantAt(ExpressionNode node, int scale) {
    return ExactComparisonKernel.exactValue(((ConstantNode) node).value).setScale(scale, RoundingMode.UNNECESSARY);
  }

  private static BigDecimal read(ArrowBuf data, int width, int scale, int i) {
    if (width == 16) {
      return DecimalMath.readDecimal(data, i, scale);
    }
    return BigDecimal.valueOf(Vectors.readExact(data, width, i), scale);
  }

  /** The result's unscaled value; ArithmeticException when a long does not suffice. */
  private long computeLong(long a, long b) {
    switch (operator) {
      case ADD:
      case SUBTRACT: {
        if (!alignFits) {
          throw new ArithmeticException("scales too far apart");
        }
        long x = leftAlign == 1 ? a : Math.multiplyExact(a, leftAlign);
        long y = rightAlign == 1 ? b : Math.multiplyExact(b, rightAlign);
        long sum = operator == ArithmeticOperator.ADD ? Math.addExact(x, y) : Math.subtractExact(x, y);
        return DecimalMath.rescale(sum, alignedScale, resultScale);
      }
      case MULTIPLY:
        return DecimalMath.rescale(Math.multiplyExact(a, b), leftScale + rightScale, resultScale);
      case DIVIDE: {
        // a/10^ls / (b/10^rs) * 10^s = a * 10^(s - ls + rs) / b
        int shift = resultScale - leftScale + rightScale;
        if (shift >= 0) {
          return DecimalMath.divideRoundHalfUp(Math.multiplyExact(a, DecimalMath.powerOfTen(shift)), b);
        }
        return DecimalMath.divideRoundHalfUp(a, Math.multiplyExact(b, DecimalMath.powerOfTen(-shift)));
      }
      default: {
        if (!alignFits) {
          throw new ArithmeticException("scales too far apart");
        }
        long x = leftAlign == 1 ? a : Math.multiplyExact(a, leftAlign);
        long y = rightAlign == 1 ? b : Math.multiplyExact(b, rightAlign);
        return DecimalMath.rescale(x % y, alignedScale, resultScale);
      }
    }
  }

  private BigDecimal computeBig(BigDecimal x, BigDecimal y) {
    BigDecimal r;
    switch (operator) {
      case ADD:
        r = x.add(y);
        break;
      case SUBTRACT:
        r = x.subtract(y);
        break;
      case MULTIPLY:
        r = x.multiply(y);
        break;
      case DIVIDE:
        if (y.signum() == 0) {
          throw divisionByZero(x);
        }
        r = x.divide(y, resultScale, RoundingMode.HALF_UP);
        break;
      default:
        if (y.signum() == 0) {
          throw divisionByZero(x);
        }
        r = x.remainder(y);
        break;
    }
    BigDecimal rounded = r.setScale(resultScale, RoundingMode.HALF_UP);
    if (!DecimalMath.fitsPrecision(rounded.unscaledValue(), resultPrecision)) {
      throw overflow(rounded);
    }
    return rounded;
  }

  private QuiverException overflow(BigDecimal value) {
    return new QuiverException(ErrorCode.NUMERIC_OVERFLOW,
        "Decimal overflow in " + operator.symbol + ": result " + value.toPlainString() + " does not fit " + type);
  }

  private QuiverException divisionByZero(BigDecimal dividend) {
    return new QuiverException(ErrorCode.DIVISION_BY_ZERO,
        "Division by zero: " + dividend.toPlainString() + " " + operator.symbol + " 0");
  }

  @Override
  public String toString() {
    return "(" + left + " " + operator.symbol + " " + right + ")";
  }
}
