package io.quiver.engine.driver;

import io.quiver.sql.parser.QuiverSqlParser;
import java.util.regex.Pattern;

/** Names and strings written back as SQL (SHOW CREATE): quoted only where they must be. */
final class SqlNames {

  private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_]*");

  private SqlNames() {
  }

  /** An identifier: as it is when unquoted it reads back the same, else in double quotes. */
  static String quote(String name) {
    return PLAIN.matcher(name).matches() && !QuiverSqlParser.isReservedWord(name) ? name
        : '"' + name.replace("\"", "\"\"") + '"';
  }

  /** A string literal. */
  static String literal(String text) {
    return '\'' + text.replace("'", "''") + '\'';
  }
}
