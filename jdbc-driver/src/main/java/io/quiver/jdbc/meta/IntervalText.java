package io.quiver.jdbc.meta;

/**
 * INTERVAL values as PostgreSQL prints them (its default {@code IntervalStyle}): {@code 1 day
 * 01:30:00}, {@code -2 days -00:00:00.5}, {@code 1 year 2 mons}, {@code 00:00:00} for zero. A
 * day-time interval is held as microseconds, so whole days are split off at 24 hours (as PostgreSQL
 * does for {@code timestamp - timestamp}; it keeps {@code INTERVAL '36' HOUR} as 36:00:00).
 */
final class IntervalText {

  private static final long MICROS_PER_SECOND = 1_000_000L;
  private static final long MICROS_PER_DAY = 86_400L * MICROS_PER_SECOND;

  private IntervalText() {
  }

  /** A day-time interval of {@code micros} microseconds. */
  static String dayTime(long micros) {
    long days = micros / MICROS_PER_DAY;
    long rest = micros % MICROS_PER_DAY;
    StringBuilder text = new StringBuilder();
    if (days != 0) {
      text.append(days).append(days == 1 ? " day" : " days");
    }
    if (rest != 0 || days == 0) {
      if (text.length() > 0) {
        text.append(' ');
      }
      if (rest < 0) {
        text.append('-');
        rest = -rest;
      }
      long seconds = rest / MICROS_PER_SECOND;
      long fraction = rest % MICROS_PER_SECOND;
      text.append(twoDigits(seconds / 3600)).append(':').append(twoDigits(seconds / 60 % 60)).append(':')
          .append(twoDigits(seconds % 60));
      if (fraction != 0) {
        String digits = String.format("%06d", fraction);
        int end = digits.length();
        while (digits.charAt(end - 1) == '0') {
          end--;
        }
        text.append('.').append(digits, 0, end);
      }
    }
    return text.toString();
  }

  /** A year-month interval of {@code months} months. */
  static String yearMonth(long months) {
    if (months == 0) {
      return "00:00:00";
    }
    long years = months / 12;
    long rest = months % 12;
    StringBuilder text = new StringBuilder();
    if (years != 0) {
      text.append(years).append(years == 1 ? " year" : " years");
    }
    if (rest != 0) {
      if (text.length() > 0) {
        text.append(' ');
      }
      text.append(rest).append(rest == 1 ? " mon" : " mons");
    }
    return text.toString();
  }

  private static String twoDigits(long value) {
    return value < 10 ? "0" + value : Long.toString(value);
  }
}
