package io.quiver.jdbc.client;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.remote.TypedValue;

/**
 * Parameter values of {@code java.time} types, which Avatica's parameter sites cannot carry (a
 * remote {@code setObject(i, LocalDate)} failed with "Unhandled value: OBJECT"): a DATE travels as
 * Avatica's days; a TIME or TIMESTAMP in the engine's precision, microseconds, which Avatica's wire
 * forms (milliseconds, a TIME's in an int) cannot hold: as a two-element BIGINT ARRAY
 * {@code [java.sql.Types code, microseconds]} (of the day for TIME, since the epoch of the
 * wall-clock time for TIMESTAMP), which the server binds as a literal of that type. Quiver has no
 * array parameters, so no other value looks like it. Digits after the microsecond are cut.
 *
 * <p>Quiver's TIMESTAMP has no time zone: a value with an offset ({@code OffsetDateTime},
 * {@code ZonedDateTime}, {@code Instant}, {@code OffsetTime}) binds as its UTC wall-clock time, as
 * PostgreSQL's driver does with a session in UTC.
 */
public final class TemporalParameters {

  private TemporalParameters() {
  }

  /** True for the {@code java.time} types handled here. */
  public static boolean handles(Object x) {
    return x instanceof LocalDate || x instanceof LocalTime || x instanceof LocalDateTime
        || x instanceof OffsetDateTime || x instanceof ZonedDateTime || x instanceof Instant
        || x instanceof OffsetTime;
  }

  /**
   * The value as its own SQL type (LocalDate: DATE, LocalTime: TIME, the others: TIMESTAMP).
   *
   * @param connection makes the ARRAY a TIME or TIMESTAMP travels in
   */
  public static TypedValue of(Connection connection, Object x) throws SQLException {
    if (x instanceof LocalDate date) {
      return date(date);
    }
    if (x instanceof LocalTime || x instanceof OffsetTime) {
      return time(connection, localTime((Temporal) x));
    }
    return timestamp(connection, localDateTime((Temporal) x));
  }

  /** The value converted to a {@link Types} type: DATE, TIME, TIMESTAMP or text. */
  public static TypedValue of(Connection connection, Object x, int targetSqlType) throws SQLException {
    switch (targetSqlType) {
      case Types.DATE:
        return date(x instanceof LocalDate date ? date : localDateTime((Temporal) x).toLocalDate());
      case Types.TIME:
      case Types.TIME_WITH_TIMEZONE:
        return time(connection, localTime((Temporal) x));
      case Types.TIMESTAMP:
      case Types.TIMESTAMP_WITH_TIMEZONE:
        return timestamp(connection, x instanceof LocalDate date ? date.atStartOfDay() : localDateTime((Temporal) x));
      case Types.CHAR:
      case Types.VARCHAR:
      case Types.LONGVARCHAR:
      case Types.NCHAR:
      case Types.NVARCHAR:
      case Types.LONGNVARCHAR:
        return TypedValue.ofSerial(ColumnMetaData.Rep.STRING, x.toString());
      default:
        throw new SQLFeatureNotSupportedException("a " + x.getClass().getSimpleName()
            + " cannot be set as JDBC type " + targetSqlType + ": use DATE, TIME, TIMESTAMP or VARCHAR", "0A000");
    }
  }

  private static TypedValue date(LocalDate date) {
    return TypedValue.ofSerial(ColumnMetaData.Rep.JAVA_SQL_DATE, Math.toIntExact(date.toEpochDay()));
  }

  /** A TIME to the microsecond. */
  public static TypedValue time(Connection connection, LocalTime time) throws SQLException {
    return micros(connection, Types.TIME, time.toNanoOfDay() / 1_000L);
  }

  /** A TIMESTAMP (its wall-clock time) to the microsecond. */
  public static TypedValue timestamp(Connection connection, LocalDateTime time) throws SQLException {
    long micros = Math.addExact(Math.multiplyExact(time.toEpochSecond(ZoneOffset.UTC), 1_000_000L),
        time.getNano() / 1_000L);
    return micros(connection, Types.TIMESTAMP, micros);
  }

  private static TypedValue micros(Connection connection, int type, long micros) throws SQLException {
    return TypedValue.ofJdbc(ColumnMetaData.Rep.ARRAY,
        connection.createArrayOf("BIGINT", new Object[] {(long) type, micros}), null);
  }

  /**
   * The microseconds of a value in the form {@link #time} and {@link #timestamp} give, with its
   * {@link Types} code, or null if the value is not in that form.
   *
   * @param elements the ARRAY's elements: Longs, or TypedValues of Longs where it came over the wire
   */
  public static long[] microsOf(ColumnMetaData.Rep type, java.util.List<?> elements) {
    if (type != ColumnMetaData.Rep.ARRAY || elements == null || elements.size() != 2) {
      return null;
    }
    long[] values = new long[2];
    for (int i = 0; i < 2; i++) {
      Object element = elements.get(i) instanceof TypedValue typed ? typed.value : elements.get(i);
      if (!(element instanceof Number number)) {
        return null;
      }
      values[i] = number.longValue();
    }
    return values[0] == Types.TIME || values[0] == Types.TIMESTAMP ? values : null;
  }

  private static LocalTime localTime(Temporal x) throws SQLException {
    if (x instanceof LocalTime time) {
      return time;
    }
    if (x instanceof OffsetTime time) {
      return time.withOffsetSameInstant(ZoneOffset.UTC).toLocalTime();
    }
    return localDateTime(x).toLocalTime();
  }

  private static LocalDateTime localDateTime(Temporal x) throws SQLException {
    if (x instanceof LocalDateTime time) {
      return time;
    }
    if (x instanceof OffsetDateTime time) {
      return time.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }
    if (x instanceof ZonedDateTime time) {
      return time.withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }
    if (x instanceof Instant instant) {
      return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
    throw new SQLFeatureNotSupportedException("a " + x.getClass().getSimpleName()
        + " has no date: it cannot be set as a DATE or TIMESTAMP", "0A000");
  }
}
