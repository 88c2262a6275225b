package io.quiver.exec.function.library;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.Locale;

/**
 * Date and time arithmetic on the executor's representations: DATE as days since 1970-01-01,
 * TIMESTAMP as microseconds since 1970-01-01 00:00 (no time zone). Units are PostgreSQL's field
 * names (and their plurals and abbreviations).
 */
final class Calendars {

  static final long MICROS_PER_SECOND = 1_000_000L;
  static final long MICROS_PER_DAY = 86_400L * MICROS_PER_SECOND;

  /** The units of DATE_TRUNC, DATE_PART, DATE_DIFF and DATEADD. */
  enum Unit {
    MICROSECOND, MILLISECOND, SECOND, MINUTE, HOUR, DAY, WEEK, MONTH, QUARTER, YEAR, DECADE, CENTURY, MILLENNIUM,
    // fields only DATE_PART and EXTRACT know
    DOW, ISODOW, DOY, ISOYEAR, EPOCH;

    static Unit of(String text) {
      String name = text.trim().toUpperCase(Locale.ROOT);
      switch (name) {
        case "MICROSECONDS": case "US": case "USEC": case "USECS": case "MICROSECONDS_": return MICROSECOND;
        case "MILLISECONDS": case "MS": case "MSEC": case "MSECS": return MILLISECOND;
        case "SECONDS": case "S": case "SEC": case "SECS": return SECOND;
        case "MINUTES": case "M": case "MIN": case "MINS": return MINUTE;
        case "HOURS": case "H": case "HR": case "HRS": return HOUR;
        case "DAYS": case "D": case "DAYOFMONTH": return DAY;
        case "WEEKS": case "W": case "WEEKOFYEAR": return WEEK;
        case "MONTHS": case "MON": case "MONS": return MONTH;
        case "QUARTERS": return QUARTER;
        case "YEARS": case "Y": case "YR": case "YRS": return YEAR;
        case "DECADES": return DECADE;
        case "CENTURIES": return CENTURY;
        case "MILLENNIA": case "MILLENNIUMS": return MILLENNIUM;
        case "DAYOFWEEK": case "WEEKDAY": return DOW;
        case "DAYOFYEAR": return DOY;
        default:
          try {
            return valueOf(name);
          } catch (IllegalArgumentException e) {
            throw new QuiverException(ErrorCode.INVALID_ARGUMENT, "unit '" + text + "' is not recognized");
          }
      }
    }
  }

  private Calendars() {
  }

  static LocalDateTime dateTime(long micros) {
    long days = Math.floorDiv(micros, MICROS_PER_DAY);
    long micro = Math.floorMod(micros, MICROS_PER_DAY);
    return LocalDateTime.of(LocalDate.ofEpochDay(days), LocalTime.ofNanoOfDay(micro * 1000));
  }

  static long micros(LocalDateTime dateTime) {
    return Math.addExact(Math.multiplyExact(dateTime.toLocalDate().toEpochDay(), MICROS_PER_DAY),
        dateTime.toLocalTime().toNanoOfDay() / 1000);
  }

  /** A DATE (days) or TIMESTAMP (micros) value as a date-time. */
  static LocalDateTime of(long value, boolean timestamp) {
    return timestamp ? dateTime(value) : LocalDate.ofEpochDay(value).atStartOfDay();
  }

  /** Back to the representation: days for a DATE (the time of day dropped), micros for a TIMESTAMP. */
  static long to(LocalDateTime value, boolean timestamp) {
    return timestamp ? micros(value) : value.toLocalDate().toEpochDay();
  }

  static LocalDateTime truncate(LocalDateTime value, Unit unit) {
    switch (unit) {
      case MICROSECOND:
        return value.truncatedTo(ChronoUnit.MICROS);
      case MILLISECOND:
        return value.truncatedTo(ChronoUnit.MILLIS);
      case SECOND:
        return value.truncatedTo(ChronoUnit.SECONDS);
      case MINUTE:
        return value.truncatedTo(ChronoUnit.MINUTES);
      case HOUR:
        return value.truncatedTo(ChronoUnit.HOURS);
      case DAY:
        return value.truncatedTo(ChronoUnit.DAYS);
      case WEEK:
        return value.toLocalDate().with(DayOfWeek.MONDAY).atStartOfDay();
      case MONTH:
        return value.toLocalDate().withDayOfMonth(1).atStartOfDay();
      case QUARTER:
        return LocalDate.of(value.getYear(), (value.getMonthValue() - 1) / 3 * 3 + 1, 1).atStartOfDay();
      case YEAR:
        return LocalDate.of(value.getYear(), 1, 1).atStartOfDay();
      case DECADE:
        return LocalDate.of(Math.floorDiv(value.getYear(), 10) * 10, 1, 1).atStartOfDay();
      case CENTURY:
        return LocalDate.of(centuryStart(value.getYear()), 1, 1).atStartOfDay();
      case MILLENNIUM:
        return LocalDate.of(millenniumStart(value.getYear()), 1, 1).atStartOfDay();
      default:
        throw new QuiverException(ErrorCode.INVALID_ARGUMENT, "DATE_TRUNC: unit " + unit.name().toLowerCase(Locale.ROOT)
            + " is not supported");
    }
  }

  private static int centuryStart(int year) {
    return year > 0 ? (year - 1) / 100 * 100 + 1 : -((-year) / 100 * 100) - 99;
  }

  private static int millenniumStart(int year) {
    return year > 0 ? (year - 1) / 1000 * 1000 + 1 : -((-year) / 1000 * 1000) - 999;
  }

