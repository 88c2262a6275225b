package io.quiver.exec.operator.window;

import io.quiver.exec.fragment.node.AggregateFunction;
import io.quiver.exec.fragment.node.WindowCall;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The aggregates that windows compute through their definitions' accumulators, the slow, obvious
 * way over a frame's rows: two-pass variances and covariances, percentiles by sorting, distinct
 * counts by a set, STRING_AGG by concatenation. Part of {@link ReferenceWindow}.
 */
final class ReferenceAggregates {

  private ReferenceAggregates() {
  }

  static boolean handles(AggregateFunction function) {
    return switch (function) {
      case COUNT, SUM, AVG, MIN, MAX -> false;
      default -> true;
    };
  }

  static Object aggregate(WindowCall call, List<List<Object>> frame) {
    int first = call.arguments().get(0);
    switch (call.aggregate()) {
      case VAR_POP, VAR_SAMP, STDDEV_POP, STDDEV_SAMP: {
        List<Double> values = doubles(frame, first, -1);
        boolean sample = call.aggregate() == AggregateFunction.VAR_SAMP
            || call.aggregate() == AggregateFunction.STDDEV_SAMP;
        int n = values.size();
        if (n == 0 || (sample && n == 1)) {
          return null;
        }
        double mean = values.stream().mapToDouble(Double::doubleValue).sum() / n;
        double m2 = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        double variance = m2 / (sample ? n - 1 : n);
        boolean root = call.aggregate() == AggregateFunction.STDDEV_POP
            || call.aggregate() == AggregateFunction.STDDEV_SAMP;
        return root ? Math.sqrt(variance) : variance;
      }
      case COVAR_POP, COVAR_SAMP, CORR: {
        int second = call.arguments().get(1);
        List<Double> ys = doubles(frame, first, second);
        List<Double> xs = doubles(frame, second, first);
        int n = ys.size();
        double meanY = ys.stream().mapToDouble(Double::doubleValue).sum() / Math.max(1, n);
        double meanX = xs.stream().mapToDouble(Double::doubleValue).sum() / Math.max(1, n);
        double comoment = 0;
        double m2y = 0;
        double m2x = 0;
        for (int i = 0; i < n; i++) {
          comoment += (ys.get(i) - meanY) * (xs.get(i) - meanX);
          m2y += (ys.get(i) - meanY) * (ys.get(i) - meanY);
          m2x += (xs.get(i) - meanX) * (xs.get(i) - meanX);
        }
        if (call.aggregate() == AggregateFunction.COVAR_POP) {
          return n == 0 ? null : comoment / n;
        }
        if (call.aggregate() == AggregateFunction.COVAR_SAMP) {
          return n < 2 ? null : comoment / (n - 1);
        }
        // exactly constant sides have no correlation; the accumulator's M2 of them is 0 as well
        if (n == 0 || allEqual(ys) || allEqual(xs)) {
          return null;
        }
        return Math.max(-1, Math.min(1, comoment / (Math.sqrt(m2y) * Math.sqrt(m2x))));
      }
      case PERCENTILE_CONT: {
        List<Double> values = doubles(frame, first, -1);
        if (values.isEmpty()) {
          return null;
        }
        values.sort(null);
        double position = 0.5 * (values.size() - 1);
        int below = (int) Math.floor(position);
        int above = (int) Math.ceil(position);
        return values.get(below) + (position - below) * (values.get(above) - values.get(below));
      }
      case PERCENTILE_DISC: {
        List<Object> values = nonNull(frame, first);
        if (values.isEmpty()) {
          return null;
        }
        values.sort(ReferenceWindow::compareValues);
        return values.get(Math.max(0, (int) Math.ceil(0.5 * values.size()) - 1));
      }
      case APPROX_COUNT_DISTINCT: {
        Set<Object> distinct = new HashSet<>(nonNull(frame, first));
        return (long) distinct.size();
      }
      case STRING_AGG: {
        int separator = call.arguments().get(1);
        StringBuilder joined = null;
        for (List<Object> row : frame) {
          if (row.get(first) == null) {
            continue;
          }
          if (joined == null) {
            joined = new StringBuilder();
          } else if (row.get(separator) != null) {
            joined.append(row.get(separator));
          }
          joined.append(row.get(first));
        }
        return joined == null ? null : joined.toString();
      }
      default:
        throw new IllegalArgumentException(call.aggregate().name());
    }
  }

  private static boolean allEqual(List<Double> values) {
    return values.stream().distinct().count() <= 1;
  }

  private static List<Object> nonNull(List<List<Object>> frame, int column) {
    List<Object> values = new ArrayList<>();
    for (List<Object> row : frame) {
      if (row.get(column) != null) {
        values.add(row.get(column));
      }
    }
    return values;
  }

  /** The values of {@code column} as doubles, in rows where it and {@code other} (if not -1) are not NULL. */
  private static List<Double> doubles(List<List<Object>> frame, int column, int other) {
    List<Double> values = new ArrayList<>();
    for (List<Object> row : frame) {
      Object value = row.get(column);
      if (value == null || (other >= 0 && row.get(other) == null)) {
        continue;
      }
      values.add(value instanceof BigDecimal decimal ? decimal.doubleValue() : ((Number) value).doubleValue());
    }
    return values;
  }
}
