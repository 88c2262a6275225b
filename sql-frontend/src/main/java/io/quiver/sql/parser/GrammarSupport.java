package io.quiver.sql.parser;

import io.quiver.sql.error.SqlFrontendException;
import io.quiver.sql.error.SqlFrontendException.Kind;
import io.quiver.sql.statement.ColumnDefinition;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * What the actions of Quiver's grammar productions (src/main/codegen/includes) call: checks that
 * need the parsed parts (a column named twice) and the errors they raise, with the position of
 * the offending part. Errors thrown here leave the generated parser as the cause of its
 * SqlParseException; {@link QuiverSqlParser} rethrows them as they are.
 */
public final class GrammarSupport {

  private GrammarSupport() {
  }

  public static SqlFrontendException syntaxError(SqlParserPos pos, String message) {
    return new SqlFrontendException(Kind.SYNTAX, message, pos.getLineNum(), pos.getColumnNum(), null);
  }

  public static SqlFrontendException notSupported(SqlParserPos pos, String message) {
    return new SqlFrontendException(Kind.NOT_SUPPORTED, message, pos.getLineNum(), pos.getColumnNum(), null);
  }

  /**
   * The error for CREATE or DROP of something Quiver has not (CREATE FUNCTION) or of nothing.
   *
   * @param atEnd the statement ends after the verb
   * @param word the word after the verb
   */
  public static SqlFrontendException unknownObject(boolean atEnd, String word, int line, int column, String verb,
      String what) {
    if (atEnd) {
      return new SqlFrontendException(Kind.SYNTAX, "the statement ends after " + verb + "; " + what, line, column,
          null);
    }
    return new SqlFrontendException(Kind.NOT_SUPPORTED, verb + " " + word.toUpperCase(Locale.ROOT)
        + " is not supported; " + what, line, column, null);
  }

  /** Adds a column of a table being defined; a second column of the same name is an error. */
  public static void addColumn(List<ColumnDefinition> columns, ColumnDefinition column, String table) {
    for (ColumnDefinition earlier : columns) {
      if (earlier.name().equals(column.name())) {
        throw new SqlFrontendException(Kind.SYNTAX, "column " + column.name() + " is defined twice in table "
            + table, column.line(), column.column(), null);
      }
    }
    columns.add(column);
  }

  /** The names of a parenthesized list of simple identifiers; a name given twice is an error. */
  public static List<String> distinctNames(SqlNodeList identifiers, String what) {
    List<String> names = new java.util.ArrayList<>(identifiers.size());
    for (SqlNode node : identifiers) {
      SqlIdentifier identifier = (SqlIdentifier) node;
      String name = identifier.getSimple();
      if (names.contains(name)) {
        throw syntaxError(identifier.getParserPosition(), "column " + name + " is listed twice in " + what);
      }
      names.add(name);
    }
    return names;
  }

  /** A PRIMARY KEY or UNIQUE written on a column; {@code keys} null where keys are not allowed. */
  public static void addColumnKey(List<io.quiver.sql.statement.KeyConstraint> keys, SqlIdentifier constraint,
      boolean primary, SqlIdentifier column, SqlParserPos pos) {
    if (keys == null) {
      throw syntaxError(pos, "a column list here declares no keys");
    }
    keys.add(new io.quiver.sql.statement.KeyConstraint(constraint == null ? null : constraint.getSimple(), primary,
        List.of(column.getSimple()), pos));
  }

  /** A column set twice in one SET list is an error (42601), as in PostgreSQL. */
  public static void distinctAssignments(List<io.quiver.sql.statement.Assignment> assignments, String what) {
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (io.quiver.sql.statement.Assignment assignment : assignments) {
      if (!seen.add(assignment.column())) {
        throw syntaxError(assignment.pos(), "column " + assignment.column() + " is set twice in " + what);
      }
    }
  }

  /** Adds a WITH (...) property; keys are lower case, and a key given twice is an error. */
  public static void addProperty(Map<String, String> properties, SqlIdentifier key, String value) {
    String name = key.getSimple().toLowerCase(Locale.ROOT);
    if (properties.containsKey(name)) {
      throw syntaxError(key.getParserPosition(), "option " + name + " is given twice");
    }
    properties.put(name, value);
  }

  /**
   * A name of at most {@code maxParts} parts ({@code [catalog.]schema} for a schema,
   * {@code [[catalog.]schema.]name} for a table).
   */
  public static SqlIdentifier checkParts(SqlIdentifier name, int maxParts, String what) {
    if (name.names.size() > maxParts) {
      throw syntaxError(name.getParserPosition(), "a " + what + " name has at most " + maxParts
          + " parts, not " + name.names.size() + ": " + name);
    }
    return name;
  }

  /**
   * The text of {@code sql} from line {@code line}, column {@code column} (as the parser counts: a
   * line break is \n, \r or \r\n; every other character one column) to its end, trimmed, without
   * one trailing semicolon.
   */
  public static String textFrom(String sql, int line, int column) {
    int offset = offset(sql, line, column);
    String text = sql.substring(offset).strip();
    if (text.endsWith(";")) {
      text = text.substring(0, text.length() - 1).strip();
    }
    return text;
  }

  /**
   * The text of {@code sql} from (line, column) to (endLine, endColumn), both inclusive, as the
   * parser counts them (see {@link #textFrom}), trimmed.
   */
  public static String textBetween(String sql, int line, int column, int endLine, int endColumn) {
    int start = offset(sql, line, column);
    int end = Math.min(sql.length(), offset(sql, endLine, endColumn) + 1);
    return sql.substring(start, Math.max(start, end)).strip();
  }

  static int offset(String sql, int line, int column) {
    int currentLine = 1;
    int i = 0;
    while (currentLine < line && i < sql.length()) {
      char c = sql.charAt(i++);
      if (c == '\r') {
        if (i < sql.length() && sql.charAt(i) == '\n') {
          i++;
        }
        currentLine++;
      } else if (c == '\n') {
        currentLine++;
      }
    }
    return Math.min(sql.length(), i + column - 1);
  }
}
