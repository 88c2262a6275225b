package io.quiver.exec.expression;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.type.DataType;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** ROUND(value, digits): half away from zero, for integers, decimals and floating point. */
final class NumericRounding {

  private NumericRounding() {
  }

  /** Rounds a value of {@code type} (see {@link BoxedValues}) to {@code digits} fraction digits. */
  static Object round(Object value, DataType type, int digits) {
    if (value instanceof Double number) {
      if (number.isNaN() || number.isInfinite()) {
        return number;
      }
      return BigDecimal.valueOf(number).setScale(digits, RoundingMode.HALF_UP).doubleValue();
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.setScale(digits, RoundingMode.HALF_UP).setScale(type.scale(), RoundingMode.HALF_UP);
    }
    long number = (Long) value;
    if (digits >= 0) {
      return number;
    }
    BigDecimal rounded = BigDecimal.valueOf(number).setScale(digits, RoundingMode.HALF_UP);
    try {
      return rounded.longValueExact();
    } catch (ArithmeticException e) {
      throw new QuiverException(ErrorCode.NUMERIC_OVERFLOW, "ROUND(" + number + ", " + digits + ") overflows " + type);
    }
  }
}
