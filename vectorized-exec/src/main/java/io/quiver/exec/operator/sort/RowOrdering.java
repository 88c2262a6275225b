package io.quiver.exec.operator.sort;

import io.quiver.exec.batch.ColumnReader;
import io.quiver.exec.batch.ValueLayout;
import io.quiver.exec.fragment.node.SortKey;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Computes the permutation that puts rows in ORDER BY order. When the first key is numeric (integer
 * kinds, dates, times, booleans, floating point) its values are normalized to longs whose signed order
 * is the wanted order; NULLs are placed apart; if the normalized keys span less than 2^31 each row
 * packs into one long (key, row) and a primitive sort does the work. Rows equal on the first key are
 * then ordered by the remaining keys. Other first keys use the general comparator sort.
 */
public final class RowOrdering {

  private RowOrdering() {
  }

  public static int[] sort(VectorSchemaRoot rows, int rowCount, List<SortKey> keys) {
    int[] order = new int[rowCount];
    for (int i = 0; i < rowCount; i++) {
      order[i] = i;
    }
    if (rowCount < 2 || keys.isEmpty()) {
      return order;
    }
    SortKey first = keys.get(0);
    FieldVector vector = rows.getVector(first.column());
    ValueLayout layout = ValueLayout.of(vector);
    if (layout != ValueLayout.LONG && layout != ValueLayout.BOOLEAN && layout != ValueLayout.FLOAT
        && layout != ValueLayout.DOUBLE) {
      IndexSorter.sort(order, rowCount, SortKeyComparators.create(rows, rowCount, keys));
      return order;
    }
    long[] normalized = normalize(vector, rowCount, layout, first.ascending());
    boolean[] valid = new boolean[rowCount];
    ColumnReader.readValidity(vector, rowCount, valid);
    int nullCount = 0;
    for (int i = 0; i < rowCount; i++) {
      if (!valid[i]) {
        nullCount++;
      }
    }
    int nonNullStart = first.nullsFirst() ? nullCount : 0;
    int nullStart = first.nullsFirst() ? 0 : rowCount - nullCount;
    int nextValue = nonNullStart;
    int nextNull = nullStart;
    for (int i = 0; i < rowCount; i++) {
      if (valid[i]) {
        order[nextValue++] = i;
      } else {
        order[nextNull++] = i;
      }
    }
    sortByNormalized(order, nonNullStart, rowCount - nullCount, normalized);
    if (keys.size() > 1) {
      IndexComparator rest = SortKeyComparators.create(rows, rowCount, keys.subList(1, keys.size()));
      IndexSorter.sortRange(order, nullStart, nullStart + nullCount, rest);
      int end = nonNullStart + rowCount - nullCount;
      int runStart = nonNullStart;
      for (int i = nonNullStart + 1; i <= end; i++) {
        if (i == end || normalized[order[i]] != normalized[order[runStart]]) {
          if (i - runStart > 1) {
            IndexSorter.sortRange(order, runStart, i, rest);
          }
          runStart = i;
        }
      }
    }
    return order;
  }

  private static long[] normalize(FieldVector vector, int rowCount, ValueLayout layout, boolean ascending) {
    long[] normalized = new long[rowCount];
    if (layout == ValueLayout.FLOAT || layout == ValueLayout.DOUBLE) {
      double[] values = new double[rowCount];
      ColumnReader.readDoubles(vector, rowCount, values);
      for (int i = 0; i < rowCount; i++) {
        long bits = Double.doubleToLongBits(values[i]);
        normalized[i] = bits ^ ((bits >> 63) & 0x7FFFFFFFFFFFFFFFL);
      }
    } else {
      ColumnReader.readLongs(vector, rowCount, normalized);
    }
    if (!ascending) {
      for (int i = 0; i < rowCount; i++) {
        normalized[i] = ~normalized[i];
      }
    }
    return normalized;
  }

  /** Sorts {@code order[from..from+count)} by {@code normalized[row]}. */
  private static void sortByNormalized(int[] order, int from, int count, long[] normalized) {
    if (count < 2) {
      return;
    }
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int i = from; i < from + count; i++) {
      long value = normalized[order[i]];
      min = Math.min(min, value);
      max = Math.max(max, value);
    }
    long span = max - min;
    if (span >= 0 && (span >>> 31) == 0) {
      long[] packed = new long[count];
      for (int i = 0; i < count; i++) {
        int row = order[from + i];
        packed[i] = ((normalized[row] - min) << 32) | row;
      }
      Arrays.sort(packed);
      for (int i = 0; i < count; i++) {
        order[from + i] = (int) packed[i];
      }
      return;
    }
    IndexSorter.sortRange(order, from, from + count, (left, right) -> Long.compare(normalized[left], normalized[right]));
  }
}
