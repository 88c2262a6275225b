package io.quiver.cli;

import java.io.PrintStream;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * A boxed table for people: column labels, rows with numbers aligned right, NULL written as
 * {@code NULL}, and a row count. Column widths come from the first {@value #SAMPLE_ROWS} rows, so a
 * large result is printed as it streams instead of being held in memory; a later, wider value
 * widens its own line only.
 */
final class TablePrinter implements ResultPrinter {

  static final int SAMPLE_ROWS = 1000;
  /** The widest a column gets from its values; longer values still print in full. */
  static final int MAX_WIDTH = 60;

  @Override
  public long print(ResultSet rows, PrintStream out) throws SQLException {
    ResultSetMetaData md = rows.getMetaData();
    int columns = md.getColumnCount();
    String[] labels = new String[columns];
    boolean[] rightAligned = new boolean[columns];
    int[] widths = new int[columns];
    for (int i = 0; i < columns; i++) {
      labels[i] = md.getColumnLabel(i + 1);
      rightAligned[i] = isNumeric(md.getColumnType(i + 1));
      widths[i] = labels[i].length();
    }
    List<String[]> sample = new ArrayList<>();
    boolean more = true;
    while (sample.size() < SAMPLE_ROWS && (more = rows.next())) {
      String[] values = values(rows, columns);
      for (int i = 0; i < columns; i++) {
        widths[i] = Math.max(widths[i], Math.min(MAX_WIDTH, values[i].length()));
      }
      sample.add(values);
    }
    String rule = rule(widths);
    out.println(rule);
    out.println(line(labels, widths, new boolean[columns]));
    out.println(rule);
    long count = 0;
    for (String[] values : sample) {
      out.println(line(values, widths, rightAligned));
      count++;
    }
    sample.clear();
    while (more && rows.next()) {
      out.println(line(values(rows, columns), widths, rightAligned));
      count++;
    }
    out.println(rule);
    out.println(count == 1 ? "(1 row)" : "(" + count + " rows)");
    return count;
  }

  @Override
  public void printUpdate(long count, PrintStream out) {
    out.println(count > 0 ? "(" + count + (count == 1 ? " row" : " rows") + " affected)" : "OK");
  }

  private static String[] values(ResultSet rows, int columns) throws SQLException {
    String[] values = new String[columns];
    for (int i = 0; i < columns; i++) {
      String value = rows.getString(i + 1);
      values[i] = value == null ? "NULL" : value;
    }
    return values;
  }

  private static String rule(int[] widths) {
    StringBuilder rule = new StringBuilder("+");
    for (int width : widths) {
      rule.append("-".repeat(width + 2)).append('+');
    }
    return rule.toString();
  }

  private static String line(String[] values, int[] widths, boolean[] rightAligned) {
    StringBuilder line = new StringBuilder("|");
    for (int i = 0; i < values.length; i++) {
      String value = values[i];
      String padding = " ".repeat(Math.max(0, widths[i] - value.length()));
      line.append(' ');
      if (rightAligned[i]) {
        line.append(padding).append(value);
      } else {
        line.append(value).append(padding);
      }
      line.append(" |");
    }
    return line.toString();
  }

  private static boolean isNumeric(int type) {
    switch (type) {
      case Types.TINYINT:
      case Types.SMALLINT:
      case Types.INTEGER:
      case Types.BIGINT:
      case Types.REAL:
      case Types.FLOAT:
      case Types.DOUBLE:
      case Types.DECIMAL:
      case Types.NUMERIC:
        return true;
      default:
        return false;
    }
  }
}
