package io.quiver.sql.ddl;

import io.quiver.sql.error.SqlFrontendException;
import io.quiver.sql.ddl.DdlStatement.ObjectName;
import io.quiver.sql.ddl.DdlTokenizer.Kind;
import io.quiver.sql.ddl.DdlTokenizer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Recognizes the DDL Quiver runs: {@code CREATE SCHEMA}, {@code CREATE TABLE ... AS query},
 * {@code DROP TABLE} and {@code DROP SCHEMA}, with their {@code IF [NOT] EXISTS}. Any statement that
 * does not start with CREATE or DROP is not DDL and is left to the query parser. The query of
 * CREATE TABLE AS is not parsed here: it is handed on with its position in the text kept.
 *
 * <p>A small hand-written reader rather than Calcite's DDL grammar (calcite-server): the statements
 * are few, and the query must reach the ordinary query planner as text with its positions intact.
 */
public final class DdlParser {

  private final DdlTokenizer tokenizer;
  private final String sql;
  private Token current;

  private DdlParser(String sql) {
    this.sql = sql;
    this.tokenizer = new DdlTokenizer(sql);
    this.current = tokenizer.next();
  }

  /**
   * The DDL statement {@code sql} is, or empty if it is not DDL (it does not start with CREATE or
   * DROP).
   *
   * @throws SqlFrontendException SYNTAX with line and column for malformed DDL; NOT_SUPPORTED for
   *     CREATE or DROP of anything else (views, functions, tables with column definitions)
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
    if (parser.current.isWord("create")) {
      parser.advance();
      return Optional.of(parser.create());
    }
    if (parser.current.isWord("drop")) {
      parser.advance();
      return Optional.of(parser.drop());
    }
    return Optional.empty();
  }

  private DdlStatement create() {
    if (current.isWord("schema")) {
      advance();
      boolean ifNotExists = ifNotExists();
      ObjectName name = name("schema");
      expectEnd();
      return new CreateSchemaStatement(name, ifNotExists);
    }
    if (current.isWord("table")) {
      advance();
      boolean ifNotExists = ifNotExists();
      ObjectName name = name("table");
      if (current.isSymbol('(')) {
        throw notSupported(current, "CREATE TABLE with column definitions is not supported; "
            + "use CREATE TABLE " + name + " AS SELECT ...");
      }
      if (!current.isWord("as")) {
        throw syntaxError(current, "expected AS after the table name, found " + current.describe());
      }
      int queryStart = current.end();
      advance();
      if (current.kind() == Kind.END || current.isSymbol(';')) {
        throw syntaxError(current, "expected a query after AS");
      }
      return new CreateTableAsStatement(name, ifNotExists, blankOut(queryStart));
    }
    throw notSupported(current, "CREATE " + wordOrEnd() + " is not supported; Quiver creates schemas and "
        + "tables (CREATE TABLE ... AS SELECT)");
  }

  private DdlStatement drop() {
    if (current.isWord("table")) {
      advance();
      boolean ifExists = ifExists();
      ObjectName name = name("table");
      expectEnd();
      return new DropTableStatement(name, ifExists);
    }
    if (current.isWord("schema")) {
      advance();
      boolean ifExists = ifExists();
      ObjectName name = name("schema");
      boolean cascade = false;
      if (current.isWord("cascade")) {
        cascade = true;
        advance();
      } else if (current.isWord("restrict")) {
        advance();
      }
      expectEnd();
      return new DropSchemaStatement(name, ifExists, cascade);
    }
    throw notSupported(current, "DROP " + wordOrEnd() + " is not supported; Quiver drops schemas and tables");
  }

  private boolean ifNotExists() {
    if (!current.isWord("if")) {
      return false;
    }
    advance();
    expectWord("not");
    expectWord("exists");
    return true;
  }

  private boolean ifExists() {
    if (!current.isWord("if")) {
      return false;
    }
    advance();
    expectWord("exists");
    return true;
  }

  private ObjectName name(String what) {
    List<String> parts = new ArrayList<>();
    List<Boolean> quoted = new ArrayList<>();
    while (true) {
      if (current.kind() == Kind.WORD) {
        parts.add(DdlTokenizer.fold(current.text()));
        quoted.add(false);
      } else if (current.kind() == Kind.QUOTED) {
        parts.add(current.text());
        quoted.add(true);
      } else {
        throw syntaxError(current, "expected a " + what + " name, found " + current.describe());
      }
      advance();
      if (!current.isSymbol('.')) {
        break;
      }
      advance();
    }
    int most = what.equals("schema") ? 2 : 3;
    if (parts.size() > most) {
      throw syntaxError(current, "a " + what + " name has at most " + most + " parts, "
          + String.join(".", parts) + " has " + parts.size());
    }
    return new ObjectName(parts, quoted);
  }

  private void expectWord(String keyword) {
    if (!current.isWord(keyword)) {
      throw syntaxError(current, "expected " + keyword.toUpperCase(java.util.Locale.ROOT) + ", found "
          + current.describe());
    }
    advance();
  }

  /** The statement ends here, or with one semicolon. */
  private void expectEnd() {
    if (current.isSymbol(';')) {
      advance();
    }
    if (current.kind() != Kind.END) {
      throw syntaxError(current, "unexpected " + current.describe());
    }
  }

  private String wordOrEnd() {
    return current.kind() == Kind.END ? "" : current.text().toUpperCase(java.util.Locale.ROOT);
  }

  private void advance() {
    current = tokenizer.next();
  }

  /** The statement with its first {@code end} characters replaced by spaces, line breaks kept. */
  private String blankOut(int end) {
    StringBuilder builder = new StringBuilder(sql);
    for (int i = 0; i < end; i++) {
      char c = builder.charAt(i);
      if (c != '\n' && c != '\r') {
        builder.setCharAt(i, ' ');
      }
    }
    return builder.toString();
  }

  private static SqlFrontendException syntaxError(Token at, String message) {
    return new SqlFrontendException(SqlFrontendException.Kind.SYNTAX, message, at.line(), at.column(), null);
  }

  private static SqlFrontendException notSupported(Token at, String message) {
    return new SqlFrontendException(SqlFrontendException.Kind.NOT_SUPPORTED, message, at.line(), at.column(), null);
  }
}
