package io.quiver.exec.operator.window;

import io.quiver.exec.fragment.node.AggregateFunction;
import io.quiver.exec.fragment.node.SortKey;
import io.quiver.exec.fragment.node.WindowCall;
import io.quiver.exec.fragment.node.WindowFrame;
import io.quiver.exec.fragment.node.WindowFrame.Bound;
import io.quiver.exec.fragment.node.WindowFrame.BoundKind;
import io.quiver.exec.fragment.node.WindowFunction;
import io.quiver.exec.type.TypeKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Window functions the slow, obvious way, straight from the definitions: partitions by key
 * equality, rows sorted with a comparator, each row's frame found by scanning its partition, and
 * each function computed over the frame's rows one by one. The oracle of {@code WindowProperties}.
 * Values are Java objects as {@code TestTables} reads them (Long, Double, BigDecimal, String,
 * LocalDate).
 */
final class ReferenceWindow {

  private ReferenceWindow() {
  }

  /** The input rows, each followed by the calls' values, in no particular order. */
  static List<List<Object>> evaluate(List<List<Object>> rows, List<Integer> partitionKeys, List<SortKey> orderKeys,
      List<WindowCall> calls) {
    Map<List<Object>, List<List<Object>>> partitions = new LinkedHashMap<>();
    for (List<Object> row : rows) {
      List<Object> key = new ArrayList<>();
      for (int column : partitionKeys) {
        key.add(row.get(column));
      }
      partitions.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
    }
    List<List<Object>> result = new ArrayList<>();
    for (List<List<Object>> partition : partitions.values()) {
      partition.sort(comparator(orderKeys));
      for (int i = 0; i < partition.size(); i++) {
        List<Object> out = new ArrayList<>(partition.get(i));
        for (WindowCall call : calls) {
          out.add(value(partition, i, orderKeys, call));
        }
        result.add(out);
      }
    }
    return result;
  }

