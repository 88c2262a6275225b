package io.quiver.exec.operator.sort;

import io.quiver.exec.batch.ColumnReader;
import io.quiver.exec.batch.ValueLayout;
import io.quiver.exec.fragment.node.SortKey;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The ORDER BY key values of one batch, read once into primitive arrays, so that a row of this
 * batch compares with a row of another batch of the same schema (the merge of sorted runs). The
 * order is the one {@link SortKeyComparators} sorts by: NULLs first or last as each key says,
 * -0.0 equal to 0.0, NaN above every number, text by unsigned bytes.
 */
final class BatchSortKeys {

  private final List<SortKey> keys;
  private final boolean[][] valid;
  private final long[][] longs;
  private final long[][] highs;
  private final double[][] doubles;
  private final int[][] starts;
  private final ArrowBuf[] bytes;
  private final ValueLayout[] layouts;

  /** Reads the keys of {@code batch}, which must stay open while this is used. */
  BatchSortKeys(VectorSchemaRoot batch, List<SortKey> keys) {
    this.keys = keys;
    int rows = batch.getRowCount();
    int count = keys.size();
    valid = new boolean[count][];
    longs = new long[count][];
    highs = new long[count][];
    doubles = new double[count][];
    starts = new int[count][];
    bytes = new ArrowBuf[count];
    layouts = new ValueLayout[count];
    for (int k = 0; k < count; k++) {
      FieldVector vector = batch.getVector(keys.get(k).column());
      valid[k] = new boolean[rows];
      ColumnReader.readValidity(vector, rows, valid[k]);
      ValueLayout layout = ValueLayout.of(vector);
      layouts[k] = layout;
      switch (layout) {
        case LONG, BOOLEAN -> {
          longs[k] = new long[rows];
          ColumnReader.readLongs(vector, rows, longs[k]);
        }
        case FLOAT, DOUBLE -> {
          doubles[k] = new double[rows];
          ColumnReader.readDoubles(vector, rows, doubles[k]);
        }
        case DECIMAL -> {
          longs[k] = new long[rows];
          highs[k] = new long[rows];
          ArrowBuf data = vector.getDataBuffer();
          for (int i = 0; i < rows; i++) {
            longs[k][i] = data.getLong(i * 16L);
            highs[k][i] = data.getLong(i * 16L + 8);
          }
        }
        case BYTES -> {
          bytes[k] = vector.getDataBuffer();
          ArrowBuf offsets = vector.getOffsetBuffer();
          starts[k] = new int[rows + 1];
          for (int i = 0; i <= rows && rows > 0; i++) {
            starts[k][i] = offsets.getInt(i * 4L);
          }
        }
        case NULL -> {
        }
        default -> throw new IllegalStateException(layout.name());
      }
    }
  }

  /** Compares row {@code row} of this batch with row {@code otherRow} of {@code other}. */
  int compare(int row, BatchSortKeys other, int otherRow) {
    for (int k = 0; k < layouts.length; k++) {
      boolean leftValid = valid[k][row];
      boolean rightValid = other.valid[k][otherRow];
      int comparison;
      if (leftValid && rightValid) {
        comparison = compareValues(k, row, other, otherRow);
        if (!keys.get(k).ascending()) {
          comparison = -comparison;
        }
      } else if (leftValid == rightValid) {
        comparison = 0;
      } else {
        int nullOrder = keys.get(k).nullsFirst() ? -1 : 1;
        comparison = leftValid ? -nullOrder : nullOrder;
      }
      if (comparison != 0) {
        return comparison;
      }
    }
    return 0;
  }

  private int compareValues(int k, int row, BatchSortKeys other, int otherRow) {
    switch (layouts[k]) {
      case LONG:
      case BOOLEAN:
        return Long.compare(longs[k][row], other.longs[k][otherRow]);
      case FLOAT:
      case DOUBLE: {
        double left = doubles[k][row];
        double right = other.doubles[k][otherRow];
        return left == right ? 0 : Double.compare(left, right);
      }
      case DECIMAL: {
        int byHigh = Long.compare(highs[k][row], other.highs[k][otherRow]);
        return byHigh != 0 ? byHigh : Long.compareUnsigned(longs[k][row], other.longs[k][otherRow]);
      }
      case BYTES:
        return compareBytes(bytes[k], starts[k][row], starts[k][row + 1] - starts[k][row],
            other.bytes[k], other.starts[k][otherRow], other.starts[k][otherRow + 1] - other.starts[k][otherRow]);
      default:
        return 0;
    }
  }

  private static int compareBytes(ArrowBuf left, int leftStart, int leftLength, ArrowBuf right, int rightStart,
      int rightLength) {
    int common = Math.min(leftLength, rightLength);
    int i = 0;
    for (; i + 8 <= common; i += 8) {
      long leftWord = Long.reverseBytes(left.getLong(leftStart + i));
      long rightWord = Long.reverseBytes(right.getLong(rightStart + i));
      if (leftWord != rightWord) {
        return Long.compareUnsigned(leftWord, rightWord);
      }
    }
    for (; i < common; i++) {
      int comparison = Integer.compare(left.getByte(leftStart + i) & 0xFF, right.getByte(rightStart + i) & 0xFF);
      if (comparison != 0) {
        return comparison;
      }
    }
    return Integer.compare(leftLength, rightLength);
  }
}
