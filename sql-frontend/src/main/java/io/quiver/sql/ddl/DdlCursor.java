package io.quiver.sql.ddl;

import io.quiver.sql.ddl.DdlStatement.ObjectName;
import io.quiver.sql.ddl.DdlTokenizer.Kind;
import io.quiver.sql.ddl.DdlTokenizer.Token;
import io.quiver.sql.error.SqlFrontendException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The current token of a statement being read, and the small readers every DDL statement shares. */
final class DdlCursor {

  private final String sql;
  private final DdlTokenizer tokenizer;
  private Token current;

  DdlCursor(String sql) {
    this.sql = sql;
    this.tokenizer = new DdlTokenizer(sql);
    this.current = tokenizer.next();
  }

  String sql() {
    return sql;
  }

  Token current() {
    return current;
  }

  void advance() {
    current = tokenizer.next();
  }

  boolean isWord(String keyword) {
    return current.isWord(keyword);
  }

  boolean isSymbol(char symbol) {
    return current.isSymbol(symbol);
  }

  boolean atEnd() {
    return current.kind() == Kind.END || current.isSymbol(';');
  }

  /** Consumes {@code keyword} if it is the current word. */
  boolean accept(String keyword) {
    if (current.isWord(keyword)) {
      advance();
      return true;
    }
    return false;
  }

  void expectWord(String keyword) {
    if (!current.isWord(keyword)) {
      throw syntaxError("expected " + keyword.toUpperCase(Locale.ROOT) + ", found " + current.describe());
    }
    advance();
  }

  void expectSymbol(char symbol) {
    if (!current.isSymbol(symbol)) {
      throw syntaxError("expected '" + symbol + "', found " + current.describe());
    }
    advance();
  }

  /** The statement ends here, or with one semicolon. */
  void expectEnd() {
    if (current.isSymbol(';')) {
      advance();
    }
    if (current.kind() != Kind.END) {
      throw syntaxError("unexpected " + current.describe());
    }
  }

  boolean ifNotExists() {
    if (!current.isWord("if")) {
      return false;
    }
    advance();
    expectWord("not");
    expectWord("exists");
    return true;
  }

  boolean ifExists() {
    if (!current.isWord("if")) {
      return false;
    }
    advance();
    expectWord("exists");
    return true;
  }

  /** An identifier: an unquoted word folded to lower case, or a quoted name as written. */
  String identifier(String what) {
    String name;
    if (current.kind() == Kind.WORD) {
      name = DdlTokenizer.fold(current.text());
    } else if (current.kind() == Kind.QUOTED) {
      name = current.text();
    } else {
      throw syntaxError("expected " + what + ", found " + current.describe());
    }
    advance();
    return name;
  }

  /** A name of at most three parts (two for a schema). */
  ObjectName name(String what) {
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
        throw syntaxError("expected a " + what + " name, found " + current.describe());
      }
      advance();
      if (!current.isSymbol('.')) {
        break;
      }
      advance();
    }
    int most = what.equals("schema") ? 2 : 3;
    if (parts.size() > most) {
      throw syntaxError("a " + what + " name has at most " + most + " parts, "
          + String.join(".", parts) + " has " + parts.size());
    }
    return new ObjectName(parts, quoted);
  }

  /** {@code (name, ...)}: identifiers in parentheses, at least one, none twice. */
  List<String> identifierList(String what) {
    expectSymbol('(');
    List<String> names = new ArrayList<>();
    while (true) {
      Token at = current;
      String name = identifier(what);
      if (names.contains(name)) {
        throw syntaxError(at, what + " " + name + " is listed twice");
      }
      names.add(name);
      if (current.isSymbol(',')) {
        advance();
        continue;
      }
      expectSymbol(')');
      return names;
    }
  }

  /**
   * {@code (key = value, ...)}: keys are identifiers (lower case); {@code =} is optional; values are
   * string literals, numbers or words ({@code true}, {@code false}; lower case); a key alone is
   * {@code true}. No key twice.
   */
  Map<String, String> properties() {
    expectSymbol('(');
    Map<String, String> properties = new LinkedHashMap<>();
    while (true) {
      Token at = current;
      String key = identifier("a property name").toLowerCase(Locale.ROOT);
      if (current.isSymbol('=')) {
        advance();
      } else if (current.isSymbol(',') || current.isSymbol(')')) {
        // A flag without a value, as in COPY ... (FORMAT csv, HEADER): true.
        if (properties.put(key, "true") != null) {
          throw syntaxError(at, "property " + key + " is given twice");
        }
        if (current.isSymbol(',')) {
          advance();
          continue;
        }
        advance();
        return properties;
      }
      String value;
      if (current.kind() == Kind.STRING || current.kind() == Kind.NUMBER) {
        value = current.text();
      } else if (current.kind() == Kind.WORD) {
        value = DdlTokenizer.fold(current.text());
      } else if (current.isSymbol('-')) {
        advance();
        if (current.kind() != Kind.NUMBER) {
          throw syntaxError("expected a number after '-', found " + current.describe());
        }
        value = "-" + current.text();
      } else {
        throw syntaxError("expected a value for property " + key + ", found " + current.describe());
      }
      advance();
      if (properties.put(key, value) != null) {
        throw syntaxError(at, "property " + key + " is given twice");
      }
      if (current.isSymbol(',')) {
        advance();
        continue;
      }
      expectSymbol(')');
      return properties;
    }
  }

  /** The statement with its first {@code end} characters replaced by spaces, line breaks kept. */
  String blankOut(int end) {
    return blankOutside(end, sql.length());
  }

  /** The statement with everything outside {@code [start, end)} replaced by spaces, line breaks kept. */
  String blankOutside(int start, int end) {
    StringBuilder builder = new StringBuilder(sql);
    for (int i = 0; i < builder.length(); i++) {
      if (i >= start && i < end) {
        continue;
      }
      char c = builder.charAt(i);
      if (c != '\n' && c != '\r') {
        builder.setCharAt(i, ' ');
      }
    }
    return builder.toString();
  }

  SqlFrontendException syntaxError(String message) {
    return syntaxError(current, message);
  }

  static SqlFrontendException syntaxError(Token at, String message) {
    return new SqlFrontendException(SqlFrontendException.Kind.SYNTAX, message, at.line(), at.column(), null);
  }

  SqlFrontendException notSupported(String message) {
    return notSupported(current, message);
  }

  static SqlFrontendException notSupported(Token at, String message) {
    return new SqlFrontendException(SqlFrontendException.Kind.NOT_SUPPORTED, message, at.line(), at.column(),
        null);
  }
}
