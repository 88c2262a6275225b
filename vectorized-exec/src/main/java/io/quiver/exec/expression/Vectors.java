package io.quiver.exec.expression;

import io.quiver.exec.type.DataType;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/** Allocation of result vectors and raw access to fixed-width values by byte width. */
final class Vectors {

  /** The name of every vector an expression returns; callers place it in their own schema. */
  static final String RESULT_NAME = "expression";

  private Vectors() {
  }

  /**
   * A vector for {@code rows} values of {@code type}, zeroed, with capacity rounded up to whole
   * 64-row words so kernels can write bitmaps a word at a time. The value count is not set yet.
   */
  static FieldVector allocate(DataType type, int rows, BufferAllocator allocator) {
    FieldVector vector = new Field(RESULT_NAME, FieldType.nullable(type.toArrowType()), null)
        .createVector(allocator);
    try {
      int capacity = Validity.roundedCapacity(rows);
      if (vector instanceof BaseFixedWidthVector fixedWidth) {
        fixedWidth.allocateNew(capacity);
      } else if (vector instanceof BaseVariableWidthVector variableWidth) {
        variableWidth.allocateNew(Math.max(1024L, capacity * 16L), capacity);
      }
      return vector;
    } catch (RuntimeException e) {
      vector.close();
      throw e;
    }
  }

  /** Closes the vectors in {@code vectors} that are not null, swallowing nothing. */
  static void closeAll(List<? extends AutoCloseable> vectors) {
    RuntimeException failure = null;
    for (AutoCloseable vector : vectors) {
      if (vector == null) {
        continue;
      }
      try {
        vector.close();
      } catch (Exception e) {
        if (failure == null) {
          failure = e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  /**
   * Byte width of the value buffer of an exact type: 1, 2, 4, 8, 16 (decimal) or 0 for a bit
   * (BOOLEAN); -1 when the type is not stored as an exact number.
   */
  static int exactWidth(DataType type) {
    switch (type.kind()) {
      case BOOLEAN:
        return 0;
      case TINYINT:
        return 1;
      case SMALLINT:
        return 2;
      case INTEGER:
      case DATE:
      case INTERVAL_YEAR_MONTH:
        return 4;
      case BIGINT:
      case TIME:
      case TIMESTAMP:
      case INTERVAL_DAY_TIME:
        return 8;
      case DECIMAL:
        return 16;
      default:
        return -1;
    }
  }

  /** Reads value {@code index} of an exact buffer of the given width (decimals: the low word). */
  static long readExact(ArrowBuf buffer, int width, int index) {
    switch (width) {
      case 0:
        return (buffer.getByte(index >>> 3) >> (index & 7)) & 1;
      case 1:
        return buffer.getByte(index);
      case 2:
        return buffer.getShort(index * 2L);
      case 4:
        return buffer.getInt(index * 4L);
      case 8:
        return buffer.getLong(index * 8L);
      default:
        return buffer.getLong(index * 16L);
    }
  }

  /** Writes a value known to fit the width. */
  static void writeExact(ArrowBuf buffer, int width, int index, long value) {
    switch (width) {
      case 0:
        if (value != 0) {
          Validity.set(buffer, index);
        } else {
          Validity.clear(buffer, index);
        }
        break;
      case 1:
        buffer.setByte(index, (byte) value);
        break;
      case 2:
        buffer.setShort(index * 2L, (short) value);
        break;
      case 4:
        buffer.setInt(index * 4L, (int) value);
        break;
      case 8:
        buffer.setLong(index * 8L, value);
        break;
      default:
        DecimalMath.writeLong(buffer, index, value);
        break;
    }
  }

  /** Smallest value of an integer-like type stored at {@code width}. */
  static long minimum(int width) {
    switch (width) {
      case 1:
        return Byte.MIN_VALUE;
      case 2:
        return Short.MIN_VALUE;
      case 4:
        return Integer.MIN_VALUE;
      default:
        return Long.MIN_VALUE;
    }
  }

  static long maximum(int width) {
    switch (width) {
      case 1:
        return Byte.MAX_VALUE;
      case 2:
        return Short.MAX_VALUE;
      case 4:
        return Integer.MAX_VALUE;
      default:
        return Long.MAX_VALUE;
    }
  }
}
