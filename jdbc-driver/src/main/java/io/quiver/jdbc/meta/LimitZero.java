package io.quiver.jdbc.meta;

import io.quiver.jdbc.client.SqlTokens;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recognizes queries whose outermost clause is {@code LIMIT 0} (or {@code FETCH FIRST 0 ROWS ONLY}):
 * BI tools send them to learn a query's columns. Such a query has no rows, so the Meta answers it
 * from the plan without starting it. Only the end of the text is looked at: a limit inside
 * parentheses is followed by a parenthesis, one in a literal or comment by its end.
 */
final class LimitZero {

  private static final Pattern TRAILING_LIMIT_ZERO = Pattern.compile(
      "(?s).*[\\s)]LIMIT\\s+0+(\\s+OFFSET\\s+\\d+(\\s+ROWS?)?)?"
      + "|(?s).*[\\s)]FETCH\\s+(FIRST|NEXT)\\s+0+\\s+ROWS?\\s+ONLY");

  private LimitZero() {
  }

  static boolean endsWithLimitZero(String sql) {
    String text = withoutTrailingNoise(sql);
    if (text.isEmpty() || startsWithExplain(text)) {
      return false;
    }
    return TRAILING_LIMIT_ZERO.matcher(text.toUpperCase(Locale.ROOT)).matches();
  }

  /** The text up to the end of its last token that is not a comment, white space or ';'. */
  private static String withoutTrailingNoise(String sql) {
    int end = 0;
    int i = 0;
    while (i < sql.length()) {
      int next = SqlTokens.next(sql, i);
      char c = sql.charAt(i);
      boolean comment = (c == '-' || c == '/') && next - i > 1;
      if (!comment && !Character.isWhitespace(c) && c != ';') {
        end = next;
      }
      i = next;
    }
    return sql.substring(0, end);
  }

  private static boolean startsWithExplain(String text) {
    String start = text.stripLeading();
    return start.regionMatches(true, 0, "EXPLAIN", 0, "EXPLAIN".length());
  }
}
