package io.quiver.exec.function.library;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * PostgreSQL's number template patterns for TO_CHAR: {@code 9} (a digit, blank when a leading
 * zero), {@code 0} (a digit, zero kept), {@code .} and {@code D} (the decimal point), {@code ,} and
 * {@code G} (a group separator, blank among leading blanks), {@code S} (the sign, anchored where it
 * is written), {@code MI} (minus or blank), {@code PL} (plus or blank), {@code SG} (plus or minus),
 * {@code PR} (a negative value in angle brackets), {@code FM} (no padding and no trailing zeros from
 * {@code 9}), {@code "quoted text"} and other characters as they are. Without a sign element a
 * sign position stands before the first digit ({@code TO_CHAR(-5, '999')} is {@code '  -5'}).
 * The value is rounded half away from zero to the pattern's fraction digits; a value whose integer
 * digits do not fit fills every digit position with {@code #}. {@code EEEE}, {@code RN}, {@code V}
 * and {@code TH} are refused (22023). The C locale's {@code .} and {@code ,} are used.
 */
final class PgNumberFormat {

  private final String pattern;
  private final boolean fillMode;
  private final int integerDigits;
  private final int fractionDigits;
  private final boolean explicitSign;

  PgNumberFormat(String pattern) {
    this.pattern = pattern;
    boolean fill = false;
    boolean point = false;
    boolean sign = false;
    int integers = 0;
    int fractions = 0;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      String upper = pattern.substring(i).toUpperCase(java.util.Locale.ROOT);
      if (c == '"') {
        int end = pattern.indexOf('"', i + 1);
        i = end < 0 ? pattern.length() : end;
      } else if (upper.startsWith("FM")) {
        fill = true;
        i++;
      } else if (c == '9' || c == '0') {
        if (point) {
          fractions++;
        } else {
          integers++;
        }
      } else if (c == '.' || c == 'D' || c == 'd') {
        if (point) {
          throw new QuiverException(ErrorCode.INVALID_PARAMETER, "multiple decimal points in TO_CHAR pattern '"
              + pattern + "'");
        }
        point = true;
      } else if (upper.startsWith("MI") || upper.startsWith("PL") || upper.startsWith("SG")
          || upper.startsWith("PR")) {
        sign = true;
        i++;
      } else if (c == 'S' || c == 's') {
        sign = true;
      } else if (upper.startsWith("EEEE") || upper.startsWith("RN") || upper.startsWith("TH")
          || c == 'V' || c == 'v') {
        throw new QuiverException(ErrorCode.INVALID_PARAMETER, "TO_CHAR number pattern element '"
            + pattern.substring(i, Math.min(pattern.length(), i + (upper.startsWith("EEEE") ? 4 : c == 'V'
                || c == 'v' ? 1 : 2))) + "' is not supported");
      }
    }
    this.fillMode = fill;
    this.integerDigits = integers;
    this.fractionDigits = fractions;
    this.explicitSign = sign;
  }

  /** {@code value} written with the pattern. */
  String format(BigDecimal value) {
    BigDecimal rounded = value.setScale(fractionDigits, RoundingMode.HALF_UP);
    boolean negative = rounded.signum() < 0;
    String digits = rounded.abs().toPlainString();
    int dot = digits.indexOf('.');
    String integerPart = dot < 0 ? digits : digits.substring(0, dot);
    String fractionPart = dot < 0 ? "" : digits.substring(dot + 1);
    if ("0".equals(integerPart)) {
      integerPart = "";
    }
    boolean overflow = integerPart.length() > integerDigits;
    boolean hasPoint = fractionDigits > 0 || hasDecimalPoint();
    // Digits printed left of the point: the value's, right-aligned on the pattern's positions.
    int padding = integerDigits - integerPart.length();
    StringBuilder out = new StringBuilder();
    int integerPosition = 0;
    int fractionPosition = 0;
    boolean started = false;
    boolean signWritten = false;
    boolean point = false;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      String upper = pattern.substring(i).toUpperCase(java.util.Locale.ROOT);
      if (c == '"') {
        int end = pattern.indexOf('"', i + 1);
        out.append(pattern, i + 1, end < 0 ? pattern.length() : end);
        i = end < 0 ? pattern.length() : end;
      } else if (upper.startsWith("FM")) {
        i++;
      } else if ((c == '9' || c == '0') && !point) {
        int position = integerPosition++;
        boolean last = integerPosition == integerDigits;
        if (overflow) {
          out.append('#');
          continue;
        }
        if (position >= padding) {
          if (!started) {
            started = true;
            signWritten = leadingSign(out, negative, signWritten);
          }
          out.append(integerPart.charAt(position - padding));
        } else if (c == '0' || last && !hasPoint) {
          if (!started) {
            started = true;
            signWritten = leadingSign(out, negative, signWritten);
          }
          out.append('0');
        } else {
          out.append(' ');
        }
      } else if (c == '9' || c == '0') {
        out.append(overflow ? '#' : fractionPart.charAt(fractionPosition));
        fractionPosition++;
      } else if (c == '.' || c == 'D' || c == 'd') {
        if (!started) {
          started = true;
          signWritten = leadingSign(out, negative, signWritten);
        }
        point = true;
        out.append(overflow ? '#' : '.');
      } else if (c == ',' || c == 'G' || c == 'g') {
        out.append(started || overflow ? ',' : ' ');
      } else if (upper.startsWith("MI")) {
        out.append(negative ? '-' : ' ');
        i++;
      } else if (upper.startsWith("PL")) {
        out.append(negative ? ' ' : '+');
        i++;
      } else if (upper.startsWith("SG")) {
        out.append(negative ? '-' : '+');
        i++;
      } else if (upper.startsWith("PR")) {
        i++;
      } else if (c == 'S' || c == 's') {
        out.append(negative ? '-' : '+');
      } else {
        out.append(c);
      }
    }
    if (!started && !explicitSign) {
      out.insert(0, negative ? '-' : ' ');
    }
    String text = out.toString();
    if (isAngleBracketNegative()) {
      text = negative ? "<" + text + ">" : " " + text + " ";
    }
    if (fillMode) {
      text = trimForFillMode(text);
    }
    return text;
  }

  private boolean leadingSign(StringBuilder out, boolean negative, boolean written) {
    if (!explicitSign && !written) {
      out.append(negative ? '-' : ' ');
    }
    return true;
  }

  private boolean hasDecimalPoint() {
    String upper = pattern.toUpperCase(java.util.Locale.ROOT);
    return upper.indexOf('.') >= 0 || upper.replace("FM", "").indexOf('D') >= 0;
  }

  private boolean isAngleBracketNegative() {
    return pattern.toUpperCase(java.util.Locale.ROOT).contains("PR");
  }

  /** FM: no blanks around the value and no trailing zeros that {@code 9} fraction positions wrote. */
  private String trimForFillMode(String text) {
    String trimmed = text.strip();
    int lastNine = pattern.lastIndexOf('9');
    int lastZero = pattern.lastIndexOf('0');
    int pointAt = Math.max(pattern.indexOf('.'), pattern.toUpperCase(java.util.Locale.ROOT).indexOf('D'));
    if (pointAt >= 0 && lastNine > pointAt && lastNine > lastZero) {
      int dot = trimmed.indexOf('.');
      if (dot >= 0) {
        int end = trimmed.length();
        int keep = dot + 1 + Math.max(0, lastZero - pointAt);
        while (end > keep && trimmed.charAt(end - 1) == '0') {
          end--;
        }
        trimmed = trimmed.substring(0, end);
      }
    }
    return trimmed;
  }
}
