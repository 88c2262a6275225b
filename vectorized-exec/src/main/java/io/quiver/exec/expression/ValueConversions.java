package io.quiver.exec.expression;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.type.DataType;
import io.quiver.exec.type.TypeKind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * CAST semantics on single Java values (see {@link BoxedValues} for the value forms). Used for
 * constants at compile time and for the cold cast paths (to and from text); numeric casts on whole
 * vectors live in {@link CastNode}.
 */
final class ValueConversions {

  static final long MICROS_PER_DAY = 86_400_000_000L;
  static final long MICROS_PER_SECOND = 1_000_000L;

  private ValueConversions() {
  }

  /** Whether CAST from {@code from} to {@code to} exists at all. */
  static boolean canCast(DataType from, DataType to) {
    TypeKind source = from.kind();
    TypeKind target = to.kind();
    if (source == TypeKind.NULL || source == target) {
      return true;
    }
    if (from.isText() || to.isText()) {
      return true;
    }
    if (from.isNumeric() && to.isNumeric()) {
      return true;
    }
    if ((source == TypeKind.BOOLEAN && to.isInteger()) || (from.isInteger() && target == TypeKind.BOOLEAN)) {
      return true;
    }
    if (isInterval(source) && to.isInteger() || from.isInteger() && isInterval(target)) {
      return true;
    }
    return source == TypeKind.DATE && target == TypeKind.TIMESTAMP
        || source == TypeKind.TIMESTAMP && (target == TypeKind.DATE || target == TypeKind.TIME);
  }

  static boolean isInterval(TypeKind kind) {
    return kind == TypeKind.INTERVAL_DAY_TIME || kind == TypeKind.INTERVAL_YEAR_MONTH;
  }

  /** Converts a non-null value of type {@code from} to type {@code to}. */
  static Object convert(Object value, DataType from, DataType to) {
    switch (to.kind()) {
      case BOOLEAN:
        return toBoolean(value, from);
      case TINYINT:
      case SMALLINT:
      case INTEGER:
      case BIGINT:
      case INTERVAL_DAY_TIME:
      case INTERVAL_YEAR_MONTH:
        return toInteger(value, from, to);
      case REAL: {
        double number = toDouble(value, from, to);
        return (double) (float) number;
      }
      case DOUBLE:
        return toDouble(value, from, to);
      case DECIMAL:
        return toDecimal(value, from, to);
      case CHAR:
      case VARCHAR:
        return format(value, from);
      case VARBINARY:
        return value instanceof byte[] ? value : format(value, from).getBytes(StandardCharsets.UTF_8);
      case DATE:
        return toDate(value, from, to);
      case TIMESTAMP:
        return toTimestamp(value, from, to);
      case TIME:
        return toTime(value, from, to);
      default:
        throw new QuiverException(ErrorCode.NOT_SUPPORTED, "Cannot cast " + from + " to " + to);
    }
  }

  private static Object toBoolean(Object value, DataType from) {
    if (value instanceof Boolean) {
      return value;
    }
    if (value instanceof Long number) {
      return number != 0;
    }
    if (value instanceof String text) {
      switch (text.trim().toLowerCase(Locale.ROOT)) {
        case "true": case "t": case "yes": case "y": case "on": case "1":
          return true;
        case "false": case "f": case "no": case "n": case "off": case "0":
          return false;
        default:
          throw invalidCast(value, from, DataType.BOOLEAN);
      }
    }
    throw invalidCast(value, from, DataType.BOOLEAN);
  }

  private static Long toInteger(Object value, DataType from, DataType to) {
    BigInteger integer;
    if (value instanceof Long number) {
      integer = BigInteger.valueOf(number);
    } else if (value instanceof Boolean bool) {
      integer = bool ? BigInteger.ONE : BigInteger.ZERO;
    } else if (value instanceof Double number) {
      if (number.isNaN() || number.isInfinite()) {
        throw invalidCast(value, from, to);
      }
      integer = new BigDecimal(number).setScale(0, RoundingMode.HALF_UP).toBigInteger();
    } else if (value instanceof BigDecimal decimal) {
      integer = decimal.setScale(0, RoundingMode.HALF_UP).toBigInteger();
    } else if (value instanceof String text) {
      String trimmed = text.trim();
      if (!trimmed.matches("[+-]?[0-9]+")) {
        throw invalidCast(value, from, to);
      }
      integer = new BigInteger(trimmed);
    } else {
      throw invalidCast(value, from, to);
    }
    int width = Vectors.exactWidth(to);
    if (integer.bitLength() > 63 || integer.longValue() < Vectors.minimum(width)
        || integer.longValue() > Vectors.maximum(width)) {
      throw new QuiverException(ErrorCode.NUMERIC_OVERFLOW,
          "Value " + describe(value, from) + " is out of range for " + to);
    }
    return integer.longValue();
  }

  private static double toDouble(Object value, DataType from, DataType to) {
    if (value instanceof Double number) {
      return number;
    }
    if (value instanceof Long number) {
      return number;
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.doubleValue();
    }
    if (value instanceof String text) {
      String trimmed = text.trim();
      if (trimmed.isEmpty() || !trimmed.matches("[+-]?(NaN|Infinity|[0-9]*\\.?[0-9]*([eE][+-]?[0-9]+)?)")) {
        throw invalidCast(value, from, to);
      }
      try {
        return Double.parseDouble(trimmed);
      } catch (NumberFormatException e) {
        throw invalidCast(value, from, to);
      }
    }
    throw invalidCast(value, from, to);
  }

