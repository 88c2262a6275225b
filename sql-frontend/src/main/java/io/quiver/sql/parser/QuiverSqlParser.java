package io.quiver.sql.parser;

import io.quiver.sql.error.SqlFrontendException;
import io.quiver.sql.error.SqlFrontendException.Kind;
import io.quiver.sql.parser.impl.QuiverSqlParserImpl;
import io.quiver.sql.statement.ColumnDefinition;
import io.quiver.sql.statement.QueryStatement;
import io.quiver.sql.statement.Statement;
import io.quiver.sql.statement.SetStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSetOption;
import org.apache.calcite.sql.parser.SqlAbstractParserImpl;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.SourceStringReader;

/**
 * Parses one SQL statement with Quiver's generated parser ({@link QuiverParserConfig}) into a
 * {@link Statement}. Thread-safe (a new parser per call).
 */
public final class QuiverSqlParser {

  private QuiverSqlParser() {
  }

  /**
   * Parses a statement; one trailing semicolon, as shells and scripts add, ends it.
   *
   * @throws SqlFrontendException SYNTAX with the line and column of the error; NOT_SUPPORTED for
   *     statements Quiver reads but does not run
   */
  public static Statement parse(String sql) {
    SqlNode node = parseNode(sql);
    if (node instanceof StatementNode statement) {
      return statement.statement();
    }
    if (node.isA(SqlKind.QUERY)) {
      return new QueryStatement(node);
    }
    if (node instanceof SqlSetOption set) {
      return setStatement(set);
    }
    SqlParserPos pos = node.getParserPosition();
    switch (node.getKind()) {
      case PROCEDURE_CALL:
      case DESCRIBE_TABLE:
      case DESCRIBE_SCHEMA:
      case EXPLAIN:
        throw new SqlFrontendException(Kind.NOT_SUPPORTED, statementName(node) + " is not supported",
            pos.getLineNum(), pos.getColumnNum(), null);
      default:
        throw new SqlFrontendException(Kind.SYNTAX, "expected a statement, found the expression " + node,
            pos.getLineNum(), pos.getColumnNum(), null);
    }
  }

  /**
   * Parses a query alone (a view's definition).
   *
   * @throws SqlFrontendException SYNTAX when the text is not one query
   */
  public static SqlNode parseQuery(String sql) {
    SqlNode node = parseNode(sql);
    if (!node.isA(SqlKind.QUERY)) {
      SqlParserPos pos = node.getParserPosition();
      throw new SqlFrontendException(Kind.SYNTAX, "expected a query", pos.getLineNum(), pos.getColumnNum(), null);
    }
    return node;
  }

  /**
   * Parses a column list on its own: {@code name type [NOT NULL], ...}, with the type names of
   * CREATE TABLE (for example the {@code columns} option of read_csv).
   *
   * @throws SqlFrontendException SYNTAX or NOT_SUPPORTED, with the position in {@code text}
   */
  public static List<ColumnDefinition> parseColumnList(String text) {
    if (text == null || text.isBlank()) {
      throw new SqlFrontendException(Kind.SYNTAX, "the column list is empty", 0, 0, null);
    }
    QuiverSqlParserImpl parser = newParser(text);
    try {
      return parser.QuiverColumnListEof();
    } catch (SqlFrontendException e) {
      throw e;
    } catch (Throwable e) {
      SqlParseException normalized = parser.normalizeException(e);
      if (normalized.getCause() instanceof SqlFrontendException frontend) {
        throw frontend;
      }
      throw syntaxError(normalized);
    }
  }

  /**
   * Parses an expression on its own (a column's DEFAULT or a CHECK condition as CREATE TABLE
   * stored it).
   *
   * @throws SqlFrontendException SYNTAX when the text is not one expression
   */
  public static SqlNode parseExpression(String text) {
    QuiverSqlParserImpl parser = newParser(text);
    try {
      return parser.SqlExpressionEof();
    } catch (SqlFrontendException e) {
      throw e;
    } catch (Throwable e) {
      SqlParseException normalized = parser.normalizeException(e);
      if (normalized.getCause() instanceof SqlFrontendException frontend) {
        throw frontend;
      }
      throw syntaxError(normalized);
    }
  }

