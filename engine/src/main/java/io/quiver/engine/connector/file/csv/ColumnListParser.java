package io.quiver.engine.connector.file.csv;

import io.quiver.engine.ddl.ColumnTypes;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.type.Column;
import io.quiver.sql.error.SqlFrontendException;
import io.quiver.sql.parser.QuiverSqlParser;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a declared column list such as {@code id INTEGER, price DECIMAL(10, 2), name TEXT} with the
 * SQL parser's column definitions, so a file's columns take every type name CREATE TABLE takes.
 * Every column of a file is nullable (a file can hold empty fields wherever it likes).
 */
public final class ColumnListParser {

  private ColumnListParser() {
  }

  /** @throws QuiverException INVALID_ARGUMENT naming the list and where it went wrong */
  public static List<Column> parse(String text) {
    List<Column> columns = new ArrayList<>();
    try {
      for (Column column : ColumnTypes.columns(QuiverSqlParser.parseColumnList(text))) {
        columns.add(new Column(column.name(), column.type(), true));
      }
    } catch (SqlFrontendException e) {
      throw new QuiverException(ErrorCode.INVALID_ARGUMENT, "cannot read the column list '" + text.strip() + "' at "
          + "column " + e.column() + ": " + e.getMessage() + " (expected: name type, ...)");
    }
    return columns;
  }
}
