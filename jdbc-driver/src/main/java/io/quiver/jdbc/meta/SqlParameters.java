package io.quiver.jdbc.meta;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.jdbc.client.SqlTokens;
import io.quiver.jdbc.client.TemporalParameters;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.apache.calcite.avatica.ColumnMetaData;
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
    for (int i = 0; i < sql.length(); i = SqlTokens.next(sql, i)) {
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
      int end = SqlTokens.next(sql, i);
      if (sql.charAt(i) == '?') {
        if (parameter >= values.size() || values.get(parameter) == null) {
          throw new QuiverException(ErrorCode.INVALID_PARAMETER,
              "parameter " + (parameter + 1) + " of " + count(sql) + " has no value");
        }
        out.append(literal(values.get(parameter++)));
      } else {
        out.append(sql, i, end);
      }
      i = end;
    }
    if (parameter < values.size()) {
      throw new QuiverException(ErrorCode.INVALID_PARAMETER,
          values.size() + " parameter values for a statement with " + parameter + " parameters");
    }
    return out.toString();
  }

  /**
   * The SQL literal of one bound value (in Avatica's serial form: dates as days, times as millis),
   * typed as its representation says: a LONG is a BIGINT, a NULL of a known type is a CAST of NULL.
   */
  static String literal(TypedValue value) {
    Object v = value.value;
    if (value.type == ColumnMetaData.Rep.ARRAY) {
      // The thin driver's typed NULL (ParameterSettingPreparedStatement): an empty ARRAY of its type.
      if (v instanceof List<?> elements && elements.isEmpty() && sqlType(value.componentType) != null) {
        return "CAST(NULL AS " + sqlType(value.componentType) + ")";
      }
      // A TIME or TIMESTAMP to the microsecond (TemporalParameters): [its Types code, microseconds].
      long[] micros = v instanceof List<?> elements ? TemporalParameters.microsOf(value.type, elements) : null;
      if (micros != null && micros[0] == java.sql.Types.TIME) {
        if (micros[1] < 0 || micros[1] >= 86_400_000_000L) {
          throw new QuiverException(ErrorCode.INVALID_PARAMETER, "a TIME parameter out of range: " + micros[1]
              + " microseconds of the day");
        }
        return "TIME '" + timeText(LocalTime.ofNanoOfDay(micros[1] * 1_000L)) + "'";
      }
      if (micros != null) {
        LocalDateTime time = LocalDateTime.ofEpochSecond(Math.floorDiv(micros[1], 1_000_000L),
            (int) Math.floorMod(micros[1], 1_000_000L) * 1_000, ZoneOffset.UTC);
        return "TIMESTAMP '" + time.toLocalDate() + " " + timeText(time.toLocalTime()) + "'";
      }
      throw new QuiverException(ErrorCode.NOT_SUPPORTED, "array parameters are not supported");
    }
    if (v == null) {
      String type = sqlType(value.type);
      return type == null ? "NULL" : "CAST(NULL AS " + type + ")";
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
        return "CAST(" + signed(v.toString()) + " AS TINYINT)";
      case SHORT:
      case PRIMITIVE_SHORT:
        return "CAST(" + signed(v.toString()) + " AS SMALLINT)";
      case INTEGER:
      case PRIMITIVE_INT:
        return signed(v.toString());
      case LONG:
      case PRIMITIVE_LONG:
        return "CAST(" + signed(v.toString()) + " AS BIGINT)";
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
        // Locally a ByteString or byte[]; off the wire Avatica's serial form, base64 text.
        byte[] bytes = v instanceof ByteString b ? b.getBytes() : v instanceof byte[] a ? a
            : v instanceof String text ? Base64.getDecoder().decode(text) : null;
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

  /** The SQL type of a representation, for typed NULLs; null when it names no type (OBJECT). */
  static String sqlType(ColumnMetaData.Rep rep) {
    if (rep == null) {
      return null;
    }
    switch (rep) {
      case STRING:
      case CHARACTER:
      case PRIMITIVE_CHAR:
        return "VARCHAR";
      case BOOLEAN:
      case PRIMITIVE_BOOLEAN:
        return "BOOLEAN";
      case BYTE:
      case PRIMITIVE_BYTE:
        return "TINYINT";
      case SHORT:
      case PRIMITIVE_SHORT:
        return "SMALLINT";
      case INTEGER:
      case PRIMITIVE_INT:
        return "INTEGER";
      case LONG:
      case PRIMITIVE_LONG:
        return "BIGINT";
      case FLOAT:
      case PRIMITIVE_FLOAT:
        return "REAL";
      case DOUBLE:
      case PRIMITIVE_DOUBLE:
        return "DOUBLE";
      case NUMBER:
        return "DECIMAL(38, 10)";
      case JAVA_SQL_DATE:
        return "DATE";
      case JAVA_SQL_TIME:
        return "TIME";
      case JAVA_SQL_TIMESTAMP:
      case JAVA_UTIL_DATE:
        return "TIMESTAMP";
      case BYTE_STRING:
        return "VARBINARY";
      default:
        return null;
    }
  }

  /**
   * {@code HH:mm:ss} with its fraction to the microsecond only when there is one ({@code LocalTime}
   * drops zero seconds).
   */
  private static String timeText(LocalTime time) {
    String text = String.format("%02d:%02d:%02d", time.getHour(), time.getMinute(), time.getSecond());
    int micros = time.getNano() / 1_000;
    return micros == 0 ? text : text + String.format(".%06d", micros);
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
