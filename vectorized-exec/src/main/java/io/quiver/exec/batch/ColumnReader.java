package io.quiver.exec.batch;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;

/** Tight loops that read a batch column into primitive arrays, straight from the Arrow buffers. */
public final class ColumnReader {

  private ColumnReader() {
  }

  /** True when row {@code index} of a vector with validity buffer {@code validity} is not NULL. */
  public static boolean isValid(ArrowBuf validity, int index) {
    return ((validity.getByte(index >>> 3) >> (index & 7)) & 1) != 0;
  }

  /** True when the vector may hold a NULL among its first {@code count} rows. */
  public static boolean hasNulls(FieldVector vector, int count) {
    if (vector instanceof NullVector) {
      return count > 0;
    }
    return vector.getNullCount() > 0;
  }

  /**
   * Reads the values of a LONG- or BOOLEAN-layout vector, widened to long; NULL rows read as
   * whatever the buffer holds.
   */
  public static void readLongs(FieldVector vector, int count, long[] out) {
    ArrowBuf data = vector.getDataBuffer();
    if (ValueLayout.of(vector) == ValueLayout.BOOLEAN) {
      for (int i = 0; i < count; i++) {
        out[i] = (data.getByte(i >>> 3) >> (i & 7)) & 1;
      }
      return;
    }
    switch (((BaseFixedWidthVector) vector).getTypeWidth()) {
      case 1:
        for (int i = 0; i < count; i++) {
          out[i] = data.getByte(i);
        }
        break;
      case 2:
        for (int i = 0; i < count; i++) {
          out[i] = data.getShort(i * 2L);
        }
        break;
      case 4:
        for (int i = 0; i < count; i++) {
          out[i] = data.getInt(i * 4L);
        }
        break;
      case 8:
        for (int i = 0; i < count; i++) {
          out[i] = data.getLong(i * 8L);
        }
        break;
      default:
        throw new IllegalArgumentException("not an integer vector: " + vector.getField());
    }
  }

  /** Reads a FLOAT- or DOUBLE-layout vector as doubles. */
  public static void readDoubles(FieldVector vector, int count, double[] out) {
    ArrowBuf data = vector.getDataBuffer();
    if (ValueLayout.of(vector) == ValueLayout.FLOAT) {
      for (int i = 0; i < count; i++) {
        out[i] = data.getFloat(i * 4L);
      }
    } else {
      for (int i = 0; i < count; i++) {
        out[i] = data.getDouble(i * 8L);
      }
    }
  }

  /** Fills {@code valid[i]} with whether row i is not NULL. */
  public static void readValidity(FieldVector vector, int count, boolean[] valid) {
    if (vector instanceof NullVector) {
      java.util.Arrays.fill(valid, 0, count, false);
      return;
    }
    if (vector.getNullCount() == 0) {
      java.util.Arrays.fill(valid, 0, count, true);
      return;
    }
    ArrowBuf validity = vector.getValidityBuffer();
    for (int i = 0; i < count; i++) {
      valid[i] = isValid(validity, i);
    }
  }
}
