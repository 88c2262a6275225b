package io.quiver.engine.connector.tpcds;

import io.quiver.exec.type.DataType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * Turns the generator's values (text, as dsdgen prints them; null for NULL) into Arrow vectors of
 * the column's type. Decimals are taken from their digits (never through a double), dates from
 * {@code yyyy-mm-dd}. CHAR values lose their trailing spaces: Quiver stores CHAR without padding.
 */
final class TpcdsValues {

  private TpcdsValues() {
  }

  /** Fills {@code vector} with column {@code column} of {@code rows[0..count)}. */
  static void fill(FieldVector vector, DataType type, List<List<String>> rows, int count, int column) {
    vector.setInitialCapacity(count);
    vector.allocateNew();
    switch (type.kind()) {
      case BIGINT -> {
        BigIntVector longs = (BigIntVector) vector;
        for (int i = 0; i < count; i++) {
          String value = rows.get(i).get(column);
          if (value == null) {
            longs.setNull(i);
          } else {
            longs.set(i, Long.parseLong(value));
          }
        }
      }
      case INTEGER -> {
        IntVector ints = (IntVector) vector;
        for (int i = 0; i < count; i++) {
          String value = rows.get(i).get(column);
          if (value == null) {
            ints.setNull(i);
          } else {
            ints.set(i, Integer.parseInt(value));
          }
        }
      }
      case DATE -> {
        DateDayVector dates = (DateDayVector) vector;
        for (int i = 0; i < count; i++) {
          String value = rows.get(i).get(column);
          if (value == null) {
            dates.setNull(i);
          } else {
            dates.set(i, epochDay(value));
          }
        }
      }
      case DECIMAL -> {
        DecimalVector decimals = (DecimalVector) vector;
        for (int i = 0; i < count; i++) {
          String value = rows.get(i).get(column);
          if (value == null) {
            decimals.setNull(i);
          } else {
            decimals.set(i, unscaled(value, type.scale()));
          }
        }
      }
      case CHAR, VARCHAR -> {
        VarCharVector texts = (VarCharVector) vector;
        boolean character = type.kind() == io.quiver.exec.type.TypeKind.CHAR;
        for (int i = 0; i < count; i++) {
          String value = rows.get(i).get(column);
          if (value == null) {
            texts.setNull(i);
          } else {
            texts.setSafe(i, (character ? stripTrailingSpaces(value) : value).getBytes(StandardCharsets.UTF_8));
          }
        }
      }
      default -> throw new IllegalStateException("no TPC-DS column has type " + type);
    }
    vector.setValueCount(count);
  }

  /** Days since 1970-01-01 of a {@code yyyy-mm-dd} date. */
  static int epochDay(String text) {
    if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
      throw new IllegalArgumentException("not a yyyy-mm-dd date: '" + text + "'");
    }
    int year = Integer.parseInt(text, 0, 4, 10);
    int month = Integer.parseInt(text, 5, 7, 10);
    int day = Integer.parseInt(text, 8, 10, 10);
    return (int) java.time.LocalDate.of(year, month, day).toEpochDay();
  }

  /** The unscaled value of a decimal written as {@code [-]digits[.digits]}, at {@code scale}. */
  static long unscaled(String text, int scale) {
    int point = text.indexOf('.');
    String whole = point < 0 ? text : text.substring(0, point);
    String fraction = point < 0 ? "" : text.substring(point + 1);
    if (fraction.length() > scale) {
      throw new IllegalArgumentException("'" + text + "' has more than " + scale + " decimals");
    }
    boolean negative = whole.startsWith("-");
    long value = Math.abs(Long.parseLong(whole.isEmpty() || whole.equals("-") ? "0" : whole));
    for (int i = 0; i < scale; i++) {
      value = value * 10 + (i < fraction.length() ? fraction.charAt(i) - '0' : 0);
    }
    return negative ? -value : value;
  }

  static String stripTrailingSpaces(String value) {
    int end = value.length();
    while (end > 0 && value.charAt(end - 1) == ' ') {
      end--;
    }
    return end == value.length() ? value : value.substring(0, end);
  }
}
