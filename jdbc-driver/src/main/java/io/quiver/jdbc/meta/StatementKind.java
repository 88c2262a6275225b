package io.quiver.jdbc.meta;

import java.util.Locale;
import org.apache.calcite.avatica.Meta.StatementType;

/** The kind of a statement from its first keyword, before it runs. */
final class StatementKind {
  private StatementKind() {
  }

  static StatementType of(String sql) {
    String text = sql.stripLeading();
    while (text.startsWith("(")) {
      text = text.substring(1).stripLeading();
    }
    int end = 0;
    while (end < text.length() && Character.isLetter(text.charAt(end))) {
      end++;
    }
    switch (text.substring(0, end).toUpperCase(Locale.ROOT)) {
      case "INSERT":
      case "UPDATE":
      case "DELETE":
      case "MERGE":
        return StatementType.IS_DML;
      case "CREATE":
      case "DROP":
      case "ALTER":
      case "SET":
      case "RESET":
      case "USE":
        return StatementType.OTHER_DDL;
      default:
        return StatementType.SELECT;
    }
  }
}
