package io.quiver.exec.expression;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.arrow.memory.ArrowBuf;

/**
 * A compiled LIKE pattern. Patterns made only of literal text and {@code %} match on UTF-8 bytes
 * without decoding: exact ('abc'), prefix ('abc%'), suffix ('%abc'), contains ('%abc%') and the
 * general '%a%b%' (segments found left to right). Patterns with {@code _} use a regular expression
 * on the decoded text ({@code _} is one code point, which bytes cannot express cheaply).
 */
final class LikePattern {

  private final String source;
  /** Literal segments between '%' wildcards; null when the pattern needs the regex. */
  private final byte[][] segments;
  private final Pattern regex;

  private LikePattern(String source, byte[][] segments, Pattern regex) {
    this.source = source;
    this.segments = segments;
    this.regex = regex;
  }

  /**
   * Compiles {@code pattern}; {@code escape} is null or a one-character string.
   *
   * @throws QuiverException INVALID_ARGUMENT for an escape that is not one character or a pattern
   *     that ends with the escape or escapes an ordinary character
   */
  static LikePattern compile(String pattern, String escape) {
    int escapeChar = -1;
    if (escape != null) {
      if (escape.codePointCount(0, escape.length()) != 1) {
        throw new QuiverException(ErrorCode.INVALID_ARGUMENT,
            "LIKE escape must be a single character, got '" + escape + "'");
      }
      escapeChar = escape.codePointAt(0);
    }
    List<StringBuilder> literalSegments = new ArrayList<>();
    literalSegments.add(new StringBuilder());
    StringBuilder regex = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    boolean anyOne = false;
    for (int i = 0; i < pattern.length(); ) {
      int c = pattern.codePointAt(i);
      i += Character.charCount(c);
      if (c == escapeChar) {
        if (i >= pattern.length()) {
          throw new QuiverException(ErrorCode.INVALID_ARGUMENT,
              "LIKE pattern '" + pattern + "' ends with the escape character");
        }
        int next = pattern.codePointAt(i);
        i += Character.charCount(next);
        if (next != '%' && next != '_' && next != escapeChar) {
          throw new QuiverException(ErrorCode.INVALID_ARGUMENT,
              "LIKE pattern '" + pattern + "' escapes '" + new String(Character.toChars(next))
                  + "', only %, _ and the escape character may be escaped");
        }
        literal.appendCodePoint(next);
        literalSegments.get(literalSegments.size() - 1).appendCodePoint(next);
      } else if (c == '%') {
        flush(regex, literal);
        regex.append(".*");
        literalSegments.add(new StringBuilder());
      } else if (c == '_') {
        flush(regex, literal);
        regex.append('.');
        anyOne = true;
      } else {
        literal.appendCodePoint(c);
        literalSegments.get(literalSegments.size() - 1).appendCodePoint(c);
      }
    }
    flush(regex, literal);
    if (anyOne) {
      return new LikePattern(pattern, null, Pattern.compile(regex.toString(), Pattern.DOTALL));
    }
    byte[][] segments = new byte[literalSegments.size()][];
    for (int s = 0; s < segments.length; s++) {
      segments[s] = literalSegments.get(s).toString().getBytes(StandardCharsets.UTF_8);
    }
    return new LikePattern(pattern, segments, null);
  }

  private static void flush(StringBuilder regex, StringBuilder literal) {
    if (literal.length() > 0) {
      regex.append(Pattern.quote(literal.toString()));
      literal.setLength(0);
    }
  }

  /** Matches the UTF-8 bytes {@code data[start, end)}. */
  boolean matches(ArrowBuf data, int start, int end) {
    if (segments == null) {
      byte[] bytes = new byte[end - start];
      data.getBytes(start, bytes, 0, bytes.length);
      return regex.matcher(new String(bytes, StandardCharsets.UTF_8)).matches();
    }
    byte[] first = segments[0];
    if (segments.length == 1) {
      return TextComparisonKernel.equalBytes(data, start, end - start, first);
    }
    byte[] last = segments[segments.length - 1];
    if (end - start < first.length + last.length
        || !regionEquals(data, start, first)
        || !regionEquals(data, end - last.length, last)) {
      return false;
    }
    int position = start + first.length;
    int limit = end - last.length;
    for (int s = 1; s < segments.length - 1; s++) {
      byte[] segment = segments[s];
      if (segment.length == 0) {
        continue;
      }
      int found = indexOf(data, position, limit, segment);
      if (found < 0) {
        return false;
      }
      position = found + segment.length;
    }
    return true;
  }

  private static boolean regionEquals(ArrowBuf data, int start, byte[] bytes) {
    for (int i = 0; i < bytes.length; i++) {
      if (data.getByte(start + i) != bytes[i]) {
        return false;
      }
    }
    return true;
  }

  /** First position of {@code needle} in {@code data[from, to)}, or -1. */
  static int indexOf(ArrowBuf data, int from, int to, byte[] needle) {
    byte first = needle[0];
    int lastStart = to - needle.length;
    outer:
    for (int i = from; i <= lastStart; i++) {
      if (data.getByte(i) != first) {
        continue;
      }
      for (int k = 1; k < needle.length; k++) {
        if (data.getByte(i + k) != needle[k]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  @Override
  public String toString() {
    return "'" + source + "'";
  }
}
