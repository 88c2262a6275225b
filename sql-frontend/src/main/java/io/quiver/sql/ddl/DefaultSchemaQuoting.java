package io.quiver.sql.ddl;

/**
 * Lets queries name a schema called {@code default} without quotes ({@code memory.default.t}), as
 * users of Spark and Trino write it, and the catalog {@code system}
 * ({@code system.information_schema.tables}). Calcite reserves DEFAULT and SYSTEM, so such names
 * are syntax errors; where {@code default} stands between two dots of a qualified name, or
 * {@code system} right before a dot (where neither keyword can ever stand), the word is quoted
 * here. Text inside string literals, quoted identifiers and comments is left alone. Columns of
 * errors later on the same line move by two for each name quoted.
 */
public final class DefaultSchemaQuoting {

  private static final String WORD = "default";
  private static final String SYSTEM = "system";

  private DefaultSchemaQuoting() {
  }

  /** {@code sql} with every {@code .default.} (unquoted, any case) written {@code ."default".}. */
  public static String apply(String sql) {
    if (sql == null) {
      return null;
    }
    String lower = sql.toLowerCase(java.util.Locale.ROOT);
    if (lower.indexOf(WORD) < 0 && lower.indexOf(SYSTEM) < 0) {
      return sql;
    }
    StringBuilder out = null;
    int copied = 0;
    int i = 0;
    int length = sql.length();
    while (i < length) {
      char c = sql.charAt(i);
      if (c == '\'' || c == '"') {
        i = skipQuoted(sql, i, c);
      } else if (c == '-' && i + 1 < length && sql.charAt(i + 1) == '-') {
        while (i < length && sql.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '/' && i + 1 < length && sql.charAt(i + 1) == '*') {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? length : end + 2;
      } else if (Character.isLetter(c) || c == '_') {
        int start = i;
        while (i < length && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_'
            || sql.charAt(i) == '$')) {
          i++;
        }
        String quoted = null;
        if (i - start == WORD.length() && sql.regionMatches(true, start, WORD, 0, WORD.length())
            && dotBefore(sql, start) && dotAfter(sql, i)) {
          quoted = WORD;
        } else if (i - start == SYSTEM.length() && sql.regionMatches(true, start, SYSTEM, 0, SYSTEM.length())
            && dotAfter(sql, i)) {
          quoted = SYSTEM;
        }
        if (quoted != null) {
          if (out == null) {
            out = new StringBuilder(length + 8);
          }
          out.append(sql, copied, start).append('"').append(quoted).append('"');
          copied = i;
        }
      } else {
        i++;
      }
    }
    if (out == null) {
      return sql;
    }
    return out.append(sql, copied, length).toString();
  }

  private static int skipQuoted(String sql, int start, char quote) {
    int i = start + 1;
    while (i < sql.length()) {
      if (sql.charAt(i) == quote) {
        if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return sql.length();
  }

  private static boolean dotBefore(String sql, int start) {
    int i = start - 1;
    while (i >= 0 && Character.isWhitespace(sql.charAt(i))) {
      i--;
    }
    return i >= 0 && sql.charAt(i) == '.';
  }

  private static boolean dotAfter(String sql, int end) {
    int i = end;
    while (i < sql.length() && Character.isWhitespace(sql.charAt(i))) {
      i++;
    }
    return i < sql.length() && sql.charAt(i) == '.';
  }
}
