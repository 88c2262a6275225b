package io.quiver.cli;

import java.io.PrintStream;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;

/**
 * RFC 4180 CSV: a header of column labels, then one line per row; NULL is an empty field, and a
 * field with a comma, quote or line break is quoted (quotes doubled). Statements without rows print
 * nothing, so the output of a query stays a clean CSV file.
 */
final class CsvPrinter implements ResultPrinter {

  @Override
  public long print(ResultSet rows, PrintStream out) throws SQLException {
    ResultSetMetaData md = rows.getMetaData();
    int columns = md.getColumnCount();
    StringBuilder line = new StringBuilder();
    for (int i = 1; i <= columns; i++) {
      if (i > 1) {
        line.append(',');
      }
      line.append(field(md.getColumnLabel(i)));
    }
    out.print(line.append("\r\n"));
    long count = 0;
    while (rows.next()) {
      line.setLength(0);
      for (int i = 1; i <= columns; i++) {
        if (i > 1) {
          line.append(',');
        }
        String value = rows.getString(i);
        if (value != null) {
          line.append(field(value));
        }
      }
      out.print(line.append("\r\n"));
      count++;
    }
    return count;
  }

  @Override
  public void printUpdate(long count, PrintStream out) {
  }

  static String field(String value) {
    boolean quote = value.isEmpty() ? false : value.indexOf(',') >= 0 || value.indexOf('"') >= 0
        || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0;
    return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
  }
}
