package io.quiver.jdbc.client;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Calendar;
import org.apache.calcite.avatica.util.Cursor;
import org.apache.calcite.avatica.util.DateTimeUtils;

/**
 * Reads a TIME (microseconds of the day) or a TIMESTAMP (microseconds since the epoch, wall-clock
 * time in UTC), the form Quiver's own drivers get them in frames: as Avatica reads its millisecond
 * forms (the same {@code java.sql} values in the connection's time zone; {@code getLong} the
 * milliseconds), plus the microseconds in {@code getTimestamp}, {@code getObject(LocalDateTime.class)},
 * {@code getObject(LocalTime.class)} and the text: {@code HH:mm:ss} and {@code yyyy-MM-dd HH:mm:ss},
 * then the fraction's digits without trailing zeros, as PostgreSQL prints them.
 */
final class MicrosAccessor extends DelegatingAccessor {

  private final boolean timestamp;
  private final Calendar localCalendar;

  /**
   * @param delegate reads the raw number (an accessor of a BIGINT column)
   * @param timestamp true for TIMESTAMP, false for TIME
   * @param localCalendar the connection's time zone, as Avatica's accessors use it
   */
  MicrosAccessor(Cursor.Accessor delegate, boolean timestamp, Calendar localCalendar) {
    super(delegate);
    this.timestamp = timestamp;
    this.localCalendar = localCalendar;
  }

  /** The microseconds, or null for NULL. */
  private Long micros() throws SQLException {
    Object value = delegate.getObject();
    return value == null ? null : ((Number) value).longValue();
  }

  @Override
  public Object getObject() throws SQLException {
    return timestamp ? getTimestamp(localCalendar) : getTime(localCalendar);
  }

  @Override
  public String getString() throws SQLException {
    Long micros = micros();
    return micros == null ? null : timestamp ? timestampText(micros) : timeText(micros);
  }

  @Override
  public Timestamp getTimestamp(Calendar calendar) throws SQLException {
    Long micros = micros();
    if (micros == null) {
      return null;
    }
    Timestamp result = DateTimeUtils.unixTimestampToSqlTimestamp(Math.floorDiv(micros, 1000L), calendar);
    result.setNanos((int) Math.floorMod(micros, 1_000_000L) * 1000);
    return result;
  }

  @Override
  public Time getTime(Calendar calendar) throws SQLException {
    Long micros = micros();
    if (micros == null) {
      return null;
    }
    if (timestamp) {
      return new Time(getTimestamp(calendar).getTime());
    }
    return DateTimeUtils.unixTimeToSqlTime((int) (micros / 1000L), calendar);
  }

  @Override
  public Date getDate(Calendar calendar) throws SQLException {
    if (!timestamp) {
      throw cannotRead("DATE");
    }
    Timestamp value = getTimestamp(calendar);
    return value == null ? null : new Date(value.getTime());
  }

  /** The milliseconds (since the epoch, or of the day), as Avatica's accessors give them. */
  @Override
  public long getLong() throws SQLException {
    Long micros = micros();
    return micros == null ? 0 : Math.floorDiv(micros, 1000L);
  }

  @Override
  public int getInt() throws SQLException {
    if (timestamp) {
      throw cannotRead("INTEGER");
    }
    return (int) getLong();
  }

  @Override
  public <T> T getObject(Class<T> type) throws SQLException {
    Long micros = micros();
    if (micros == null) {
      return null;
    }
    Object value;
    LocalDateTime local = timestamp ? LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
        (int) Math.floorMod(micros, 1_000_000L) * 1000, ZoneOffset.UTC) : null;
    if (type == LocalDateTime.class && timestamp) {
      value = local;
    } else if (type == LocalDate.class && timestamp) {
      value = local.toLocalDate();
    } else if (type == LocalTime.class) {
      value = timestamp ? local.toLocalTime() : LocalTime.ofNanoOfDay(micros * 1000L);
    } else if (type == Timestamp.class) {
      value = getTimestamp(localCalendar);
    } else if (type == Time.class) {
      value = getTime(localCalendar);
    } else if (type == Date.class) {
      value = getDate(localCalendar);
    } else if (type == String.class) {
      value = getString();
    } else if (type == Long.class) {
      value = getLong();
    } else if (type == Object.class) {
      value = getObject();
    } else {
      throw cannotRead(type.getSimpleName());
    }
    return type.cast(value);
  }

  @Override
  public byte getByte() throws SQLException {
    throw cannotRead("TINYINT");
  }

  @Override
  public short getShort() throws SQLException {
    throw cannotRead("SMALLINT");
  }

  @Override
  public float getFloat() throws SQLException {
    throw cannotRead("REAL");
  }

  @Override
  public double getDouble() throws SQLException {
    throw cannotRead("DOUBLE");
  }

  @Override
  public BigDecimal getBigDecimal() throws SQLException {
    throw cannotRead("DECIMAL");
  }

  @Override
  public BigDecimal getBigDecimal(int scale) throws SQLException {
    throw cannotRead("DECIMAL");
  }

  @Override
  public boolean getBoolean() throws SQLException {
    throw cannotRead("BOOLEAN");
  }

  @Override
  public byte[] getBytes() throws SQLException {
    throw cannotRead("VARBINARY");
  }

  private SQLException cannotRead(String as) {
    return new SQLDataException("a " + (timestamp ? "TIMESTAMP" : "TIME") + " value cannot be read as " + as,
        "22018");
  }

  /** {@code HH:mm:ss}, then the fraction without trailing zeros when there is one. */
  static String timeText(long microsOfDay) {
    long seconds = microsOfDay / 1_000_000L;
    return String.format("%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
        + fraction((int) (microsOfDay % 1_000_000L));
  }

  /** {@code yyyy-MM-dd HH:mm:ss}, with the fraction as for TIME. */
  static String timestampText(long micros) {
    LocalDateTime time = LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), 0, ZoneOffset.UTC);
    return String.format("%s %02d:%02d:%02d", time.toLocalDate(), time.getHour(), time.getMinute(),
        time.getSecond()) + fraction((int) Math.floorMod(micros, 1_000_000L));
  }

  private static String fraction(int micros) {
    if (micros == 0) {
      return "";
    }
    String digits = String.format(".%06d", micros);
    int end = digits.length();
    while (digits.charAt(end - 1) == '0') {
      end--;
    }
    return digits.substring(0, end);
  }
}
