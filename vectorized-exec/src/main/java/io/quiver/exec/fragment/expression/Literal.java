package io.quiver.exec.fragment.expression;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.quiver.exec.type.DataType;
import io.quiver.exec.type.TypeKind;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A constant. The value is kept as canonical text so that a fragment serializes without
 * polymorphic value types:
 *
 * <ul>
 *   <li>integer kinds, DATE (days since epoch), TIME (micros of day), TIMESTAMP (micros since
 *       epoch), INTERVAL_DAY_TIME (microseconds), INTERVAL_YEAR_MONTH (months): a decimal integer;
 *   <li>DECIMAL: the plain decimal string with exactly {@code scale} fraction digits;
 *   <li>REAL and DOUBLE: {@link Double#toString(double)};
 *   <li>BOOLEAN: {@code true} or {@code false};
 *   <li>CHAR, VARCHAR: the string itself; VARBINARY: lower-case hex.
 * </ul>
 *
 * {@code text} is null for SQL NULL.
 */
public record Literal(String text, DataType type) implements Expression {

  public static Literal nullOf(DataType type) {
    return new Literal(null, type);
  }

  public static Literal ofLong(long value, DataType type) {
    return new Literal(Long.toString(value), type);
  }

  public static Literal ofBoolean(boolean value) {
    return new Literal(Boolean.toString(value), DataType.BOOLEAN);
  }

  public static Literal ofDouble(double value) {
    return new Literal(Double.toString(value), DataType.DOUBLE);
  }

  public static Literal ofString(String value, DataType type) {
    return new Literal(value, type);
  }

  public static Literal ofDecimal(BigDecimal value, DataType type) {
    return new Literal(value.setScale(type.scale()).toPlainString(), type);
  }

  public static Literal ofDate(LocalDate date) {
    return new Literal(Long.toString(date.toEpochDay()), DataType.DATE);
  }

  @JsonIgnore
  public boolean isNull() {
    return text == null;
  }

  /** For integer kinds and every kind stored as an integer count (dates, times, intervals). */
  public long longValue() {
    return Long.parseLong(text);
  }

  public double doubleValue() {
    return Double.parseDouble(text);
  }

  public boolean booleanValue() {
    return Boolean.parseBoolean(text);
  }

  public BigDecimal decimalValue() {
    return new BigDecimal(text);
  }

  public String stringValue() {
    return text;
  }

  @Override
  public String toString() {
    if (text == null) {
      return "null:" + type;
    }
    if (type.isText()) {
      return "'" + text.replace("'", "''") + "'";
    }
    if (type.kind() == TypeKind.DATE) {
      return "DATE '" + LocalDate.ofEpochDay(longValue()) + "'";
    }
    return text;
  }
}