  static Comparator<List<Object>> comparator(List<SortKey> keys) {
    return (left, right) -> {
      for (SortKey key : keys) {
        Object a = left.get(key.column());
        Object b = right.get(key.column());
        int comparison;
        if (a == null || b == null) {
          comparison = a == null && b == null ? 0 : (a == null ? -1 : 1);
          comparison = key.nullsFirst() ? comparison : -comparison;
        } else {
          comparison = compareValues(a, b);
          comparison = key.ascending() ? comparison : -comparison;
        }
        if (comparison != 0) {
          return comparison;
        }
      }
      return 0;
    };
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static int compareValues(Object a, Object b) {
    return ((Comparable) a).compareTo(b);
  }

  private static boolean peers(List<Object> a, List<Object> b, List<SortKey> orderKeys) {
    for (SortKey key : orderKeys) {
      if (!Objects.equals(a.get(key.column()), b.get(key.column()))) {
        return false;
      }
    }
    return true;
  }

  private static Object value(List<List<Object>> partition, int i, List<SortKey> orderKeys, WindowCall call) {
    int n = partition.size();
    int peerStart = i;
    while (peerStart > 0 && peers(partition.get(peerStart - 1), partition.get(i), orderKeys)) {
      peerStart--;
    }
    int peerEnd = i + 1;
    while (peerEnd < n && peers(partition.get(peerEnd), partition.get(i), orderKeys)) {
      peerEnd++;
    }
    switch (call.function()) {
      case ROW_NUMBER:
        return (long) i + 1;
      case RANK:
        return (long) peerStart + 1;
      case DENSE_RANK: {
        long groups = 1;
        for (int j = 1; j <= i; j++) {
          if (!peers(partition.get(j - 1), partition.get(j), orderKeys)) {
            groups++;
          }
        }
        return groups;
      }
      case PERCENT_RANK:
        return n == 1 ? 0.0 : (double) peerStart / (n - 1);
      case CUME_DIST:
        return (double) peerEnd / n;
      case NTILE:
        return call.parameter() == null ? null : ntile(n, call.parameter(), i);
      case LAG:
      case LEAD:
        return offsetValue(partition, i, call);
      default:
        break;
    }
    int[] frame = frame(partition, i, peerStart, peerEnd, orderKeys, call.frame());
    if (call.function() == WindowFunction.AGGREGATE && ReferenceAggregates.handles(call.aggregate())) {
      return ReferenceAggregates.aggregate(call, partition.subList(frame[0], frame[1]));
    }
    List<Object> values = new ArrayList<>();
    List<Object> all = new ArrayList<>();
    int column = call.arguments().isEmpty() ? -1 : call.arguments().get(0);
    for (int j = frame[0]; j < frame[1]; j++) {
      Object v = column < 0 ? 1L : partition.get(j).get(column);
      all.add(v);
      if (v != null) {
        values.add(v);
      }
    }
    List<Object> counted = call.ignoreNulls() ? values : all;
    switch (call.function()) {
      case FIRST_VALUE:
        return counted.isEmpty() ? null : counted.get(0);
      case LAST_VALUE:
        return counted.isEmpty() ? null : counted.get(counted.size() - 1);
      case NTH_VALUE:
        return call.parameter() == null || counted.size() < call.parameter() ? null
            : counted.get((int) (call.parameter() - 1));
      default:
        return aggregate(call, values, all.size());
    }
  }

  private static Object aggregate(WindowCall call, List<Object> values, int frameRows) {
    AggregateFunction function = call.aggregate();
    if (function == AggregateFunction.COUNT) {
      return call.arguments().isEmpty() ? (long) frameRows : (long) values.size();
    }
    if (values.isEmpty()) {
      return null;
    }
    switch (function) {
      case MIN:
      case MAX: {
        Object best = values.get(0);
        for (Object v : values) {
          int comparison = compareValues(v, best);
          if (function == AggregateFunction.MIN ? comparison < 0 : comparison > 0) {
            best = v;
          }
        }
        return best;
      }
      case SUM:
      case AVG: {
        boolean average = function == AggregateFunction.AVG;
        Object first = values.get(0);
        if (first instanceof Long) {
          long sum = 0;
          for (Object v : values) {
            sum = Math.addExact(sum, (Long) v);
          }
          if (average) {
            return (double) sum / values.size();
          }
          return sum;
        }
        if (first instanceof Double) {
          double sum = 0;
          for (Object v : values) {
            sum += (Double) v;
          }
          return average ? sum / values.size() : sum;
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (Object v : values) {
          sum = sum.add((BigDecimal) v);
        }
        if (average) {
          return sum.divide(BigDecimal.valueOf(values.size()), call.resultType().scale(), RoundingMode.HALF_UP);
        }
        return sum.setScale(call.resultType().scale());
      }
      default:
        throw new IllegalArgumentException(function.name());
    }
  }

  /** Whether two rows are equal, doubles within a relative 1e-9 (aggregates of doubles in another order). */
  static boolean sameRow(List<Object> expected, List<Object> actual) {
    if (expected.size() != actual.size()) {
      return false;
    }
    for (int i = 0; i < expected.size(); i++) {
      Object a = expected.get(i);
      Object b = actual.get(i);
      if (a instanceof Double x && b instanceof Double y) {
        if (Math.abs(x - y) > 1e-9 * Math.max(1, Math.max(Math.abs(x), Math.abs(y)))) {
          return false;
        }
      } else if (!Objects.equals(a, b)) {
        return false;
      }
    }
    return true;
  }

  private static Long ntile(int n, long buckets, int i) {
    long perBucket = n / buckets;
    long remainder = n % buckets;
    long bucket = 1;
    long seen = 0;
    while (true) {
      long size = perBucket + (bucket <= remainder ? 1 : 0);
      if (i < seen + size) {
        return bucket;
      }
      seen += size;
      bucket++;
    }
  }

  private static Object offsetValue(List<List<Object>> partition, int i, WindowCall call) {
    if (call.parameter() == null) {
      return null;
    }
    long step = call.function() == WindowFunction.LEAD ? call.parameter() : -call.parameter();
    int column = call.arguments().get(0);
    Object fallback = call.arguments().size() > 1 ? partition.get(i).get(call.arguments().get(1)) : null;
    if (!call.ignoreNulls() || step == 0) {
      long target = i + step;
      return target >= 0 && target < partition.size() ? partition.get((int) target).get(column) : fallback;
    }
    int direction = step > 0 ? 1 : -1;
    long remaining = Math.abs(step);
    for (int j = i + direction; j >= 0 && j < partition.size(); j += direction) {
      if (partition.get(j).get(column) != null && --remaining == 0) {
        return partition.get(j).get(column);
      }
    }
    return fallback;
  }

  /** The frame of row i as positions [start, end) in its partition. */
  private static int[] frame(List<List<Object>> partition, int i, int peerStart, int peerEnd,
      List<SortKey> orderKeys, WindowFrame frame) {
    int start = bound(partition, i, peerStart, peerEnd, orderKeys, frame, frame.start(), true);
    int end = bound(partition, i, peerStart, peerEnd, orderKeys, frame, frame.end(), false);
    return new int[] {start, Math.max(start, end)};
  }

  private static int bound(List<List<Object>> partition, int i, int peerStart, int peerEnd, List<SortKey> orderKeys,
      WindowFrame frame, Bound bound, boolean isStart) {
    int n = partition.size();
    switch (bound.kind()) {
      case UNBOUNDED_PRECEDING:
        return 0;
      case UNBOUNDED_FOLLOWING:
        return n;
      case CURRENT_ROW:
        if (frame.unit() == WindowFrame.Unit.RANGE) {
          return isStart ? peerStart : peerEnd;
        }
        return isStart ? i : i + 1;
      default:
        break;
    }
    boolean preceding = bound.kind() == BoundKind.PRECEDING;
    if (frame.unit() == WindowFrame.Unit.ROWS) {
      long offset = Math.min(bound.offset().longValue(), n + 1L);
      long row = preceding ? i - offset : i + offset;
      return (int) Math.max(0, Math.min(n, isStart ? row : row + 1));
    }
    SortKey key = orderKeys.get(0);
    Object current = partition.get(i).get(key.column());
    if (current == null) {
      int first = 0;
      while (partition.get(first).get(key.column()) != null) {
        first++;
      }
      int last = first;
      while (last < n && partition.get(last).get(key.column()) == null) {
        last++;
      }
      return isStart ? first : last;
    }
    boolean add = preceding != key.ascending();
    Object target = shift(current, bound.offset(), add);
    // the first non-NULL row at or past the target in sort order (start), strictly past it (end)
    int first = -1;
    int afterLast = 0;
    for (int j = 0; j < n; j++) {
      Object value = partition.get(j).get(key.column());
      if (value == null) {
        continue;
      }
      if (first < 0) {
        first = j;
      }
      afterLast = j + 1;
      int comparison = compareValues(value, target);
      if (!key.ascending()) {
        comparison = -comparison;
      }
      if (isStart ? comparison >= 0 : comparison > 0) {
        return j;
      }
    }
    return afterLast;
  }

  private static Object shift(Object value, io.quiver.exec.fragment.expression.Literal offset, boolean add) {
    int sign = add ? 1 : -1;
    if (value instanceof Long v) {
      return v + sign * offset.longValue();
    }
    if (value instanceof Double v) {
      return v + sign * offset.doubleValue();
    }
    if (value instanceof BigDecimal v) {
      return sign > 0 ? v.add(offset.decimalValue()) : v.subtract(offset.decimalValue());
    }
    LocalDate date = (LocalDate) value;
    if (offset.type().kind() == TypeKind.INTERVAL_YEAR_MONTH) {
      return date.plusMonths(sign * offset.longValue());
    }
    return date.plusDays(sign * offset.longValue() / 86_400_000_000L);
  }
}
