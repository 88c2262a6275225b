package io.quiver.exec.operator.aggregate;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import java.math.BigInteger;

/** Helpers for 128-bit two's complement values kept as (low, high) longs, as Arrow Decimal128 stores them. */
final class Int128 {

  private static final BigInteger[] POWERS_OF_TEN = new BigInteger[39];

  static {
    for (int i = 0; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = BigInteger.TEN.pow(i);
    }
  }

  private Int128() {
  }

  static BigInteger toBigInteger(long low, long high) {
    return BigInteger.valueOf(high).shiftLeft(64).add(new BigInteger(Long.toUnsignedString(low)));
  }

  static long low(BigInteger value) {
    return value.longValue();
  }

  static long high(BigInteger value) {
    return value.shiftRight(64).longValue();
  }

  /** Signed comparison of two 128-bit values. */
  static int compare(long lowA, long highA, long lowB, long highB) {
    int byHigh = Long.compare(highA, highB);
    return byHigh != 0 ? byHigh : Long.compareUnsigned(lowA, lowB);
  }

  /** Throws NUMERIC_OVERFLOW unless |value| < 10^precision. */
  static void checkPrecision(long low, long high, int precision, String what) {
    if (high == (low >> 63) && precision >= 19) {
      return;
    }
    BigInteger value = toBigInteger(low, high);
    if (value.abs().compareTo(POWERS_OF_TEN[precision]) >= 0) {
      throw new QuiverException(ErrorCode.NUMERIC_OVERFLOW,
          what + " value does not fit DECIMAL(" + precision + "): unscaled " + value);
    }
  }
}
