package io.quiver.sql.ddl;

import io.quiver.sql.ddl.DdlStatement.ObjectName;
import io.quiver.sql.ddl.DdlTokenizer.Kind;
import io.quiver.sql.ddl.DdlTokenizer.Token;
import io.quiver.sql.error.SqlFrontendException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Recognizes the statements Quiver runs outside the query planner: CREATE SCHEMA, CREATE TABLE
 * (with columns, over files {@code WITH (...)}, or {@code AS query}), CREATE [OR REPLACE] VIEW,
 * DROP TABLE / VIEW / SCHEMA, INSERT INTO and COPY, with their {@code IF [NOT] EXISTS}. A statement
 * that starts with none of CREATE, DROP, INSERT and COPY is left to the query parser. Queries inside
 * these statements are not parsed here: they are handed on as text with their positions kept, so
 * that the query planner reports their errors where the user wrote them.
 *
 * <p>A small hand-written reader rather than Calcite's DDL grammar (calcite-server): the statements
 * are few, and the query must reach the ordinary query planner as text with its positions intact.
 */
public final class DdlParser {

  private final DdlCursor cursor;

  private DdlParser(String sql) {
    this.cursor = new DdlCursor(sql);
  }

  /**
   * The statement {@code sql} is, or empty if it is a query (it does not start with CREATE, DROP,
   * INSERT or COPY).
   *
   * @throws SqlFrontendException SYNTAX with line and column for a malformed statement;
   *     NOT_SUPPORTED for CREATE or DROP of anything else (functions, ...), forms Quiver lacks, and
   *     UPDATE, DELETE, MERGE, TRUNCATE and ALTER
   */
  public static Optional<DdlStatement> parse(String sql) {
    if (sql == null) {
      return Optional.empty();
    }
    DdlParser parser;
    try {
      parser = new DdlParser(sql);
    } catch (SqlFrontendException e) {
      // Not a DDL head (for example an unterminated comment): the query parser reports it.
      return Optional.empty();
    }
    DdlCursor cursor = parser.cursor;
    if (cursor.accept("create")) {
      return Optional.of(parser.create());
    }
    if (cursor.accept("drop")) {
      return Optional.of(parser.drop());
    }
    if (cursor.isWord("insert")) {
      cursor.advance();
      return Optional.of(parser.insert());
    }
    if (cursor.accept("copy")) {
      return Optional.of(parser.copy());
    }
    for (String change : List.of("update", "delete", "merge", "truncate", "alter")) {
      if (cursor.isWord(change)) {
        throw cursor.notSupported(change.toUpperCase(Locale.ROOT) + " is not supported; tables take rows by "
            + "INSERT only (to change rows, CREATE TABLE ... AS SELECT the rows you want)");
      }
    }
    return Optional.empty();
  }

  private DdlStatement create() {
    if (cursor.accept("schema")) {
      boolean ifNotExists = cursor.ifNotExists();
      ObjectName name = cursor.name("schema");
      cursor.expectEnd();
      return new CreateSchemaStatement(name, ifNotExists);
    }
    boolean orReplace = false;
    Token orAt = cursor.current();
    if (cursor.accept("or")) {
      cursor.expectWord("replace");
      orReplace = true;
    }
    if (cursor.accept("view")) {
      return createView(orReplace);
    }
    if (orReplace && cursor.isWord("table")) {
      throw DdlCursor.notSupported(orAt, "CREATE OR REPLACE TABLE is not supported; DROP TABLE IF EXISTS first");
    }
    if (cursor.accept("table")) {
      return createTable();
    }
    throw cursor.notSupported("CREATE " + wordOrEnd() + " is not supported; Quiver creates schemas, tables "
        + "and views");
  }

  private DdlStatement createTable() {
    boolean ifNotExists = cursor.ifNotExists();
    ObjectName name = cursor.name("table");
    List<ColumnDefinition> columns = new ArrayList<>();
    if (cursor.isSymbol('(')) {
      cursor.advance();
      while (true) {
        Token at = cursor.current();
        ColumnDefinition column = ColumnTypeParser.column(cursor);
        for (ColumnDefinition earlier : columns) {
          if (earlier.name().equals(column.name())) {
            throw DdlCursor.syntaxError(at, "column " + column.name() + " is defined twice in table " + name);
          }
        }
        columns.add(column);
        if (cursor.isSymbol(',')) {
          cursor.advance();
          continue;
        }
        if (cursor.isWord("primary") || cursor.isWord("unique") || cursor.isWord("constraint")
            || cursor.isWord("default") || cursor.isWord("references") || cursor.isWord("check")) {
          throw cursor.notSupported("table " + name + ": " + cursor.current().text().toUpperCase(Locale.ROOT)
              + " is not supported; columns take a type and NOT NULL only");
        }
        cursor.expectSymbol(')');
        break;
      }
    }
    Map<String, String> properties = Map.of();
    if (cursor.accept("with")) {
      properties = cursor.properties();
    }
    if (cursor.isWord("as")) {
      if (!columns.isEmpty()) {
        throw cursor.notSupported("CREATE TABLE " + name + " (columns) AS query is not supported; name the "
            + "columns in the query");
      }
      int queryStart = cursor.current().end();
      cursor.advance();
      if (cursor.atEnd()) {
        throw cursor.syntaxError("expected a query after AS");
      }
      return new CreateTableAsStatement(name, ifNotExists, properties, cursor.blankOut(queryStart));
    }
    if (columns.isEmpty() && properties.isEmpty()) {
      throw cursor.syntaxError("expected column definitions, WITH (...) or AS after the table name, found "
          + cursor.current().describe());
    }
    cursor.expectEnd();
    return new CreateTableStatement(name, ifNotExists, columns, properties);
  }

