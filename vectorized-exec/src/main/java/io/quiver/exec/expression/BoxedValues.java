package io.quiver.exec.expression;

import io.quiver.exec.type.DataType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;

/**
 * Row-at-a-time access with Java objects, for the cold paths only (text casts, rare functions,
 * constants). Values: BOOLEAN Boolean; integer kinds, DATE, TIME, TIMESTAMP and intervals Long;
 * REAL and DOUBLE Double; DECIMAL BigDecimal at the type's scale; CHAR and VARCHAR String;
 * VARBINARY byte[]; SQL NULL null.
 */
final class BoxedValues {

  private BoxedValues() {
  }

  static Object read(FieldVector vector, DataType type, int index) {
    if (type.kind() == io.quiver.exec.type.TypeKind.NULL || vector.isNull(index)) {
      return null;
    }
    switch (type.kind()) {
      case BOOLEAN:
        return ((BitVector) vector).get(index) != 0;
      case TINYINT:
      case SMALLINT:
      case INTEGER:
      case BIGINT:
      case DATE:
      case TIME:
      case TIMESTAMP:
      case INTERVAL_DAY_TIME:
      case INTERVAL_YEAR_MONTH:
        return Vectors.readExact(vector.getDataBuffer(), Vectors.exactWidth(type), index);
      case REAL:
        return (double) ((Float4Vector) vector).get(index);
      case DOUBLE:
        return ((Float8Vector) vector).get(index);
      case DECIMAL:
        return DecimalMath.readDecimal(vector.getDataBuffer(), index, type.scale());
      case CHAR:
      case VARCHAR:
        return new String(readBytes(vector, index), StandardCharsets.UTF_8);
      case VARBINARY:
        return readBytes(vector, index);
      default:
        throw new IllegalStateException("no boxed form for " + type);
    }
  }

  static byte[] readBytes(FieldVector vector, int index) {
    ArrowBuf offsets = vector.getOffsetBuffer();
    int start = offsets.getInt(index * 4L);
    int end = offsets.getInt((index + 1) * 4L);
    byte[] bytes = new byte[end - start];
    vector.getDataBuffer().getBytes(start, bytes, 0, bytes.length);
    return bytes;
  }

  /**
   * Writes {@code value} (null for SQL NULL) at {@code index}. Fixed-width vectors must have
   * capacity for the index; variable-width vectors grow.
   */
  static void write(FieldVector vector, DataType type, int index, Object value) {
    if (value == null) {
      if (type.kind() != io.quiver.exec.type.TypeKind.NULL) {
        vector.setNull(index);
      }
      return;
    }
    switch (type.kind()) {
      case BOOLEAN:
        ((BitVector) vector).set(index, ((Boolean) value) ? 1 : 0);
        return;
      case TINYINT:
      case SMALLINT:
      case INTEGER:
      case BIGINT:
      case DATE:
      case TIME:
      case TIMESTAMP:
      case INTERVAL_DAY_TIME:
      case INTERVAL_YEAR_MONTH:
        Vectors.writeExact(vector.getDataBuffer(), Vectors.exactWidth(type), index, (Long) value);
        Validity.set(vector.getValidityBuffer(), index);
        return;
      case REAL:
        ((Float4Vector) vector).set(index, (float) (double) (Double) value);
        return;
      case DOUBLE:
        ((Float8Vector) vector).set(index, (Double) value);
        return;
      case DECIMAL: {
        BigDecimal decimal = ((BigDecimal) value).setScale(type.scale(), RoundingMode.HALF_UP);
        DecimalMath.writeBig(vector.getDataBuffer(), index, decimal.unscaledValue());
        Validity.set(vector.getValidityBuffer(), index);
        return;
      }
      case CHAR:
      case VARCHAR:
        ((BaseVariableWidthVector) vector).setSafe(index, ((String) value).getBytes(StandardCharsets.UTF_8));
        return;
      case VARBINARY:
        ((BaseVariableWidthVector) vector).setSafe(index, (byte[]) value);
        return;
      default:
        throw new IllegalStateException("no boxed form for " + type);
    }
  }
}
