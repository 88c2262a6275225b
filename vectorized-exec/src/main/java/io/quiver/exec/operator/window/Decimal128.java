package io.quiver.exec.operator.window;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Helpers for 128-bit unscaled decimals held as (low, high) longs, as Arrow's Decimal128 stores them. */
final class Decimal128 {

  private Decimal128() {
  }

  static BigInteger toBigInteger(long low, long high) {
    if (high == (low >> 63)) {
      return BigInteger.valueOf(low);
    }
    return BigInteger.valueOf(high).shiftLeft(64).add(new BigInteger(Long.toUnsignedString(low)));
  }

  static BigDecimal toBigDecimal(long low, long high, int scale) {
    return new BigDecimal(toBigInteger(low, high), scale);
  }

  /** The value as a double, exactly rounded. */
  static double toDouble(long low, long high) {
    if (high == (low >> 63)) {
      return low;
    }
    return toBigInteger(low, high).doubleValue();
  }
}
