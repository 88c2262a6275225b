package io.quiver.exec.expression;

import io.quiver.exec.type.DataType;
import io.quiver.exec.type.TypeKind;
import org.apache.arrow.memory.ArrowBuf;

/** Reads any numeric value buffer as doubles (REAL, DOUBLE, integer kinds, decimals). */
final class DoubleReader {

  private final TypeKind kind;
  private final int width;
  private final int scale;
  private final double divisor;

  DoubleReader(DataType type) {
    this.kind = type.kind();
    this.width = Vectors.exactWidth(type);
    this.scale = type.kind() == TypeKind.DECIMAL ? type.scale() : 0;
    this.divisor = DecimalMath.DOUBLE_POWERS_OF_TEN[scale];
  }

  double read(ArrowBuf data, int index) {
    switch (kind) {
      case DOUBLE:
        return data.getDouble((long) index << 3);
      case REAL:
        return data.getFloat((long) index << 2);
      case DECIMAL:
        if (DecimalMath.fitsLong(data, index)) {
          return DecimalMath.readLong(data, index) / divisor;
        }
        return DecimalMath.readDecimal(data, index, scale).doubleValue();
      default:
        return Vectors.readExact(data, width, index);
    }
  }

  /** A constant of a numeric type as a double. */
  static double constant(Object value) {
    if (value instanceof Double number) {
      return number;
    }
    if (value instanceof Long number) {
      return number;
    }
    return ((java.math.BigDecimal) value).doubleValue();
  }
}
