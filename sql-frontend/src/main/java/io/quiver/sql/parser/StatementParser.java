package io.quiver.sql.parser;

import io.quiver.sql.error.SqlErrors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;

/**
 * Parses one SQL statement. Thread-safe (a new Calcite parser per call).
 *
 * <p>{@code EXPLAIN query} and {@code EXPLAIN PLAN FOR query} are recognized here rather than by
 * Calcite's grammar (which only knows the second form): the prefix is blanked out, keeping line and
 * column numbers of the rest of the text exact for error messages.
 */
public final class StatementParser {

  private static final Pattern EXPLAIN_PREFIX = Pattern.compile(
      "\\A(\\s*)explain(\\s+plan\\s+for)?(?=\\s|\\()",
      Pattern.CASE_INSENSITIVE);

  private StatementParser() {
  }

  /**
   * @throws io.quiver.exec.error.QuiverException SYNTAX_ERROR with the line and column
   */
  public static ParsedStatement parse(String sql) {
    if (sql == null || sql.isBlank()) {
      throw SqlErrors.syntaxError("empty statement", 0, 0, null);
    }
    boolean explain = false;
    String text = sql;
    Matcher matcher = EXPLAIN_PREFIX.matcher(sql);
    if (matcher.find()) {
      explain = true;
      text = blankOut(sql, matcher.end());
    }
    try {
      SqlNode node = SqlParser.create(text, QuiverParserConfig.PARSER_CONFIG).parseStmt();
      return new ParsedStatement(explain, node);
    } catch (SqlParseException e) {
      throw SqlErrors.fromParseException(e);
    }
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
