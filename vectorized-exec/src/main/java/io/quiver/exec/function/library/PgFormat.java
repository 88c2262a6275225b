package io.quiver.exec.function.library;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.TextStyle;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * PostgreSQL's date/time template patterns (TO_CHAR, TO_DATE, TO_TIMESTAMP): YYYY YYY YY Y IYYY, MM,
 * MONTH Month month MON Mon mon, DD DDD D ID, DAY Day day DY Dy dy, HH HH12 HH24 MI SS MS US, AM PM
 * am pm A.M. P.M., Q, WW IW, the FM prefix (no padding), "quoted text" and other characters as
 * they are. A pattern is parsed once into its fields.
 */
final class PgFormat {

  private static final String[] FIELDS = {
      "HH24", "HH12", "HH", "MI", "SS", "MS", "US", "A.M.", "P.M.", "a.m.", "p.m.", "AM", "PM", "am", "pm",
      "YYYY", "IYYY", "YYY", "YY", "Y", "MONTH", "Month", "month", "MON", "Mon", "mon", "MM",
      "DAY", "Day", "day", "DDD", "DD", "DY", "Dy", "dy", "D", "ID", "IW", "WW", "Q"};

  private record Piece(String field, String literal, boolean fillMode) {
  }

  private final List<Piece> pieces = new ArrayList<>();

  PgFormat(String pattern) {
    int i = 0;
    while (i < pattern.length()) {
      boolean fill = false;
      if (pattern.startsWith("FM", i)) {
        fill = true;
        i += 2;
      }
      if (i < pattern.length() && pattern.charAt(i) == '"') {
        int end = pattern.indexOf('"', i + 1);
        end = end < 0 ? pattern.length() : end;
        pieces.add(new Piece(null, pattern.substring(i + 1, end), false));
        i = Math.min(pattern.length(), end + 1);
        continue;
      }
      String found = null;
      for (String field : FIELDS) {
        if (pattern.startsWith(field, i)) {
          found = field;
          break;
        }
      }
      if (found == null) {
        if (i < pattern.length()) {
          pieces.add(new Piece(null, String.valueOf(pattern.charAt(i)), false));
          i++;
        }
      } else {
        pieces.add(new Piece(found, null, fill));
        i += found.length();
      }
    }
  }

