package io.quiver.engine.connector.file.csv;

import io.quiver.exec.type.DataType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Locale;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;

/** Parses CSV field text into vector slots of a SQL type. */
final class CsvValueWriter {

  private CsvValueWriter() {
  }

  /**
   * Parses {@code text} and sets it at {@code row}.
   *
   * @throws IllegalArgumentException (or a subclass) when the text is not a value of the type
   */
  static void set(FieldVector vector, DataType type, int row, String text) {
    switch (type.kind()) {
      case BOOLEAN:
        ((BitVector) vector).setSafe(row, parseBoolean(text) ? 1 : 0);
        return;
      case TINYINT:
        ((TinyIntVector) vector).setSafe(row, (byte) checkRange(Long.parseLong(text.trim()), Byte.MIN_VALUE,
            Byte.MAX_VALUE));
        return;
      case SMALLINT:
        ((SmallIntVector) vector).setSafe(row, (short) checkRange(Long.parseLong(text.trim()), Short.MIN_VALUE,
            Short.MAX_VALUE));
        return;
      case INTEGER:
        ((IntVector) vector).setSafe(row, (int) checkRange(Long.parseLong(text.trim()), Integer.MIN_VALUE,
            Integer.MAX_VALUE));
        return;
      case BIGINT:
        ((BigIntVector) vector).setSafe(row, Long.parseLong(text.trim()));
        return;
      case REAL:
        ((Float4Vector) vector).setSafe(row, Float.parseFloat(text.trim()));
        return;
      case DOUBLE:
        ((Float8Vector) vector).setSafe(row, Double.parseDouble(text.trim()));
        return;
      case DECIMAL: {
        BigDecimal value = new BigDecimal(text.trim()).setScale(type.scale(), RoundingMode.HALF_UP);
        if (value.precision() > type.precision()) {
          throw new IllegalArgumentException("too many digits");
        }
        ((DecimalVector) vector).setSafe(row, value);
        return;
      }
      case CHAR:
      case VARCHAR:
        ((VarCharVector) vector).setSafe(row, text.getBytes(StandardCharsets.UTF_8));
        return;
      case VARBINARY:
        ((VarBinaryVector) vector).setSafe(row, text.getBytes(StandardCharsets.UTF_8));
        return;
      case DATE:
        ((DateDayVector) vector).setSafe(row, (int) LocalDate.parse(text.trim()).toEpochDay());
        return;
      case TIME:
        ((TimeMicroVector) vector).setSafe(row, LocalTime.parse(text.trim()).toNanoOfDay() / 1000);
        return;
      case TIMESTAMP: {
        LocalDateTime value = parseTimestamp(text);
        ((TimeStampMicroVector) vector).setSafe(row, value.toEpochSecond(ZoneOffset.UTC) * 1_000_000L
            + value.getNano() / 1000);
        return;
      }
      default:
        throw new IllegalArgumentException("type " + type + " cannot be read from CSV");
    }
  }

  static LocalDateTime parseTimestamp(String text) {
    String trimmed = text.trim();
    if (trimmed.length() == 10) {
      return LocalDate.parse(trimmed).atStartOfDay();
    }
    return LocalDateTime.parse(trimmed.replace(' ', 'T'));
  }

  static boolean parseBoolean(String text) {
    switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "true":
      case "t":
        return true;
      case "false":
      case "f":
        return false;
      default:
        throw new IllegalArgumentException("not a boolean");
    }
  }

  private static long checkRange(long value, long min, long max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException("out of range");
    }
    return value;
  }
}
