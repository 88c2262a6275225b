package io.quiver.jdbc.client;

/**
 * Steps over a SQL text token by token where that matters to text that is not parsed: string
 * literals, quoted identifiers and comments are one step each, so that a {@code ?} or a {@code {}
 * inside them is not taken for a parameter or a JDBC escape.
 */
public final class SqlTokens {

  private SqlTokens() {
  }

  /** The index just after the token (literal, identifier, comment or single character) at {@code i}. */
  public static int next(String sql, int i) {
    char c = sql.charAt(i);
    if (c == '\'' || c == '"') {
      int j = i + 1;
      while (j < sql.length()) {
        if (sql.charAt(j) == c) {
          if (j + 1 < sql.length() && sql.charAt(j + 1) == c) {
            j += 2; // doubled quote inside the literal
            continue;
          }
          return j + 1;
        }
        j++;
      }
      return sql.length();
    }
    if (c == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-') {
      int end = sql.indexOf('\n', i);
      return end < 0 ? sql.length() : end + 1;
    }
    if (c == '/' && i + 1 < sql.length() && sql.charAt(i + 1) == '*') {
      int end = sql.indexOf("*/", i + 2);
      return end < 0 ? sql.length() : end + 2;
    }
    return i + 1;
  }
}
