package io.quiver.exec.operator.sort;

import io.quiver.exec.batch.ColumnReader;
import io.quiver.exec.batch.ValueLayout;
import io.quiver.exec.fragment.node.SortKey;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Computes the permutation that puts rows in ORDER BY order, one key after the other. A key whose
 * values are numeric (integer kinds, dates, times, booleans, floating point, decimals of up to 18
 * digits) is normalized to longs whose signed order is the wanted order; its NULLs are placed apart;
 * if the normalized keys of a range span less than 2^31 each row packs into one long (key, row) and
 * a primitive sort does the work. Each run of rows equal on that key is then ordered by the next
 * key the same way. From the first key that cannot be normalized (text, wide decimals) on, runs are
 * ordered by the general comparator of the remaining keys. Normalized values and comparators are
 * made once per key, for all rows.
 */
public final class RowOrdering {

  private final VectorSchemaRoot rows;
  private final int rowCount;
  private final List<SortKey> keys;
  private final long[][] normalized;
  private final boolean[][] valid;
  private final IndexComparator[] remaining;
  /** Per key: 1 normalizable, -1 not, 0 not looked at yet. */
  private final int[] kinds;

  private RowOrdering(VectorSchemaRoot rows, int rowCount, List<SortKey> keys) {
    this.rows = rows;
    this.rowCount = rowCount;
    this.keys = keys;
    this.normalized = new long[keys.size()][];
    this.valid = new boolean[keys.size()][];
    this.remaining = new IndexComparator[keys.size()];
    this.kinds = new int[keys.size()];
  }

  public static int[] sort(VectorSchemaRoot rows, int rowCount, List<SortKey> keys) {
    int[] order = new int[rowCount];
    for (int i = 0; i < rowCount; i++) {
      order[i] = i;
    }
    if (rowCount < 2 || keys.isEmpty()) {
      return order;
    }
    new RowOrdering(rows, rowCount, keys).sortRange(order, 0, rowCount, 0);
    return order;
  }

  /** Sorts {@code order[from..to)}, whose rows are equal on the keys before {@code k}, by keys k, k + 1, ... */
  private void sortRange(int[] order, int from, int to, int k) {
    if (to - from < 2 || k >= keys.size()) {
      return;
    }
    SortKey key = keys.get(k);
    FieldVector vector = rows.getVector(key.column());
    if (kinds[k] == 0) {
      kinds[k] = normalizable(vector) ? 1 : -1;
    }
    if (kinds[k] < 0) {
      if (remaining[k] == null) {
        remaining[k] = SortKeyComparators.create(rows, rowCount, keys.subList(k, keys.size()));
      }
      IndexSorter.sortRange(order, from, to, remaining[k]);
      return;
    }
    if (normalized[k] == null) {
      normalized[k] = normalize(vector, rowCount, ValueLayout.of(vector), key.ascending());
      valid[k] = new boolean[rowCount];
      ColumnReader.readValidity(vector, rowCount, valid[k]);
    }
    long[] values = normalized[k];
    boolean[] present = valid[k];
    int nullCount = 0;
    for (int i = from; i < to; i++) {
      if (!present[order[i]]) {
        nullCount++;
      }
    }
    int nonNullStart = from;
    int nullStart = to - nullCount;
    if (nullCount > 0) {
      // a stable partition: the NULLs before or after the values, as the key says
      int[] copy = Arrays.copyOfRange(order, from, to);
      nonNullStart = key.nullsFirst() ? from + nullCount : from;
      nullStart = key.nullsFirst() ? from : to - nullCount;
      int nextValue = nonNullStart;
      int nextNull = nullStart;
      for (int row : copy) {
        if (present[row]) {
          order[nextValue++] = row;
        } else {
          order[nextNull++] = row;
        }
      }
      sortRange(order, nullStart, nullStart + nullCount, k + 1);
    }
    int end = nonNullStart + (to - from - nullCount);
    sortByNormalized(order, nonNullStart, end - nonNullStart, values);
    if (k + 1 < keys.size()) {
      int runStart = nonNullStart;
      for (int i = nonNullStart + 1; i <= end; i++) {
        if (i == end || values[order[i]] != values[order[runStart]]) {
          if (i - runStart > 1) {
            sortRange(order, runStart, i, k + 1);
          }
          runStart = i;
        }
      }
    }
  }

  private static boolean normalizable(FieldVector vector) {
    ValueLayout layout = ValueLayout.of(vector);
    return layout == ValueLayout.LONG || layout == ValueLayout.BOOLEAN || layout == ValueLayout.FLOAT
        || layout == ValueLayout.DOUBLE
        || (layout == ValueLayout.DECIMAL && ((DecimalVector) vector).getPrecision() <= 18);
  }

  private static long[] normalize(FieldVector vector, int rowCount, ValueLayout layout, boolean ascending) {
    long[] normalized = new long[rowCount];
    if (layout == ValueLayout.FLOAT || layout == ValueLayout.DOUBLE) {
      double[] values = new double[rowCount];
      ColumnReader.readDoubles(vector, rowCount, values);
      for (int i = 0; i < rowCount; i++) {
        // -0.0 sorts as 0.0: equal values must be adjacent for the groups a window finds
        long bits = Double.doubleToLongBits(values[i] == 0.0d ? 0.0d : values[i]);
        normalized[i] = bits ^ ((bits >> 63) & 0x7FFFFFFFFFFFFFFFL);
      }
    } else if (layout == ValueLayout.DECIMAL) {
      // up to 18 digits the unscaled value is the low 64 bits
      ArrowBuf data = vector.getDataBuffer();
      for (int i = 0; i < rowCount; i++) {
        normalized[i] = data.getLong(i * 16L);
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
    if (min == max) {
      return;
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
