package io.quiver.slt;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Renders JDBC values as {@code .slt} results expect them (SEMANTICS.md): NULL as {@code NULL}, the
 * empty string as {@code (empty)}, booleans as {@code true}/{@code false}, integers as digits,
 * DECIMAL as {@code BigDecimal.toPlainString()} at the column's scale, REAL/DOUBLE as
 * {@code %.3f}, DATE as {@code yyyy-MM-dd}, TIMESTAMP as {@code yyyy-MM-dd HH:mm:ss} with the
 * fraction only when it is not zero, text as is.
 *
 * <p>It also checks a column's JDBC type against its type letter: {@code I} integer kinds
 * (TINYINT..BIGINT), {@code R} REAL/FLOAT/DOUBLE, {@code N} DECIMAL/NUMERIC, {@code T} text
 * (CHAR/VARCHAR), {@code B} BOOLEAN, {@code D} DATE, {@code S} TIMESTAMP, {@code ?} any type.
 */
final class SltValueRenderer {

  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}(\\.\\d+)?");

  private SltValueRenderer() {}

  /** True when a column of JDBC type {@code sqlType} may stand under {@code letter}. */
  static boolean typeMatches(char letter, int sqlType) {
    return switch (letter) {
      case 'I' -> sqlType == Types.TINYINT || sqlType == Types.SMALLINT || sqlType == Types.INTEGER
          || sqlType == Types.BIGINT;
      case 'R' -> sqlType == Types.REAL || sqlType == Types.FLOAT || sqlType == Types.DOUBLE;
      case 'N' -> sqlType == Types.DECIMAL || sqlType == Types.NUMERIC;
      case 'T' -> sqlType == Types.CHAR || sqlType == Types.VARCHAR || sqlType == Types.LONGVARCHAR
          || sqlType == Types.NCHAR || sqlType == Types.NVARCHAR || sqlType == Types.LONGNVARCHAR;
      case 'B' -> sqlType == Types.BOOLEAN || sqlType == Types.BIT;
      case 'D' -> sqlType == Types.DATE;
      case 'S' -> sqlType == Types.TIMESTAMP;
      case '?' -> true;
      default -> false;
    };
  }

  /** The letter that describes a JDBC type, for messages and for writing expected results. */
  static char letterOf(int sqlType) {
    for (char letter : "IRNTBDS".toCharArray()) {
      if (typeMatches(letter, sqlType)) {
        return letter;
      }
    }
    return '?';
  }

  /** Renders column {@code column} (1-based) of the current row, written under type letter {@code letter}. */
  static String render(ResultSet resultSet, int column, char letter) throws SQLException {
    ResultSetMetaData metaData = resultSet.getMetaData();
    int sqlType = metaData.getColumnType(column);
    switch (sqlType) {
      case Types.BOOLEAN, Types.BIT -> {
        boolean value = resultSet.getBoolean(column);
        return resultSet.wasNull() ? "NULL" : Boolean.toString(value);
      }
      case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> {
        long value = resultSet.getLong(column);
        return resultSet.wasNull() ? "NULL" : Long.toString(value);
      }
      case Types.DECIMAL, Types.NUMERIC -> {
        BigDecimal value = resultSet.getBigDecimal(column);
        return value == null ? "NULL" : renderDecimal(value, metaData.getScale(column));
      }
      case Types.REAL, Types.FLOAT, Types.DOUBLE -> {
        double value = resultSet.getDouble(column);
        return resultSet.wasNull() ? "NULL" : renderDouble(value, letter);
      }
      case Types.DATE -> {
        // getString is free of time zones (getDate shifts by the JVM's zone in some drivers).
        String value = resultSet.getString(column);
        if (value == null) {
          return "NULL";
        }
        if (DATE.matcher(value).matches()) {
          return value;
        }
        return resultSet.getDate(column).toLocalDate().toString();
      }
      case Types.TIMESTAMP -> {
        String value = resultSet.getString(column);
        if (value == null) {
          return "NULL";
        }
        if (TIMESTAMP.matcher(value).matches()) {
          return trimFraction(value);
        }
        return renderTimestamp(resultSet.getTimestamp(column).toLocalDateTime());
      }
      case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR -> {
        String value = resultSet.getString(column);
        return value == null ? "NULL" : renderText(value);
      }
      default -> {
        return renderObject(resultSet.getObject(column), letter);
      }
    }
  }

  /** A value of a type the switch above does not name (a driver's own classes): by its Java class. */
  static String renderObject(Object value, char letter) {
    if (value == null) {
      return "NULL";
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    if (value instanceof Double || value instanceof Float) {
      return renderDouble(((Number) value).doubleValue(), letter);
    }
    if (value instanceof LocalDate date) {
      return date.toString();
    }
    if (value instanceof java.sql.Date date) {
      return date.toLocalDate().toString();
    }
    if (value instanceof LocalDateTime timestamp) {
      return renderTimestamp(timestamp);
    }
    if (value instanceof java.sql.Timestamp timestamp) {
      return renderTimestamp(timestamp.toLocalDateTime());
    }
    String text = value.toString();
    return text.isEmpty() ? "(empty)" : text;
  }

  /**
   * The value at the column's scale. A value that cannot take that scale without rounding is
   * rendered as it came, so that the comparison shows the wrong scale instead of hiding it.
   */
  static String renderDecimal(BigDecimal value, int scale) {
    if (scale >= 0 && value.scale() != scale) {
      try {
        return value.setScale(scale, java.math.RoundingMode.UNNECESSARY).toPlainString();
      } catch (ArithmeticException e) {
        return value.toPlainString();
      }
    }
    return value.toPlainString();
  }

  static String renderDouble(double value, char letter) {
    if (letter == 'R') {
      return String.format(Locale.ROOT, "%.3f", value);
    }
    return Double.toString(value);
  }

  static String renderText(String value) {
    return value.isEmpty() ? "(empty)" : value;
  }

  private static String renderTimestamp(LocalDateTime timestamp) {
    String text = timestamp.toLocalDate() + " " + String.format(Locale.ROOT, "%02d:%02d:%02d",
        timestamp.getHour(), timestamp.getMinute(), timestamp.getSecond());
    if (timestamp.getNano() != 0) {
      text += "." + String.format(Locale.ROOT, "%09d", timestamp.getNano());
    }
    return trimFraction(text);
  }

  private static String trimFraction(String timestamp) {
    int dot = timestamp.indexOf('.');
    if (dot < 0) {
      return timestamp;
    }
    String trimmed = timestamp.replaceAll("0+$", "");
    return trimmed.endsWith(".") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
  }
}
