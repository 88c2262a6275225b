package io.quiver.jdbc.client;

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
 * remote {@code setObject(i, LocalDate)} failed with "Unhandled value: OBJECT"): each becomes the
 * wire form of its SQL type, DATE as days, TIME as milliseconds of the day, TIMESTAMP as
 * milliseconds since the epoch of its wall-clock time (the forms the server binds as SQL literals).
 *
 * <p>Quiver's TIMESTAMP has no time zone: a value with an offset ({@code OffsetDateTime},
 * {@code ZonedDateTime}, {@code Instant}, {@code OffsetTime}) binds as its UTC wall-clock time, as
 * PostgreSQL's driver does with a session in UTC. Avatica's wire form carries milliseconds, so
 * digits after the millisecond are cut.
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

  /** The value as its own SQL type (LocalDate: DATE, LocalTime: TIME, the others: TIMESTAMP). */
  public static TypedValue of(Object x) throws SQLException {
    if (x instanceof LocalDate date) {
      return date(date);
    }
    if (x instanceof LocalTime || x instanceof OffsetTime) {
      return time(localTime((Temporal) x));
    }
    return timestamp(localDateTime((Temporal) x));
  }

  /** The value converted to a {@link Types} type: DATE, TIME, TIMESTAMP or text. */
  public static TypedValue of(Object x, int targetSqlType) throws SQLException {
    switch (targetSqlType) {
      case Types.DATE:
        return date(x instanceof LocalDate date ? date : localDateTime((Temporal) x).toLocalDate());
      case Types.TIME:
      case Types.TIME_WITH_TIMEZONE:
        return time(localTime((Temporal) x));
      case Types.TIMESTAMP:
      case Types.TIMESTAMP_WITH_TIMEZONE:
        return timestamp(x instanceof LocalDate date ? date.atStartOfDay() : localDateTime((Temporal) x));
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

  private static TypedValue time(LocalTime time) {
    return TypedValue.ofSerial(ColumnMetaData.Rep.JAVA_SQL_TIME, (int) (time.toNanoOfDay() / 1_000_000L));
  }

  private static TypedValue timestamp(LocalDateTime time) {
    return TypedValue.ofSerial(ColumnMetaData.Rep.JAVA_SQL_TIMESTAMP,
        time.toInstant(ZoneOffset.UTC).toEpochMilli());
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
