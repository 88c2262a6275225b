package io.quiver.sql.parser;

import io.quiver.sql.error.SqlFrontendException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.parser.SqlParser;

/**
 * Parses one SQL statement. Thread-safe (a new Calcite parser per call).
 *
 * <p>{@code EXPLAIN query}, {@code EXPLAIN PLAN FOR query}, {@code EXPLAIN ANALYZE query} and
 * PostgreSQL's {@code EXPLAIN (ANALYZE, FORMAT JSON) query} are recognized here rather than by
 * Calcite's grammar (which only knows the second form): the prefix is blanked out, keeping line and
 * column numbers of the rest of the text exact for error messages. (The generated statement parser
 * replaces this prefix match.)
 */
public final class StatementParser {

  private static final Pattern EXPLAIN_PREFIX = Pattern.compile(
      "\\A(\\s*)explain(\\s+plan\\s+for|\\s+analyze|\\s*\\((\\s*(?:analyze|format)\\b[^)]*)\\))?(?=\\s|\\()",
      Pattern.CASE_INSENSITIVE);

  private StatementParser() {
  }

  /**
   * @throws SqlFrontendException of kind SYNTAX, with the line and column
   */
  public static ParsedStatement parse(String sql) {
    if (sql == null || sql.isBlank()) {
      throw new SqlFrontendException(SqlFrontendException.Kind.SYNTAX, "empty statement", 0, 0, null);
    }
    boolean explain = false;
    boolean analyze = false;
    boolean json = false;
    String text = withoutTrailingSemicolon(sql);
    Matcher matcher = EXPLAIN_PREFIX.matcher(text);
    if (matcher.find()) {
      explain = true;
      String form = matcher.group(2) == null ? "" : matcher.group(2).trim().toLowerCase(Locale.ROOT);
      analyze = form.equals("analyze");
      if (matcher.group(3) != null) {
        for (String option : matcher.group(3).split(",")) {
          String[] words = option.trim().toLowerCase(Locale.ROOT).split("\\s+");
          if (words[0].equals("analyze") && (words.length == 1
              || words.length == 2 && List.of("true", "on", "1").contains(words[1]))) {
            analyze = true;
          } else if (words[0].equals("analyze") && words.length == 2
              && List.of("false", "off", "0").contains(words[1])) {
            analyze = false;
          } else if (words[0].equals("format") && words.length == 2
              && (words[1].equals("json") || words[1].equals("text"))) {
            json = words[1].equals("json");
          } else {
            throw new SqlFrontendException(SqlFrontendException.Kind.SYNTAX, "unknown EXPLAIN option '"
                + option.trim() + "' (EXPLAIN takes ANALYZE [boolean] and FORMAT TEXT | JSON)",
                lineOf(text, matcher.start(3)), columnOf(text, matcher.start(3)), null);
          }
        }
      }
      text = blankOut(text, matcher.end());
    }
    try {
      SqlNode node = SqlParser.create(text, QuiverParserConfig.PARSER_CONFIG).parseStmt();
      return new ParsedStatement(explain, analyze, json, node);
    } catch (SqlParseException e) {
      throw syntaxError(e);
    }
  }

  /** The first line of Calcite's message (not its long list of expected tokens) and the position. */
  private static SqlFrontendException syntaxError(SqlParseException e) {
    SqlParserPos pos = e.getPos();
    int line = pos == null ? 0 : pos.getLineNum();
    int column = pos == null ? 0 : pos.getColumnNum();
    String message = firstLine(e.getMessage());
    // Calcite repeats the position in its text; the engine's error adds it back in its own form.
    message = message.replaceAll(" at line \\d+, column \\d+\\.?", "");
    return new SqlFrontendException(SqlFrontendException.Kind.SYNTAX, message, line, column, e);
  }

  static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int newline = message.indexOf('\n');
    return (newline < 0 ? message : message.substring(0, newline)).trim();
  }

  /** One trailing semicolon, as shells and scripts add, ends the statement rather than failing it. */
  private static String withoutTrailingSemicolon(String sql) {
    int end = sql.length();
    while (end > 0 && Character.isWhitespace(sql.charAt(end - 1))) {
      end--;
    }
    return end > 0 && sql.charAt(end - 1) == ';' ? sql.substring(0, end - 1) : sql;
  }

  private static int lineOf(String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  private static int columnOf(String text, int offset) {
    return offset - text.lastIndexOf('\n', offset - 1);
  }

  /** Replaces the first {@code end} characters with spaces, keeping line breaks. */
  private static String blankOut(String sql, int end) {
    StringBuilder builder = new StringBuilder(sql);
    for (int i = 0; i < end; i++) {
      char c = builder.charAt(i);
      if (c != '\n' && c != '\r') {
        builder.setCharAt(i, ' ');
      }
    }
    return builder.toString();
  }
}
