package io.quiver.exec.expression;

/**
 * Proleptic Gregorian calendar arithmetic on epoch days without allocating (the algorithms of
 * Howard Hinnant's "chrono-compatible low-level date algorithms").
 */
final class CalendarMath {

  private CalendarMath() {
  }

  /** Year, month (1-12) and day (1-31) of an epoch day, packed as year * 10000 + month * 100 + day. */
  static long civilFromDays(long epochDay) {
    long z = epochDay + 719468;
    long era = Math.floorDiv(z, 146097);
    long dayOfEra = z - era * 146097;
    long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    long year = yearOfEra + era * 400;
    long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    long shiftedMonth = (5 * dayOfYear + 2) / 153;
    long day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1;
    long month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
    if (month <= 2) {
      year++;
    }
    return year * 10000 + (year < 0 ? -1 : 1) * (month * 100 + day);
  }

  static long year(long packed) {
    return packed / 10000;
  }

  static int month(long packed) {
    return (int) (Math.abs(packed) / 100 % 100);
  }

  static int day(long packed) {
    return (int) (Math.abs(packed) % 100);
  }

  static long daysFromCivil(long year, int month, int day) {
    long y = month <= 2 ? year - 1 : year;
    long era = Math.floorDiv(y, 400);
    long yearOfEra = y - era * 400;
    long shiftedMonth = month > 2 ? month - 3 : month + 9;
    long dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1;
    long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146097 + dayOfEra - 719468;
  }

  static boolean isLeapYear(long year) {
    return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
  }

  static int daysInMonth(long year, int month) {
    switch (month) {
      case 2:
        return isLeapYear(year) ? 29 : 28;
      case 4:
      case 6:
      case 9:
      case 11:
        return 30;
      default:
        return 31;
    }
  }

  /** Adds months to an epoch day, clamping the day to the end of the target month. */
  static long plusMonths(long epochDay, long months) {
    long packed = civilFromDays(epochDay);
    long year = year(packed);
    long monthIndex = year * 12 + (month(packed) - 1) + months;
    long newYear = Math.floorDiv(monthIndex, 12);
    int newMonth = (int) Math.floorMod(monthIndex, 12) + 1;
    int newDay = Math.min(day(packed), daysInMonth(newYear, newMonth));
    return daysFromCivil(newYear, newMonth, newDay);
  }
}