  private static QuiverSqlParserImpl newParser(String text) {
    SqlParser.Config config = QuiverParserConfig.PARSER_CONFIG;
    QuiverSqlParserImpl parser = (QuiverSqlParserImpl) config.parserFactory().getParser(new SourceStringReader(text));
    parser.setTabSize(1);
    parser.setQuotedCasing(config.quotedCasing());
    parser.setUnquotedCasing(config.unquotedCasing());
    parser.setIdentifierMaxLength(config.identifierMaxLength());
    parser.setConformance(config.conformance());
    parser.switchTo(SqlAbstractParserImpl.LexicalState.forConfig(config));
    return parser;
  }

  /** Whether the word (any case) is reserved, so that a name spelled so must be quoted. */
  public static boolean isReservedWord(String word) {
    return RESERVED.isReservedWord(word.toUpperCase(Locale.ROOT));
  }

  private static final SqlAbstractParserImpl.Metadata RESERVED =
      QuiverSqlParserImpl.FACTORY.getParser(new java.io.StringReader("")).getMetadata();

  private static SqlNode parseNode(String sql) {
    if (sql == null || sql.isBlank()) {
      throw new SqlFrontendException(Kind.SYNTAX, "empty statement", 0, 0, null);
    }
    try {
      return SqlParser.create(withoutTrailingSemicolon(sql), QuiverParserConfig.PARSER_CONFIG).parseStmt();
    } catch (SqlParseException e) {
      if (e.getCause() instanceof SqlFrontendException frontend) {
        throw frontend;
      }
      throw syntaxError(e);
    }
  }

  private static String statementName(SqlNode node) {
    switch (node.getKind()) {
      case PROCEDURE_CALL:
        return "CALL";
      case DESCRIBE_TABLE:
      case DESCRIBE_SCHEMA:
        return "DESCRIBE";
      case EXPLAIN:
        return "this form of EXPLAIN";
      default:
        return node.getKind().name();
    }
  }

  /** SET and RESET: the option's name in lower case, the values as text (see {@link SetStatement}). */
  private static SetStatement setStatement(SqlSetOption set) {
    String option = String.join(".", set.getName().names).toLowerCase(Locale.ROOT);
    List<String> values = new ArrayList<>();
    SqlNode value = set.getValue();
    if (value instanceof SqlNodeList list) {
      list.forEach(item -> values.add(settingText(item)));
    } else if (value != null) {
      values.add(settingText(value));
    }
    SqlParserPos pos = set.getParserPosition();
    return new SetStatement(option, values, pos.getLineNum(), pos.getColumnNum());
  }

  private static String settingText(SqlNode value) {
    if (value instanceof SqlIdentifier name) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < name.names.size(); i++) {
        String part = name.names.get(i);
        text.append(i == 0 ? "" : ".");
        text.append(name.isComponentQuoted(i) ? '"' + part.replace("\"", "\"\"") + '"' : part);
      }
      return text.toString();
    }
    SqlLiteral literal = (SqlLiteral) value;
    Object plain = literal.getValue();
    if (plain instanceof Boolean bool) {
      return bool.toString();
    }
    return literal.toValue();
  }

  /** The first line of Calcite's message (not its long list of expected tokens) and the position. */
  private static SqlFrontendException syntaxError(SqlParseException e) {
    SqlParserPos pos = e.getPos();
    int line = pos == null ? 0 : pos.getLineNum();
    int column = pos == null ? 0 : pos.getColumnNum();
    String message = firstLine(e.getMessage());
    // Calcite repeats the position in its text; the engine's error adds it back in its own form.
    message = message.replaceAll(" at line \\d+, column \\d+\\.?", "");
    return new SqlFrontendException(Kind.SYNTAX, message, line, column, e);
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
}