  /** DATE_PART / EXTRACT: the field as a whole number (SECOND without its fraction, EPOCH in whole seconds). */
  static long part(LocalDateTime value, Unit unit, long epochMicros) {
    switch (unit) {
      case MICROSECOND:
        return value.getSecond() * MICROS_PER_SECOND + value.getNano() / 1000;
      case MILLISECOND:
        return value.getSecond() * 1000L + value.getNano() / 1_000_000;
      case SECOND:
        return value.getSecond();
      case MINUTE:
        return value.getMinute();
      case HOUR:
        return value.getHour();
      case DAY:
        return value.getDayOfMonth();
      case WEEK:
        return value.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
      case MONTH:
        return value.getMonthValue();
      case QUARTER:
        return (value.getMonthValue() - 1) / 3 + 1;
      case YEAR:
        return value.getYear();
      case DECADE:
        return Math.floorDiv(value.getYear(), 10);
      case CENTURY:
        return value.getYear() > 0 ? (value.getYear() + 99) / 100 : -((99 - value.getYear()) / 100);
      case MILLENNIUM:
        return value.getYear() > 0 ? (value.getYear() + 999) / 1000 : -((999 - value.getYear()) / 1000);
      case DOW:
        return value.getDayOfWeek().getValue() % 7;
      case ISODOW:
        return value.getDayOfWeek().getValue();
      case DOY:
        return value.getDayOfYear();
      case ISOYEAR:
        return value.get(IsoFields.WEEK_BASED_YEAR);
      default:
        return Math.floorDiv(epochMicros, MICROS_PER_SECOND);
    }
  }

  /** value + amount units; months clamp to the month's last day (1995-01-31 + 1 month = 1995-02-28). */
  static LocalDateTime add(LocalDateTime value, Unit unit, long amount) {
    switch (unit) {
      case MICROSECOND:
        return value.plus(amount, ChronoUnit.MICROS);
      case MILLISECOND:
        return value.plus(amount, ChronoUnit.MILLIS);
      case SECOND:
        return value.plusSeconds(amount);
      case MINUTE:
        return value.plusMinutes(amount);
      case HOUR:
        return value.plusHours(amount);
      case DAY:
        return value.plusDays(amount);
      case WEEK:
        return value.plusWeeks(amount);
      case MONTH:
        return value.plusMonths(amount);
      case QUARTER:
        return value.plusMonths(Math.multiplyExact(amount, 3));
      case YEAR:
        return value.plusYears(amount);
      case DECADE:
        return value.plusYears(Math.multiplyExact(amount, 10));
      case CENTURY:
        return value.plusYears(Math.multiplyExact(amount, 100));
      case MILLENNIUM:
        return value.plusYears(Math.multiplyExact(amount, 1000));
      default:
        throw new QuiverException(ErrorCode.INVALID_ARGUMENT, "cannot add a " + unit.name().toLowerCase(Locale.ROOT));
    }
  }

  /**
   * DATE_DIFF: how many unit boundaries lie between start and end (DuckDB: date_diff('month',
   * 2020-01-31, 2020-02-01) = 1), negative when end is before start; weeks are whole weeks of days.
   */
  static long boundaries(LocalDateTime start, LocalDateTime end, Unit unit) {
    switch (unit) {
      case YEAR:
        return (long) end.getYear() - start.getYear();
      case QUARTER:
        return quarterIndex(end) - quarterIndex(start);
      case MONTH:
        return monthIndex(end) - monthIndex(start);
      case DECADE:
        return Math.floorDiv(end.getYear(), 10) - Math.floorDiv(start.getYear(), 10);
      case CENTURY:
        return part(end, Unit.CENTURY, 0) - part(start, Unit.CENTURY, 0);
      case MILLENNIUM:
        return part(end, Unit.MILLENNIUM, 0) - part(start, Unit.MILLENNIUM, 0);
      case WEEK:
        // Whole weeks of days, as DuckDB counts them (not Monday boundaries).
        return ChronoUnit.DAYS.between(truncate(start, Unit.DAY), truncate(end, Unit.DAY)) / 7;
      default:
        return ChronoUnit.valueOf(chrono(unit)).between(truncate(start, unit), truncate(end, unit));
    }
  }

  /** TIMESTAMPDIFF: how many whole units fit between start and end (MySQL, Calcite). */
  static long whole(LocalDateTime start, LocalDateTime end, Unit unit) {
    switch (unit) {
      case QUARTER:
        return ChronoUnit.MONTHS.between(start, end) / 3;
      case DECADE:
        return ChronoUnit.YEARS.between(start, end) / 10;
      case CENTURY:
        return ChronoUnit.YEARS.between(start, end) / 100;
      case MILLENNIUM:
        return ChronoUnit.YEARS.between(start, end) / 1000;
      default:
        return ChronoUnit.valueOf(chrono(unit)).between(start, end);
    }
  }

  private static String chrono(Unit unit) {
    switch (unit) {
      case MICROSECOND:
        return "MICROS";
      case MILLISECOND:
        return "MILLIS";
      case SECOND:
        return "SECONDS";
      case MINUTE:
        return "MINUTES";
      case HOUR:
        return "HOURS";
      case DAY:
        return "DAYS";
      case WEEK:
        return "WEEKS";
      case MONTH:
        return "MONTHS";
      case YEAR:
        return "YEARS";
      default:
        throw new QuiverException(ErrorCode.INVALID_ARGUMENT, "unit " + unit.name().toLowerCase(Locale.ROOT)
            + " cannot measure a difference");
    }
  }

  private static long monthIndex(LocalDateTime value) {
    return value.getYear() * 12L + value.getMonthValue() - 1;
  }

  private static long quarterIndex(LocalDateTime value) {
    return value.getYear() * 4L + (value.getMonthValue() - 1) / 3;
  }
}
