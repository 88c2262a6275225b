package io.quiver.sql.ddl;

import io.quiver.sql.error.SqlFrontendException;
import java.util.Locale;

/**
 * Splits the head of a statement into the few tokens DDL needs: words, double-quoted identifiers,
 * single-quoted strings, unsigned numbers and single symbols. Skips white space and comments ({@code --} to the end of the line, and
 * {@code /* ... * /}). Tracks line and column (1-based) for error messages.
 */
final class DdlTokenizer {

  enum Kind {
    WORD,
    QUOTED,
    /** A single-quoted string literal; the text is its value ({@code ''} read as one quote). */
    STRING,
    /** Digits, perhaps with one decimal point. */
    NUMBER,
    SYMBOL,
    END
  }

  /**
   * @param text a word as written, a quoted identifier without its quotes, or the symbol
   * @param start offset of the first character in the statement
   * @param end offset just after the token
   */
  record Token(Kind kind, String text, int start, int end, int line, int column) {

    boolean isWord(String keyword) {
      return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
    }

    boolean isSymbol(char symbol) {
      return kind == Kind.SYMBOL && text.charAt(0) == symbol;
    }

    String describe() {
      switch (kind) {
        case END:
          return "the end of the statement";
        case QUOTED:
          return "\"" + text + "\"";
        case STRING:
          return "string '" + text + "'";
        default:
          return "'" + text + "'";
      }
    }
  }

  private final String sql;
  private int position;
  private int line = 1;
  private int column = 1;

  DdlTokenizer(String sql) {
    this.sql = sql;
  }

  Token next() {
    skipSpaceAndComments();
    int start = position;
    int startLine = line;
    int startColumn = column;
    if (position >= sql.length()) {
      return new Token(Kind.END, "", start, start, startLine, startColumn);
    }
    char c = sql.charAt(position);
    if (Character.isLetter(c) || c == '_') {
      while (position < sql.length() && isWordPart(sql.charAt(position))) {
        advance();
      }
      return new Token(Kind.WORD, sql.substring(start, position), start, position, startLine, startColumn);
    }
    if (c == '"') {
      advance();
      StringBuilder name = new StringBuilder();
      while (true) {
        if (position >= sql.length()) {
          throw new SqlFrontendException(SqlFrontendException.Kind.SYNTAX, "unterminated quoted identifier", startLine, startColumn, null);
        }
        char q = sql.charAt(position);
        advance();
        if (q == '"') {
          if (position < sql.length() && sql.charAt(position) == '"') {
            name.append('"');
            advance();
          } else {
            break;
          }
        } else {
          name.append(q);
        }
      }
      if (name.length() == 0) {
        throw new SqlFrontendException(SqlFrontendException.Kind.SYNTAX, "empty quoted identifier", startLine, startColumn, null);
      }
      return new Token(Kind.QUOTED, name.toString(), start, position, startLine, startColumn);
    }
    if (c == '\'') {
      return string(start, startLine, startColumn);
    }
    if (Character.isDigit(c)) {
      boolean point = false;
      while (position < sql.length()
          && (Character.isDigit(sql.charAt(position)) || (!point && sql.charAt(position) == '.'))) {
        point |= sql.charAt(position) == '.';
        advance();
      }
      return new Token(Kind.NUMBER, sql.substring(start, position), start, position, startLine, startColumn);
    }
    advance();
    return new Token(Kind.SYMBOL, String.valueOf(c), start, position, startLine, startColumn);
  }

  private Token string(int start, int startLine, int startColumn) {
    advance();
    StringBuilder value = new StringBuilder();
    while (true) {
      if (position >= sql.length()) {
        throw new SqlFrontendException(SqlFrontendException.Kind.SYNTAX, "unterminated string literal",
            startLine, startColumn, null);
      }
      char q = sql.charAt(position);
      advance();
      if (q == '\'') {
        if (position < sql.length() && sql.charAt(position) == '\'') {
          value.append('\'');
          advance();
        } else {
          return new Token(Kind.STRING, value.toString(), start, position, startLine, startColumn);
        }
      } else {
        value.append(q);
      }
    }
  }

  /** A word folded as unquoted identifiers are: to lower case. */
  static String fold(String word) {
    return word.toLowerCase(Locale.ROOT);
  }

  private static boolean isWordPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }

  private void skipSpaceAndComments() {
    while (position < sql.length()) {
      char c = sql.charAt(position);
      if (Character.isWhitespace(c)) {
        advance();
      } else if (c == '-' && position + 1 < sql.length() && sql.charAt(position + 1) == '-') {
        while (position < sql.length() && sql.charAt(position) != '\n') {
          advance();
        }
      } else if (c == '/' && position + 1 < sql.length() && sql.charAt(position + 1) == '*') {
        int commentLine = line;
        int commentColumn = column;
        advance();
        advance();
        while (position < sql.length()
            && !(sql.charAt(position) == '*' && position + 1 < sql.length() && sql.charAt(position + 1) == '/')) {
          advance();
        }
        if (position >= sql.length()) {
          throw new SqlFrontendException(SqlFrontendException.Kind.SYNTAX, "unterminated comment", commentLine, commentColumn, null);
        }
        advance();
        advance();
      } else {
        return;
      }
    }
  }

  private void advance() {
    char c = sql.charAt(position++);
    if (c == '\n') {
      line++;
      column = 1;
    } else {
      column++;
    }
  }
}
