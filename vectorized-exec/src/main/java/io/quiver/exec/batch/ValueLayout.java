package io.quiver.exec.batch;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FloatingPointVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.Float4Vector;

/**
 * How the values of a vector are laid out in memory, which is what the batch utilities (copying,
 * hashing, grouping, comparing) switch on once per vector, never per row.
 */
public enum ValueLayout {
  /** Signed integers of 1, 2, 4 or 8 bytes: integer kinds, dates, times, timestamps, intervals. */
  LONG,
  /** One bit per value. */
  BOOLEAN,
  /** IEEE 754 single precision. */
  FLOAT,
  /** IEEE 754 double precision. */
  DOUBLE,
  /** 128-bit two's complement unscaled value, little-endian. */
  DECIMAL,
  /** Offsets and bytes: text and binary. */
  BYTES,
  /** No buffers; every value NULL. */
  NULL;

  public static ValueLayout of(FieldVector vector) {
    if (vector instanceof BitVector) {
      return BOOLEAN;
    }
    if (vector instanceof DecimalVector) {
      return DECIMAL;
    }
    if (vector instanceof FloatingPointVector) {
      return vector instanceof Float4Vector ? FLOAT : DOUBLE;
    }
    if (vector instanceof BaseFixedWidthVector) {
      int width = ((BaseFixedWidthVector) vector).getTypeWidth();
      if (width == 1 || width == 2 || width == 4 || width == 8) {
        return LONG;
      }
    }
    if (vector instanceof BaseVariableWidthVector) {
      return BYTES;
    }
    if (vector instanceof NullVector) {
      return NULL;
    }
    throw new QuiverException(ErrorCode.NOT_SUPPORTED,
        "vectors of type " + vector.getField().getType() + " are not supported here");
  }

  /** The byte width of a LONG-layout vector. */
  public static int longWidth(FieldVector vector) {
    return ((BaseFixedWidthVector) vector).getTypeWidth();
  }
}
