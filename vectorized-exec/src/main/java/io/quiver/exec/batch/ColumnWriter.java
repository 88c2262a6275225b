package io.quiver.exec.batch;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;

/**
 * Tight loops that fill a freshly created output vector from primitive arrays (aggregate results,
 * group keys). Each call allocates the vector for {@code count} rows and sets its value count.
 */
public final class ColumnWriter {

  private ColumnWriter() {
  }

  /** Allocates a fixed-width vector for {@code count} rows (all NULL until set). */
  public static void allocate(FieldVector vector, int count) {
    ((BaseFixedWidthVector) vector).allocateNew(Math.max(count, 1));
  }

  /**
   * Writes {@code values[from..from+count)} into a LONG- or BOOLEAN-layout vector; a row is NULL
   * where {@code valid} is given and false.
   */
  public static void writeLongs(FieldVector vector, long[] values, boolean[] valid, int from, int count) {
    allocate(vector, count);
    ArrowBuf data = vector.getDataBuffer();
    if (vector instanceof BitVector) {
      for (int i = 0; i < count; i++) {
        RowCopier.setBit(data, i, values[from + i] != 0);
      }
    } else {
      switch (((BaseFixedWidthVector) vector).getTypeWidth()) {
        case 1:
          for (int i = 0; i < count; i++) {
            data.setByte(i, (byte) values[from + i]);
          }
          break;
        case 2:
          for (int i = 0; i < count; i++) {
            data.setShort(i * 2L, (short) values[from + i]);
          }
          break;
        case 4:
          for (int i = 0; i < count; i++) {
            data.setInt(i * 4L, (int) values[from + i]);
          }
          break;
        case 8:
          for (int i = 0; i < count; i++) {
            data.setLong(i * 8L, values[from + i]);
          }
          break;
        default:
          throw new IllegalArgumentException("not an integer vector: " + vector.getField());
      }
    }
    writeValidity(vector, valid, from, count);
  }

  /** Writes doubles into a FLOAT- or DOUBLE-layout vector. */
  public static void writeDoubles(FieldVector vector, double[] values, boolean[] valid, int from, int count) {
    allocate(vector, count);
    ArrowBuf data = vector.getDataBuffer();
    if (vector instanceof Float4Vector) {
      for (int i = 0; i < count; i++) {
        data.setFloat(i * 4L, (float) values[from + i]);
      }
    } else {
      for (int i = 0; i < count; i++) {
        data.setDouble(i * 8L, values[from + i]);
      }
    }
    writeValidity(vector, valid, from, count);
  }

  /** Writes 128-bit decimals given as low and high halves of the unscaled value. */
  public static void writeDecimals(FieldVector vector, long[] low, long[] high, boolean[] valid, int from,
      int count) {
    allocate(vector, count);
    ArrowBuf data = vector.getDataBuffer();
    for (int i = 0; i < count; i++) {
      data.setLong(i * 16L, low[from + i]);
      data.setLong(i * 16L + 8, high[from + i]);
    }
    writeValidity(vector, valid, from, count);
  }

  private static void writeValidity(FieldVector vector, boolean[] valid, int from, int count) {
    ArrowBuf validity = vector.getValidityBuffer();
    if (valid == null) {
      RowCopier.setBits(validity, 0, count);
    } else {
      for (int i = 0; i < count; i++) {
        RowCopier.setBit(validity, i, valid[from + i]);
      }
    }
    vector.setValueCount(count);
  }
}