  private static BigDecimal toDecimal(Object value, DataType from, DataType to) {
    BigDecimal decimal;
    if (value instanceof BigDecimal number) {
      decimal = number;
    } else if (value instanceof Long number) {
      decimal = BigDecimal.valueOf(number);
    } else if (value instanceof Double number) {
      if (number.isNaN() || number.isInfinite()) {
        throw invalidCast(value, from, to);
      }
      decimal = new BigDecimal(number);
    } else if (value instanceof String text) {
      try {
        decimal = new BigDecimal(text.trim());
      } catch (NumberFormatException e) {
        throw invalidCast(value, from, to);
      }
    } else {
      throw invalidCast(value, from, to);
    }
    return fitDecimal(decimal, to, describe(value, from));
  }

  /** Rounds HALF_UP to the scale of {@code to} and checks its precision. */
  static BigDecimal fitDecimal(BigDecimal decimal, DataType to, String what) {
    BigDecimal rounded = decimal.setScale(to.scale(), RoundingMode.HALF_UP);
    if (!DecimalMath.fitsPrecision(rounded.unscaledValue(), to.precision())) {
      throw new QuiverException(ErrorCode.NUMERIC_OVERFLOW,
          "Value " + what + " does not fit " + to);
    }
    return rounded;
  }

  private static Long toDate(Object value, DataType from, DataType to) {
    if (from.kind() == TypeKind.TIMESTAMP) {
      return Math.floorDiv((Long) value, MICROS_PER_DAY);
    }
    if (from.kind() == TypeKind.DATE) {
      return (Long) value;
    }
    if (value instanceof String text) {
      String trimmed = text.trim();
      try {
        if (trimmed.length() > 10 && (trimmed.charAt(10) == ' ' || trimmed.charAt(10) == 'T')) {
          return Math.floorDiv(parseTimestamp(trimmed), MICROS_PER_DAY);
        }
        return LocalDate.parse(trimmed).toEpochDay();
      } catch (DateTimeParseException e) {
        throw invalidCast(value, from, to);
      }
    }
    throw invalidCast(value, from, to);
  }

  private static Long toTimestamp(Object value, DataType from, DataType to) {
    if (from.kind() == TypeKind.DATE) {
      return Math.multiplyExact((Long) value, MICROS_PER_DAY);
    }
    if (from.kind() == TypeKind.TIMESTAMP) {
      return (Long) value;
    }
    if (value instanceof String text) {
      try {
        return parseTimestamp(text.trim());
      } catch (DateTimeParseException e) {
        throw invalidCast(value, from, to);
      }
    }
    throw invalidCast(value, from, to);
  }

  private static long parseTimestamp(String text) {
    if (text.length() <= 10) {
      return LocalDate.parse(text).toEpochDay() * MICROS_PER_DAY;
    }
    LocalDateTime dateTime = LocalDateTime.parse(text.replace(' ', 'T'));
    return dateTime.toLocalDate().toEpochDay() * MICROS_PER_DAY + dateTime.toLocalTime().toNanoOfDay() / 1000;
  }

  private static Long toTime(Object value, DataType from, DataType to) {
    if (from.kind() == TypeKind.TIMESTAMP) {
      return Math.floorMod((Long) value, MICROS_PER_DAY);
    }
    if (value instanceof String text) {
      try {
        return LocalTime.parse(text.trim()).toNanoOfDay() / 1000;
      } catch (DateTimeParseException e) {
        throw invalidCast(value, from, to);
      }
    }
    throw invalidCast(value, from, to);
  }

  /** The text form of a value, as CAST to VARCHAR produces it. */
  static String format(Object value, DataType type) {
    switch (type.kind()) {
      case DECIMAL:
        return ((BigDecimal) value).setScale(type.scale(), RoundingMode.HALF_UP).toPlainString();
      case REAL:
        return Float.toString((float) (double) (Double) value);
      case DATE:
        return LocalDate.ofEpochDay((Long) value).toString();
      case TIMESTAMP: {
        long micros = (Long) value;
        long days = Math.floorDiv(micros, MICROS_PER_DAY);
        return LocalDate.ofEpochDay(days) + " " + formatTime(Math.floorMod(micros, MICROS_PER_DAY));
      }
      case TIME:
        return formatTime((Long) value);
      case VARBINARY:
        return new String((byte[]) value, StandardCharsets.UTF_8);
      default:
        return value.toString();
    }
  }

  private static String formatTime(long microsOfDay) {
    long seconds = microsOfDay / MICROS_PER_SECOND;
    long fraction = microsOfDay % MICROS_PER_SECOND;
    String text = String.format(Locale.ROOT, "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    if (fraction == 0) {
      return text;
    }
    String digits = String.format(Locale.ROOT, "%06d", fraction).replaceAll("0+$", "");
    return text + "." + digits;
  }

  /** A value as error messages show it: text quoted, everything else in its SQL text form. */
  static String describe(Object value, DataType type) {
    if (value instanceof String text) {
      return "'" + text + "'";
    }
    return format(value, type);
  }

  static QuiverException invalidCast(Object value, DataType from, DataType to) {
    return new QuiverException(ErrorCode.INVALID_CAST, "Cannot cast " + describe(value, from) + " to " + to);
  }
}
