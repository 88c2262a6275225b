package io.quiver.engine.connector.file.csv;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.type.Column;
import io.quiver.exec.type.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses a declared column list such as {@code id INTEGER, price DECIMAL(10, 2), name VARCHAR}. */
public final class ColumnListParser {

  private static final Pattern COLUMN = Pattern.compile(
      "\\s*(\"[^\"]+\"|[A-Za-z_][A-Za-z0-9_]*)\\s+([A-Za-z ]+?)\\s*(?:\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\))?\\s*");

  private ColumnListParser() {
  }

  public static List<Column> parse(String text) {
    List<Column> columns = new ArrayList<>();
    for (String part : splitTopLevel(text)) {
      Matcher matcher = COLUMN.matcher(part);
      if (!matcher.matches()) {
        throw new QuiverException(ErrorCode.INVALID_ARGUMENT, "cannot read column declaration '" + part.trim()
            + "': expected a name and a type");
      }
      String name = matcher.group(1).startsWith("\"") ? matcher.group(1).substring(1, matcher.group(1).length() - 1)
          : matcher.group(1);
      Integer first = matcher.group(3) == null ? null : Integer.parseInt(matcher.group(3));
      Integer second = matcher.group(4) == null ? null : Integer.parseInt(matcher.group(4));
      columns.add(new Column(name, type(matcher.group(2).trim().toUpperCase(Locale.ROOT), first, second), true));
    }
    return columns;
  }

  static DataType type(String name, Integer first, Integer second) {
    switch (name) {
      case "BOOLEAN":
      case "BOOL":
        return DataType.BOOLEAN;
      case "TINYINT":
        return DataType.TINYINT;
      case "SMALLINT":
        return DataType.SMALLINT;
      case "INT":
      case "INTEGER":
        return DataType.INTEGER;
      case "BIGINT":
        return DataType.BIGINT;
      case "REAL":
      case "FLOAT":
        return DataType.REAL;
      case "DOUBLE":
      case "DOUBLE PRECISION":
        return DataType.DOUBLE;
      case "DECIMAL":
      case "NUMERIC":
        return DataType.decimal(first == null ? 18 : first, second == null ? 0 : second);
      case "VARCHAR":
      case "TEXT":
      case "STRING":
        return first == null ? DataType.VARCHAR : DataType.varchar(first);
      case "CHAR":
        return DataType.character(first == null ? 1 : first);
      case "VARBINARY":
      case "BLOB":
        return DataType.VARBINARY;
      case "DATE":
        return DataType.DATE;
      case "TIME":
        return DataType.TIME;
      case "TIMESTAMP":
        return DataType.TIMESTAMP;
      default:
        throw new QuiverException(ErrorCode.INVALID_ARGUMENT, "unknown column type '" + name + "'");
    }
  }

  private static List<String> splitTopLevel(String text) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == ',' && depth == 0) {
        parts.add(text.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(text.substring(start));
    return parts;
  }
}
