package io.quiver.tpch;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Compares the rows of two engines, in order. The rules:
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
    for (int row = 0; row < Math.min(expected.rows().size(), actual.rows().size()); row++) {
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