  String format(LocalDateTime value) {
    StringBuilder text = new StringBuilder();
    for (Piece piece : pieces) {
      if (piece.field == null) {
        text.append(piece.literal);
        continue;
      }
      boolean fill = piece.fillMode;
      switch (piece.field) {
        case "HH24": number(text, value.getHour(), 2, fill); break;
        case "HH12": case "HH": number(text, value.getHour() % 12 == 0 ? 12 : value.getHour() % 12, 2, fill); break;
        case "MI": number(text, value.getMinute(), 2, fill); break;
        case "SS": number(text, value.getSecond(), 2, fill); break;
        case "MS": number(text, value.getNano() / 1_000_000, 3, fill); break;
        case "US": number(text, value.getNano() / 1000, 6, fill); break;
        case "AM": case "PM": text.append(value.getHour() < 12 ? "AM" : "PM"); break;
        case "am": case "pm": text.append(value.getHour() < 12 ? "am" : "pm"); break;
        case "A.M.": case "P.M.": text.append(value.getHour() < 12 ? "A.M." : "P.M."); break;
        case "a.m.": case "p.m.": text.append(value.getHour() < 12 ? "a.m." : "p.m."); break;
        case "YYYY": number(text, value.getYear(), 4, fill); break;
        case "IYYY": number(text, value.get(IsoFields.WEEK_BASED_YEAR), 4, fill); break;
        case "YYY": number(text, Math.floorMod(value.getYear(), 1000), 3, fill); break;
        case "YY": number(text, Math.floorMod(value.getYear(), 100), 2, fill); break;
        case "Y": number(text, Math.floorMod(value.getYear(), 10), 1, fill); break;
        case "MM": number(text, value.getMonthValue(), 2, fill); break;
        case "MONTH": name(text, value.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH).toUpperCase(Locale.ROOT), 9, fill); break;
        case "Month": name(text, value.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH), 9, fill); break;
        case "month": name(text, value.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT), 9, fill); break;
        case "MON": text.append(value.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toUpperCase(Locale.ROOT)); break;
        case "Mon": text.append(value.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH)); break;
        case "mon": text.append(value.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toLowerCase(Locale.ROOT)); break;
        case "DAY": name(text, value.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH).toUpperCase(Locale.ROOT), 9, fill); break;
        case "Day": name(text, value.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH), 9, fill); break;
        case "day": name(text, value.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT), 9, fill); break;
        case "DY": text.append(value.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toUpperCase(Locale.ROOT)); break;
        case "Dy": text.append(value.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH)); break;
        case "dy": text.append(value.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toLowerCase(Locale.ROOT)); break;
        case "DDD": number(text, value.getDayOfYear(), 3, fill); break;
        case "DD": number(text, value.getDayOfMonth(), 2, fill); break;
        case "D": text.append(value.getDayOfWeek().getValue() % 7 + 1); break;
        case "ID": text.append(value.getDayOfWeek().getValue()); break;
        case "IW": number(text, value.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), 2, fill); break;
        case "WW": number(text, (value.getDayOfYear() - 1) / 7 + 1, 2, fill); break;
        default: text.append((value.getMonthValue() - 1) / 3 + 1); break;
      }
    }
    return text.toString();
  }

  private static void number(StringBuilder text, int value, int width, boolean fill) {
    String digits = Integer.toString(Math.abs(value));
    if (value < 0) {
      text.append('-');
    }
    if (!fill) {
      text.append("0".repeat(Math.max(0, width - digits.length())));
    }
    text.append(digits);
  }

  private static void name(StringBuilder text, String name, int width, boolean fill) {
    text.append(name);
    if (!fill) {
      text.append(" ".repeat(Math.max(0, width - name.length())));
    }
  }

  /** Reads text written in this pattern; fields the pattern lacks default to 1 (month, day) or 0. */
  LocalDateTime parse(String text) {
    int year = 1970;
    int month = 1;
    int day = 1;
    int dayOfYear = -1;
    int hour = 0;
    int minute = 0;
    int second = 0;
    int nanos = 0;
    Boolean pm = null;
    int i = 0;
    try {
      for (Piece piece : pieces) {
        if (piece.field == null) {
          for (int c = 0; c < piece.literal.length() && i < text.length(); c++) {
            if (Character.isWhitespace(piece.literal.charAt(c)) || !Character.isLetterOrDigit(text.charAt(i))) {
              i++;
            }
          }
          continue;
        }
        while (i < text.length() && text.charAt(i) == ' ' && !piece.field.equals("D")) {
          i++;
        }
        String field = piece.field;
        switch (field) {
          case "HH24": case "HH12": case "HH": { int[] r = digits(text, i, 2); hour = r[0]; i = r[1]; break; }
          case "MI": { int[] r = digits(text, i, 2); minute = r[0]; i = r[1]; break; }
          case "SS": { int[] r = digits(text, i, 2); second = r[0]; i = r[1]; break; }
          case "MS": { int[] r = digits(text, i, 3); nanos = r[0] * 1_000_000 * (int) Math.pow(10, 3 - (r[1] - i)); i = r[1]; break; }
          case "US": { int[] r = digits(text, i, 6); nanos = r[0] * 1000 * (int) Math.pow(10, 6 - (r[1] - i)); i = r[1]; break; }
          case "AM": case "PM": case "am": case "pm": case "A.M.": case "P.M.": case "a.m.": case "p.m.": {
            String rest = text.substring(i).toUpperCase(Locale.ROOT);
            pm = rest.startsWith("PM") || rest.startsWith("P.M.");
            i += rest.startsWith("A.M.") || rest.startsWith("P.M.") ? 4 : 2;
            break;
          }
          case "YYYY": case "IYYY": { int[] r = signedDigits(text, i, 4); year = r[0]; i = r[1]; break; }
          case "YYY": { int[] r = digits(text, i, 3); year = 2000 + r[0] % 1000 - (r[0] >= 500 ? 1000 : 0); i = r[1]; break; }
          case "YY": { int[] r = digits(text, i, 2); year = r[0] < 70 ? 2000 + r[0] : 1900 + r[0]; i = r[1]; break; }
          case "Y": { int[] r = digits(text, i, 1); year = 2000 + r[0]; i = r[1]; break; }
          case "MM": { int[] r = digits(text, i, 2); month = r[0]; i = r[1]; break; }
          case "MONTH": case "Month": case "month": case "MON": case "Mon": case "mon": {
            int[] r = monthName(text, i, field.length() == 3); month = r[0]; i = r[1]; break;
          }
          case "DAY": case "Day": case "day": case "DY": case "Dy": case "dy": {
            while (i < text.length() && Character.isLetter(text.charAt(i))) {
              i++;
            }
            break;
          }
          case "DDD": { int[] r = digits(text, i, 3); dayOfYear = r[0]; i = r[1]; break; }
          case "DD": { int[] r = digits(text, i, 2); day = r[0]; i = r[1]; break; }
          default: { int[] r = digits(text, i, 2); i = r[1]; break; }
        }
      }
      if (i < text.length() && !text.substring(i).isBlank()) {
        throw new DateTimeException("trailing characters");
      }
      if (pm != null && hour <= 12) {
        hour = pm ? (hour % 12) + 12 : hour % 12;
      }
      LocalDate date = dayOfYear > 0 ? LocalDate.ofYearDay(year, dayOfYear) : LocalDate.of(year, month, day);
      return date.atTime(hour, minute, second, nanos);
    } catch (DateTimeException | IndexOutOfBoundsException | NumberFormatException e) {
      throw new QuiverException(ErrorCode.INVALID_DATETIME, "'" + text + "' does not match the pattern: " + e.getMessage());
    }
  }

  private static int[] digits(String text, int start, int max) {
    int end = start;
    while (end < text.length() && end - start < max && Character.isDigit(text.charAt(end))) {
      end++;
    }
    if (end == start) {
      throw new DateTimeException("a number is expected at position " + (start + 1));
    }
    return new int[] {Integer.parseInt(text.substring(start, end)), end};
  }

  private static int[] signedDigits(String text, int start, int max) {
    boolean negative = start < text.length() && text.charAt(start) == '-';
    int[] result = digits(text, negative ? start + 1 : start, max);
    return new int[] {negative ? -result[0] : result[0], result[1]};
  }

  private static int[] monthName(String text, int start, boolean abbreviated) {
    String rest = text.substring(start).toLowerCase(Locale.ROOT);
    for (java.time.Month month : java.time.Month.values()) {
      String full = month.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT);
      String shortName = month.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toLowerCase(Locale.ROOT);
      if (!abbreviated && rest.startsWith(full)) {
        return new int[] {month.getValue(), start + full.length()};
      }
      if (rest.startsWith(shortName)) {
        return new int[] {month.getValue(), start + shortName.length()};
      }
    }
    throw new DateTimeException("a month name is expected at position " + (start + 1));
  }
}
