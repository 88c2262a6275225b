package io.quiver.jdbc.meta;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.calcite.avatica.remote.TypedValue;
import org.apache.calcite.avatica.util.ByteString;

/**
 * Client-side parameters of prepared statements: finds the {@code ?} markers of a SQL text (outside
 * string literals, quoted identifiers and comments) and replaces them with SQL literals of the bound
 * values. The engine plans the resulting text like any other statement.
 */
final class SqlParameters {

  private SqlParameters() {
  }

  /** How many {@code ?} markers the text has. */
  static int count(String sql) {
    int count = 0;
    for (int i = 0; i < sql.length(); i = next(sql, i)) {
      if (sql.charAt(i) == '?') {
        count++;
      }
    }
    return count;
  }

  /** The text with every marker replaced by the literal of its value, in order. */
  static String bind(String sql, List<TypedValue> values) {
    StringBuilder out = new StringBuilder(sql.length() + 16 * values.size());
    int parameter = 0;
    int i = 0;
    while (i < sql.length()) {
      int end = next(sql, i);
      if (sql.charAt(i) == '?') {
        if (parameter >= values.size()) {
          throw new QuiverException(ErrorCode.INVALID_PARAMETER,
              "parameter " + (parameter + 1) + " has no value");
        }
        out.append(literal(values.get(parameter++)));
      } else {
        out.append(sql, i, end);
      }
      i = end;
    }
    return out.toString();
  }

  /** The index just after the token (literal, identifier, comment or single character) at {@code i}. */
  private static int next(String sql, int i) {
    char c = sql.charAt(i);
    if (c == '\'' || c == '"') {
      int j = i + 1;
      while (j < sql.length()) {
        if (sql.charAt(j) == c) {
          if (j + 1 < sql.length() && sql.charAt(j + 1) == c) {
            j += 2; // doubled quote inside the literal
            continue;
          }
          return j + 1;
        }
        j++;
      }
      return sql.length();
    }
    if (c == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-') {
      int end = sql.indexOf('\n', i);
      return end < 0 ? sql.length() : end + 1;
    }
    if (c == '/' && i + 1 < sql.length() && sql.charAt(i + 1) == '*') {
      int end = sql.indexOf("*/", i + 2);
      return end < 0 ? sql.length() : end + 2;
    }
    return i + 1;
  }

  /** The SQL literal of one bound value (in Avatica's serial form: dates as days, times as millis). */
  static String literal(TypedValue value) {
    Object v = value.value;
    if (v == null) {
      return "NULL";
    }
    switch (value.type) {
      case STRING:
      case CHARACTER:
      case PRIMITIVE_CHAR:
        return quote(v.toString());
      case BOOLEAN:
      case PRIMITIVE_BOOLEAN:
        return ((Boolean) v) ? "TRUE" : "FALSE";
      case BYTE:
      case PRIMITIVE_BYTE:
      case SHORT:
      case PRIMITIVE_SHORT:
      case INTEGER:
      case PRIMITIVE_INT:
      case LONG:
      case PRIMITIVE_LONG:
        return signed(v.toString());
      case FLOAT:
      case PRIMITIVE_FLOAT:
        return approximate(((Number) v).doubleValue(), "REAL");
      case DOUBLE:
      case PRIMITIVE_DOUBLE:
        return approximate(((Number) v).doubleValue(), "DOUBLE");
      case NUMBER:
        if (v instanceof BigDecimal d) {
          return signed(d.toPlainString());
        }
        if (v instanceof Double || v instanceof Float) {
          return approximate(((Number) v).doubleValue(), "DOUBLE");
        }
        return signed(v.toString());
      case JAVA_SQL_DATE:
        return "DATE '" + LocalDate.ofEpochDay(((Number) v).longValue()) + "'";
      case JAVA_SQL_TIME:
        return "TIME '" + timeText(LocalTime.ofNanoOfDay(((Number) v).longValue() * 1_000_000L)) + "'";
      case JAVA_SQL_TIMESTAMP:
      case JAVA_UTIL_DATE: {
        long millis = ((Number) v).longValue();
        LocalDateTime time = LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000L),
            (int) Math.floorMod(millis, 1000L) * 1_000_000, ZoneOffset.UTC);
        return "TIMESTAMP '" + time.toLocalDate() + " " + timeText(time.toLocalTime()) + "'";
      }
      case BYTE_STRING: {
        byte[] bytes = v instanceof ByteString b ? b.getBytes() : v instanceof byte[] a ? a : null;
        if (bytes == null) {
          return quote(v.toString());
        }
        StringBuilder hex = new StringBuilder("X'");
        for (byte b : bytes) {
          hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return hex.append('\'').toString();
      }
      default:
        return quote(v.toString());
    }
  }

  /** {@code HH:mm:ss} with milliseconds only when there are some ({@code LocalTime} drops zero seconds). */
  private static String timeText(LocalTime time) {
    String text = String.format("%02d:%02d:%02d", time.getHour(), time.getMinute(), time.getSecond());
    int millis = time.getNano() / 1_000_000;
    return millis == 0 ? text : text + String.format(".%03d", millis);
  }

  private static String quote(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  /** Negative numbers in parentheses: {@code x - ?} must not turn into a {@code --} comment. */
  private static String signed(String number) {
    return number.startsWith("-") ? "(" + number + ")" : number;
  }

  private static String approximate(double value, String type) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return "CAST('" + value + "' AS " + type + ")";
    }
    String text = Double.toString(value);
    // An exponent makes the literal DOUBLE rather than DECIMAL.
    String literal = text.contains("E") ? text : text + "E0";
    return "REAL".equals(type) ? "CAST(" + signed(literal) + " AS REAL)" : signed(literal);
  }
}
