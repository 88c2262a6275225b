package io.quiver.tpch;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Compares the rows of two engines, in order, except that rows tied under the ORDER BY may come in
 * another order: a run of rows that differ position by position is accepted when it holds the same
 * rows in another order and all of them share one column's value (the tied sort key; Q11 at SF10
 * has parts of equal value). The value rules:
 * <ul>
 *   <li>exact against exact (integers, DECIMAL): numerically equal ({@code compareTo}), whatever
 *       the scales;
 *   <li>a DOUBLE on either side: equal within 1e-9 relative ({@code |a - b| <= 1e-9 * max(|a|, |b|)},
 *       or both within 1e-12 of zero);
 *   <li>a DECIMAL with six or more decimals against a DOUBLE may also differ by half a unit in the
 *       decimal's last place: Quiver's avg(DECIMAL(p,s)) is DECIMAL(p+4, s+4), rounded, where
 *       DuckDB's is a DOUBLE;
 *   <li>anything else (text, dates as text, NULL): equal.
 * </ul>
 */
public final class AnswerComparison {

  public static final double RELATIVE_TOLERANCE = 1e-9;

  private AnswerComparison() {}

  /** The differences, one line each; empty when the answers agree. */
  public static List<String> differences(ResultRows expected, ResultRows actual) {
    List<String> differences = new ArrayList<>();
    if (expected.rows().size() != actual.rows().size()) {
      differences.add("expected " + expected.rows().size() + " rows but got " + actual.rows().size());
    }
    int columns = expected.columnNames().size();
    if (columns != actual.columnNames().size()) {
      differences.add("expected " + columns + " columns " + expected.columnNames() + " but got "
          + actual.columnNames().size() + " " + actual.columnNames());
      return differences;
    }
    int rows = Math.min(expected.rows().size(), actual.rows().size());
    for (int row = 0; row < rows && differences.size() < MAX_DIFFERENCES; row++) {
      if (!rowsAgree(expected.rows().get(row), actual.rows().get(row))) {
        int tiedEnd = tiedRunEnd(expected.rows(), actual.rows(), row, rows);
        if (tiedEnd > row) {
          row = tiedEnd - 1;
          continue;
        }
      }
      for (int column = 0; column < columns; column++) {
        Object want = expected.rows().get(row).get(column);
        Object got = actual.rows().get(row).get(column);
        if (!valuesAgree(want, got)) {
          differences.add("row " + (row + 1) + ", column " + expected.columnNames().get(column)
              + ": expected " + describe(want) + " but got " + describe(got));
        }
      }
    }
    return differences;
  }

  /** The most rows one tied run may span; ties in TPC-H answers are a few rows. */
  static final int MAX_TIED_RUN = 100;

  /** After this many differences the rest are not looked for. */
  static final int MAX_DIFFERENCES = 100;

  /**
   * The end (exclusive) of the shortest run of rows from {@code start} that holds the same rows on
   * both sides in another order, all of them sharing one column's value; {@code start} when there
   * is none.
   */
  private static int tiedRunEnd(List<List<Object>> expected, List<List<Object>> actual, int start, int rows) {
    List<Object> first = expected.get(start);
    boolean[] shared = new boolean[first.size()];
    java.util.Arrays.fill(shared, true);
    for (int end = start + 1; end <= Math.min(rows, start + MAX_TIED_RUN); end++) {
      boolean any = false;
      for (int column = 0; column < shared.length; column++) {
        shared[column] = shared[column] && valuesAgree(first.get(column), expected.get(end - 1).get(column));
        any |= shared[column];
      }
      if (!any) {
        return start;
      }
      if (end - start >= 2 && isPermutation(expected.subList(start, end), actual.subList(start, end))) {
        return end;
      }
    }
    return start;
  }

  private static boolean isPermutation(List<List<Object>> expected, List<List<Object>> actual) {
    List<List<Object>> unmatched = new ArrayList<>(actual);
    for (List<Object> row : expected) {
      boolean found = false;
      for (int i = 0; i < unmatched.size() && !found; i++) {
        if (rowsAgree(row, unmatched.get(i))) {
          unmatched.remove(i);
          found = true;
        }
      }
      if (!found) {
        return false;
      }
    }
    return true;
  }

  private static boolean rowsAgree(List<Object> expected, List<Object> actual) {
    for (int column = 0; column < expected.size(); column++) {
      if (!valuesAgree(expected.get(column), actual.get(column))) {
        return false;
      }
    }
    return true;
  }

  public static boolean valuesAgree(Object expected, Object actual) {
    if (expected == null || actual == null) {
      return expected == actual;
    }
    if (expected instanceof BigDecimal left && actual instanceof BigDecimal right) {
      return left.compareTo(right) == 0;
    }
    if (expected instanceof Number left && actual instanceof Number right) {
      double a = left.doubleValue();
      double b = right.doubleValue();
      if (withinRelative(a, b)) {
        return true;
      }
      BigDecimal decimal = expected instanceof BigDecimal d ? d : actual instanceof BigDecimal d ? d : null;
      if (decimal != null && decimal.scale() >= 6) {
        double halfUnit = 0.5 * Math.pow(10, -decimal.scale());
        return Math.abs(a - b) <= halfUnit * (1 + RELATIVE_TOLERANCE) + RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
      }
      return false;
    }
    return Objects.equals(expected, actual);
  }

  private static boolean withinRelative(double a, double b) {
    if (Double.isNaN(a) || Double.isNaN(b)) {
      return Double.isNaN(a) && Double.isNaN(b);
    }
    if (a == b) {
      return true;
    }
    double scale = Math.max(Math.abs(a), Math.abs(b));
    return scale < 1e-12 || Math.abs(a - b) <= RELATIVE_TOLERANCE * scale;
  }

  private static String describe(Object value) {
    if (value == null) {
      return "NULL";
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString() + " (exact)";
    }
    if (value instanceof Double) {
      return value + " (double)";
    }
    return "'" + value + "'";
  }
}