  private DdlStatement createView(boolean orReplace) {
    Token ifAt = cursor.current();
    boolean ifNotExists = cursor.ifNotExists();
    if (ifNotExists && orReplace) {
      throw DdlCursor.syntaxError(ifAt, "CREATE OR REPLACE VIEW cannot have IF NOT EXISTS");
    }
    ObjectName name = cursor.name("view");
    List<String> columnNames = List.of();
    if (cursor.isSymbol('(')) {
      columnNames = cursor.identifierList("column");
    }
    if (!cursor.isWord("as")) {
      throw cursor.syntaxError("expected AS after the view name, found " + cursor.current().describe());
    }
    int queryStart = cursor.current().end();
    cursor.advance();
    if (cursor.atEnd()) {
      throw cursor.syntaxError("expected a query after AS");
    }
    String definition = definition(cursor.sql(), cursor.current().start());
    return new CreateViewStatement(name, orReplace, ifNotExists, columnNames, cursor.blankOut(queryStart),
        definition);
  }

  private DdlStatement drop() {
    if (cursor.accept("table")) {
      boolean ifExists = cursor.ifExists();
      ObjectName name = cursor.name("table");
      cursor.expectEnd();
      return new DropTableStatement(name, ifExists);
    }
    if (cursor.accept("view")) {
      boolean ifExists = cursor.ifExists();
      ObjectName name = cursor.name("view");
      cursor.expectEnd();
      return new DropViewStatement(name, ifExists);
    }
    if (cursor.accept("schema")) {
      boolean ifExists = cursor.ifExists();
      ObjectName name = cursor.name("schema");
      boolean cascade = false;
      if (cursor.accept("cascade")) {
        cascade = true;
      } else {
        cursor.accept("restrict");
      }
      cursor.expectEnd();
      return new DropSchemaStatement(name, ifExists, cascade);
    }
    throw cursor.notSupported("DROP " + wordOrEnd() + " is not supported; Quiver drops schemas, tables and views");
  }

  private DdlStatement insert() {
    if (cursor.isWord("overwrite")) {
      throw cursor.notSupported("INSERT OVERWRITE is not supported");
    }
    cursor.expectWord("into");
    ObjectName name = cursor.name("table");
    List<String> columns = List.of();
    int queryStart = cursor.current().start();
    if (cursor.isSymbol('(')) {
      cursor.advance();
      if (!startsQuery()) {
        columns = new ArrayList<>();
        while (true) {
          Token at = cursor.current();
          String column = cursor.identifier("a column name");
          if (columns.contains(column)) {
            throw DdlCursor.syntaxError(at, "column " + column + " is listed twice in INSERT INTO " + name);
          }
          columns.add(column);
          if (cursor.isSymbol(',')) {
            cursor.advance();
            continue;
          }
          cursor.expectSymbol(')');
          break;
        }
        queryStart = cursor.current().start();
      }
    }
    if (cursor.isWord("default")) {
      throw cursor.notSupported("INSERT ... DEFAULT VALUES is not supported; Quiver columns have no defaults");
    }
    if (cursor.atEnd()) {
      throw cursor.syntaxError("expected VALUES or a query after INSERT INTO " + name);
    }
    if (!startsQuery() && !cursor.isSymbol('(')) {
      throw cursor.syntaxError("expected VALUES or a query after INSERT INTO " + name + ", found "
          + cursor.current().describe());
    }
    return new InsertStatement(name, columns, cursor.blankOut(queryStart));
  }

  private boolean startsQuery() {
    return cursor.isWord("select") || cursor.isWord("values") || cursor.isWord("with") || cursor.isWord("table");
  }

  private DdlStatement copy() {
    ObjectName name = null;
    String query = null;
    if (cursor.isSymbol('(')) {
      Token open = cursor.current();
      cursor.advance();
      int depth = 1;
      Token close = null;
      while (close == null) {
        Token token = cursor.current();
        if (token.kind() == Kind.END) {
          throw DdlCursor.syntaxError(open, "the query of COPY (...) has no closing parenthesis");
        }
        if (token.isSymbol('(')) {
          depth++;
        } else if (token.isSymbol(')') && --depth == 0) {
          close = token;
        }
        cursor.advance();
      }
      if (cursor.sql().substring(open.end(), close.start()).isBlank()) {
        throw DdlCursor.syntaxError(open, "expected a query inside COPY (...)");
      }
      query = cursor.blankOutside(open.end(), close.start());
    } else {
      name = cursor.name("table");
    }
    if (cursor.isWord("from")) {
      throw cursor.notSupported("COPY ... FROM is not supported; use INSERT INTO t SELECT * FROM read_csv('...')");
    }
    cursor.expectWord("to");
    Token location = cursor.current();
    if (location.kind() != Kind.STRING) {
      throw cursor.syntaxError("expected the location as a string literal, found " + location.describe());
    }
    cursor.advance();
    Map<String, String> properties = Map.of();
    boolean with = cursor.accept("with");
    if (with || cursor.isSymbol('(')) {
      properties = cursor.properties();
    }
    cursor.expectEnd();
    return new CopyStatement(name, query, location.text(), properties);
  }

  /** The text from {@code start} to its end, trimmed, without one trailing semicolon. */
  private static String definition(String sql, int start) {
    String text = sql.substring(start).strip();
    if (text.endsWith(";")) {
      text = text.substring(0, text.length() - 1).strip();
    }
    return text;
  }

  private String wordOrEnd() {
    Token current = cursor.current();
    return current.kind() == Kind.END ? "" : current.text().toUpperCase(Locale.ROOT);
  }
}
