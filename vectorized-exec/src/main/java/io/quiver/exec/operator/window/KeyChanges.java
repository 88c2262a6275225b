package io.quiver.exec.operator.window;

import io.quiver.exec.batch.ColumnReader;
import io.quiver.exec.batch.ValueLayout;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;

/**
 * Finds the rows of a sorted batch whose key columns differ from the row before: where a new
 * partition (PARTITION BY keys) or a new peer group (ORDER BY keys) begins. Values compare as SQL
 * grouping does: NULL equals NULL, -0.0 equals 0.0, NaN equals NaN, text by its bytes. Each key
 * column is compared in one typed loop over the Arrow buffers.
 */
final class KeyChanges {

  /** Whether two rows of one vector hold the same non-NULL value. */
  @FunctionalInterface
  private interface SameValue {
    boolean test(int left, int right);
  }

  private KeyChanges() {
  }

  /**
   * Sets {@code changed[i]} for the rows {@code 1..rows)} of {@code vector} that differ from row
   * i - 1, and leaves the others as they are (row 0 is not looked at).
   */
  static void markChanges(FieldVector vector, int rows, boolean[] changed) {
    ValueLayout layout = ValueLayout.of(vector);
    if (layout == ValueLayout.NULL || rows < 2) {
      return;
    }
    SameValue same = sameValue(vector, layout);
    if (!ColumnReader.hasNulls(vector, rows)) {
      for (int i = 1; i < rows; i++) {
        if (!same.test(i - 1, i)) {
          changed[i] = true;
        }
      }
      return;
    }
    ArrowBuf validity = vector.getValidityBuffer();
    boolean previousValid = ColumnReader.isValid(validity, 0);
    for (int i = 1; i < rows; i++) {
      boolean valid = ColumnReader.isValid(validity, i);
      if (valid != previousValid || (valid && !same.test(i - 1, i))) {
        changed[i] = true;
      }
      previousValid = valid;
    }
  }

  /** True when row {@code row} of {@code vector} and row {@code otherRow} of {@code other} hold the same key. */
  static boolean sameKey(FieldVector vector, int row, FieldVector other, int otherRow) {
    boolean valid = !vector.isNull(row);
    boolean otherValid = !other.isNull(otherRow);
    if (!valid || !otherValid) {
      return valid == otherValid;
    }
    ValueLayout layout = ValueLayout.of(vector);
    ArrowBuf data = vector.getDataBuffer();
    ArrowBuf otherData = other.getDataBuffer();
    switch (layout) {
      case LONG:
        return readLong(data, ValueLayout.longWidth(vector), row)
            == readLong(otherData, ValueLayout.longWidth(other), otherRow);
      case BOOLEAN:
        return bit(data, row) == bit(otherData, otherRow);
      case FLOAT:
      case DOUBLE:
        return sameDouble(readDouble(data, layout, row), readDouble(otherData, ValueLayout.of(other), otherRow));
      case DECIMAL:
        return data.getLong(row * 16L) == otherData.getLong(otherRow * 16L)
            && data.getLong(row * 16L + 8) == otherData.getLong(otherRow * 16L + 8);
      case BYTES: {
        ArrowBuf offsets = vector.getOffsetBuffer();
        ArrowBuf otherOffsets = other.getOffsetBuffer();
        return sameBytes(data, offsets.getInt(row * 4L), offsets.getInt((row + 1) * 4L), otherData,
            otherOffsets.getInt(otherRow * 4L), otherOffsets.getInt((otherRow + 1) * 4L));
      }
      case NULL:
        return true;
      default:
        throw new IllegalStateException(layout.name());
    }
  }

  private static SameValue sameValue(FieldVector vector, ValueLayout layout) {
    ArrowBuf data = vector.getDataBuffer();
    switch (layout) {
      case LONG:
        switch (ValueLayout.longWidth(vector)) {
          case 1:
            return (left, right) -> data.getByte(left) == data.getByte(right);
          case 2:
            return (left, right) -> data.getShort(left * 2L) == data.getShort(right * 2L);
          case 4:
            return (left, right) -> data.getInt(left * 4L) == data.getInt(right * 4L);
          default:
            return (left, right) -> data.getLong(left * 8L) == data.getLong(right * 8L);
        }
      case BOOLEAN:
        return (left, right) -> bit(data, left) == bit(data, right);
      case FLOAT:
        return (left, right) -> sameDouble(data.getFloat(left * 4L), data.getFloat(right * 4L));
      case DOUBLE:
        return (left, right) -> sameDouble(data.getDouble(left * 8L), data.getDouble(right * 8L));
      case DECIMAL:
        return (left, right) -> data.getLong(left * 16L) == data.getLong(right * 16L)
            && data.getLong(left * 16L + 8) == data.getLong(right * 16L + 8);
      case BYTES: {
        ArrowBuf offsets = vector.getOffsetBuffer();
        return (left, right) -> sameBytes(data, offsets.getInt(left * 4L), offsets.getInt((left + 1) * 4L), data,
            offsets.getInt(right * 4L), offsets.getInt((right + 1) * 4L));
      }
      default:
        throw new IllegalStateException(layout.name());
    }
  }

  private static long readLong(ArrowBuf data, int width, int row) {
    switch (width) {
      case 1:
        return data.getByte(row);
      case 2:
        return data.getShort(row * 2L);
      case 4:
        return data.getInt(row * 4L);
      default:
        return data.getLong(row * 8L);
    }
  }

  private static int bit(ArrowBuf data, int row) {
    return (data.getByte(row >>> 3) >> (row & 7)) & 1;
  }

  private static double readDouble(ArrowBuf data, ValueLayout layout, int row) {
    return layout == ValueLayout.FLOAT ? data.getFloat(row * 4L) : data.getDouble(row * 8L);
  }

  private static boolean sameDouble(double left, double right) {
    return left == right || (Double.isNaN(left) && Double.isNaN(right));
  }

  private static boolean sameBytes(ArrowBuf left, int leftStart, int leftEnd, ArrowBuf right, int rightStart,
      int rightEnd) {
    int length = leftEnd - leftStart;
    if (length != rightEnd - rightStart) {
      return false;
    }
    int i = 0;
    for (; i + 8 <= length; i += 8) {
      if (left.getLong(leftStart + i) != right.getLong(rightStart + i)) {
        return false;
      }
    }
    for (; i < length; i++) {
      if (left.getByte(leftStart + i) != right.getByte(rightStart + i)) {
        return false;
      }
    }
    return true;
  }
}
