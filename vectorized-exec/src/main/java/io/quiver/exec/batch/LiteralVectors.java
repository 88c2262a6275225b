package io.quiver.exec.batch;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.fragment.expression.Literal;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;

/** Writes fragment literals into vectors (VALUES rows; not a hot path). */
public final class LiteralVectors {

  private LiteralVectors() {
  }

  /** Sets row {@code index} of {@code vector} to {@code literal}, growing the vector if needed. */
  public static void set(FieldVector vector, int index, Literal literal) {
    if (vector instanceof NullVector) {
      return;
    }
    if (literal.isNull()) {
      if (vector instanceof BaseFixedWidthVector) {
        while (((BaseFixedWidthVector) vector).getValueCapacity() <= index) {
          ((BaseFixedWidthVector) vector).reAlloc();
        }
      } else {
        while (vector.getValueCapacity() <= index) {
          vector.reAlloc();
        }
      }
      vector.setNull(index);
      return;
    }
    if (vector instanceof BitVector) {
      ((BitVector) vector).setSafe(index, literal.booleanValue() ? 1 : 0);
    } else if (vector instanceof DecimalVector) {
      DecimalVector decimal = (DecimalVector) vector;
      BigDecimal value = literal.decimalValue().setScale(decimal.getScale(), RoundingMode.HALF_UP);
      if (value.precision() > decimal.getPrecision()) {
        throw new QuiverException(ErrorCode.NUMERIC_OVERFLOW,
            "value " + value + " does not fit DECIMAL(" + decimal.getPrecision() + ", " + decimal.getScale() + ")");
      }
      decimal.setSafe(index, value);
    } else if (vector instanceof Float4Vector) {
      ((Float4Vector) vector).setSafe(index, (float) literal.doubleValue());
    } else if (vector instanceof Float8Vector) {
      ((Float8Vector) vector).setSafe(index, literal.doubleValue());
    } else if (vector instanceof VarCharVector) {
      ((VarCharVector) vector).setSafe(index, literal.stringValue().getBytes(StandardCharsets.UTF_8));
    } else if (vector instanceof VarBinaryVector) {
      ((VarBinaryVector) vector).setSafe(index, hex(literal.stringValue()));
    } else if (vector instanceof BaseFixedWidthVector) {
      BaseFixedWidthVector fixed = (BaseFixedWidthVector) vector;
      while (fixed.getValueCapacity() <= index) {
        fixed.reAlloc();
      }
      long value = literal.longValue();
      switch (fixed.getTypeWidth()) {
        case 1 -> fixed.getDataBuffer().setByte(index, (byte) value);
        case 2 -> fixed.getDataBuffer().setShort(index * 2L, (short) value);
        case 4 -> fixed.getDataBuffer().setInt(index * 4L, (int) value);
        case 8 -> fixed.getDataBuffer().setLong(index * 8L, value);
        default -> throw new QuiverException(ErrorCode.NOT_SUPPORTED, "literal of type " + literal.type());
      }
      fixed.setIndexDefined(index);
    } else if (vector instanceof BigIntVector) {
      ((BigIntVector) vector).setSafe(index, literal.longValue());
    } else {
      throw new QuiverException(ErrorCode.NOT_SUPPORTED, "literal of type " + literal.type());
    }
  }

  private static byte[] hex(String text) {
    byte[] bytes = new byte[text.length() / 2];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) Integer.parseInt(text.substring(2 * i, 2 * i + 2), 16);
    }
    return bytes;
  }
}
