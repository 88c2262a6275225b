package io.quiver.exec.expression;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.apache.arrow.memory.ArrowBuf;

/**
 * Exact decimal arithmetic on unscaled longs (the fast path) and on 128-bit Arrow Decimal128 slots.
 * Long helpers throw {@link ArithmeticException} when a value leaves the long range; callers catch it
 * and redo that row with BigDecimal.
 */
final class DecimalMath {

  /** 10^0 .. 10^18. */
  static final long[] POWERS_OF_TEN = new long[19];
  static final double[] DOUBLE_POWERS_OF_TEN = new double[39];
  static final BigInteger[] BIG_POWERS_OF_TEN = new BigInteger[40];

  static {
    long power = 1;
    for (int i = 0; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = power;
      power *= 10;
    }
    for (int i = 0; i < DOUBLE_POWERS_OF_TEN.length; i++) {
      DOUBLE_POWERS_OF_TEN[i] = Double.parseDouble("1e" + i);
    }
    for (int i = 0; i < BIG_POWERS_OF_TEN.length; i++) {
      BIG_POWERS_OF_TEN[i] = BigInteger.TEN.pow(i);
    }
  }

  private DecimalMath() {
  }

  /** 10^exponent as a long; ArithmeticException beyond 10^18. */
  static long powerOfTen(int exponent) {
    if (exponent < 0 || exponent > 18) {
      throw new ArithmeticException("10^" + exponent + " is not a long");
    }
    return POWERS_OF_TEN[exponent];
  }

  /** numerator / divisor rounded half away from zero; divisor is not zero. */
  static long divideRoundHalfUp(long numerator, long divisor) {
    if (numerator == Long.MIN_VALUE || divisor == Long.MIN_VALUE) {
      throw new ArithmeticException("long division at the edge of the range");
    }
    long quotient = numerator / divisor;
    long remainder = numerator % divisor;
    if (remainder != 0) {
      long absRemainder = Math.abs(remainder);
      long absDivisor = Math.abs(divisor);
      if (absRemainder >= absDivisor - absRemainder) {
        quotient += ((numerator ^ divisor) >> 63) | 1;
      }
    }
    return quotient;
  }

  /** Changes the scale of an unscaled value, rounding HALF_UP when the scale shrinks. */
  static long rescale(long unscaled, int fromScale, int toScale) {
    if (toScale == fromScale) {
      return unscaled;
    }
    if (toScale > fromScale) {
      return Math.multiplyExact(unscaled, powerOfTen(toScale - fromScale));
    }
    return divideRoundHalfUp(unscaled, powerOfTen(fromScale - toScale));
  }

  /** True when |unscaled| has at most {@code precision} digits. */
  static boolean fitsPrecision(long unscaled, int precision) {
    if (precision >= 19) {
      return true;
    }
    long limit = POWERS_OF_TEN[precision];
    return unscaled > -limit && unscaled < limit;
  }

  static boolean fitsPrecision(BigInteger unscaled, int precision) {
    return unscaled.abs().compareTo(BIG_POWERS_OF_TEN[precision]) < 0;
  }

  /** True when the 128-bit slot {@code index} holds a value that fits a long. */
  static boolean fitsLong(ArrowBuf decimals, int index) {
    long offset = index * 16L;
    return decimals.getLong(offset + 8) == (decimals.getLong(offset) >> 63);
  }

  static long readLong(ArrowBuf decimals, int index) {
    return decimals.getLong(index * 16L);
  }

  static BigInteger readBig(ArrowBuf decimals, int index) {
    long offset = index * 16L;
    long low = decimals.getLong(offset);
    long high = decimals.getLong(offset + 8);
    BigInteger lowPart = BigInteger.valueOf(low >>> 1).shiftLeft(1).or(BigInteger.valueOf(low & 1));
    return BigInteger.valueOf(high).shiftLeft(64).or(lowPart);
  }

  static void writeLong(ArrowBuf decimals, int index, long unscaled) {
    long offset = index * 16L;
    decimals.setLong(offset, unscaled);
    decimals.setLong(offset + 8, unscaled >> 63);
  }

  static void writeBig(ArrowBuf decimals, int index, BigInteger unscaled) {
    long offset = index * 16L;
    decimals.setLong(offset, unscaled.longValue());
    decimals.setLong(offset + 8, unscaled.shiftRight(64).longValue());
  }

  static BigDecimal readDecimal(ArrowBuf decimals, int index, int scale) {
    if (fitsLong(decimals, index)) {
      return BigDecimal.valueOf(readLong(decimals, index), scale);
    }
    return new BigDecimal(readBig(decimals, index), scale);
  }

  /** Unscaled value at {@code scale}, or null when the value does not fit a long there. */
  static long unscaledOrThrow(BigDecimal value, int scale) {
    return value.setScale(scale, java.math.RoundingMode.HALF_UP).unscaledValue().longValueExact();
  }
}
