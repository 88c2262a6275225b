package io.quiver.exec.operator.sort;

import io.quiver.exec.batch.ColumnReader;
import io.quiver.exec.batch.ValueLayout;
import io.quiver.exec.fragment.node.SortKey;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Builds a row comparator for ORDER BY keys over one set of vectors. Key values are first read into
 * primitive arrays (one typed loop per key), so comparisons touch no Arrow object. NULLs go first
 * or last as the key says, whatever its direction; text compares by unsigned bytes (code points).
 */
final class SortKeyComparators {

  private SortKeyComparators() {
  }

  static IndexComparator create(VectorSchemaRoot rows, int rowCount, List<SortKey> keys) {
    IndexComparator[] comparators = new IndexComparator[keys.size()];
    for (int k = 0; k < keys.size(); k++) {
      comparators[k] = forKey(rows.getVector(keys.get(k).column()), rowCount, keys.get(k));
    }
    if (comparators.length == 1) {
      return comparators[0];
    }
    return (left, right) -> {
      for (IndexComparator comparator : comparators) {
        int comparison = comparator.compare(left, right);
        if (comparison != 0) {
          return comparison;
        }
      }
      return 0;
    };
  }

  private static IndexComparator forKey(FieldVector vector, int rowCount, SortKey key) {
    boolean[] valid = new boolean[rowCount];
    ColumnReader.readValidity(vector, rowCount, valid);
    IndexComparator values = valueComparator(vector, rowCount);
    boolean ascending = key.ascending();
    int nullOrder = key.nullsFirst() ? -1 : 1;
    return (left, right) -> {
      boolean leftValid = valid[left];
      boolean rightValid = valid[right];
      if (leftValid && rightValid) {
        int comparison = values.compare(left, right);
        return ascending ? comparison : -comparison;
      }
      if (leftValid == rightValid) {
        return 0;
      }
      return leftValid ? -nullOrder : nullOrder;
    };
  }

  private static IndexComparator valueComparator(FieldVector vector, int rowCount) {
    ValueLayout layout = ValueLayout.of(vector);
    switch (layout) {
      case LONG:
      case BOOLEAN: {
        long[] values = new long[rowCount];
        ColumnReader.readLongs(vector, rowCount, values);
        return (left, right) -> Long.compare(values[left], values[right]);
      }
      case FLOAT:
      case DOUBLE: {
        double[] values = new double[rowCount];
        ColumnReader.readDoubles(vector, rowCount, values);
        // -0.0 equals 0.0 (SQL equality), NaN sorts above every number
        return (left, right) -> values[left] == values[right] ? 0 : Double.compare(values[left], values[right]);
      }
      case DECIMAL: {
        long[] low = new long[rowCount];
        long[] high = new long[rowCount];
        ArrowBuf data = vector.getDataBuffer();
        for (int i = 0; i < rowCount; i++) {
          low[i] = data.getLong(i * 16L);
          high[i] = data.getLong(i * 16L + 8);
        }
        return (left, right) -> {
          int byHigh = Long.compare(high[left], high[right]);
          return byHigh != 0 ? byHigh : Long.compareUnsigned(low[left], low[right]);
        };
      }
      case BYTES: {
        ArrowBuf data = vector.getDataBuffer();
        ArrowBuf offsets = vector.getOffsetBuffer();
        int[] starts = new int[rowCount + 1];
        for (int i = 0; i <= rowCount; i++) {
          starts[i] = offsets.getInt(i * 4L);
        }
        return (left, right) -> compareBytes(data, starts[left], starts[left + 1] - starts[left],
            starts[right], starts[right + 1] - starts[right]);
      }
      case NULL:
        return (left, right) -> 0;
      default:
        throw new IllegalStateException(layout.name());
    }
  }

  private static int compareBytes(ArrowBuf data, int leftStart, int leftLength, int rightStart, int rightLength) {
    int common = Math.min(leftLength, rightLength);
    int i = 0;
    for (; i + 8 <= common; i += 8) {
      long leftWord = Long.reverseBytes(data.getLong(leftStart + i));
      long rightWord = Long.reverseBytes(data.getLong(rightStart + i));
      if (leftWord != rightWord) {
        return Long.compareUnsigned(leftWord, rightWord);
      }
    }
    for (; i < common; i++) {
      int comparison = Integer.compare(data.getByte(leftStart + i) & 0xFF, data.getByte(rightStart + i) & 0xFF);
      if (comparison != 0) {
        return comparison;
      }
    }
    return Integer.compare(leftLength, rightLength);
  }
}
