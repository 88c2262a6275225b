package io.quiver.exec.expression;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.fragment.expression.Literal;
import io.quiver.exec.type.DataType;
import java.math.BigDecimal;
import java.util.HexFormat;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A constant, held as a Java value (see {@link BoxedValues}). Kernels that special-case constants
 * read {@link #value} directly; only generic paths materialize it with {@link #evaluate}.
 */
final class ConstantNode extends ExpressionNode {

  /** The value; null for SQL NULL. */
  final Object value;

  ConstantNode(Object value, DataType type, BufferAllocator allocator) {
    super(type, allocator, List.of());
    this.value = value;
  }

  static ConstantNode of(Literal literal, BufferAllocator allocator) {
    return new ConstantNode(parse(literal), literal.type(), allocator);
  }

  boolean isNull() {
    return value == null;
  }

  private static Object parse(Literal literal) {
    if (literal.isNull()) {
      return null;
    }
    DataType type = literal.type();
    try {
      switch (type.kind()) {
        case BOOLEAN:
          if (!literal.text().equals("true") && !literal.text().equals("false")) {
            throw new IllegalArgumentException("not a boolean");
          }
          return literal.booleanValue();
        case TINYINT:
        case SMALLINT:
        case INTEGER:
        case BIGINT:
        case DATE:
        case TIME:
        case TIMESTAMP:
        case INTERVAL_DAY_TIME:
        case INTERVAL_YEAR_MONTH: {
          long number = literal.longValue();
          int width = Vectors.exactWidth(type);
          if (number < Vectors.minimum(width) || number > Vectors.maximum(width)) {
            throw new IllegalArgumentException("out of range");
          }
          return number;
        }
        case REAL:
        case DOUBLE:
          return literal.doubleValue();
        case DECIMAL: {
          BigDecimal decimal = literal.decimalValue();
          return ValueConversions.fitDecimal(decimal, type, decimal.toPlainString());
        }
        case CHAR:
        case VARCHAR:
          return literal.text();
        case VARBINARY:
          return HexFormat.of().parseHex(literal.text());
        default:
          throw new IllegalArgumentException("no constants of this type");
      }
    } catch (RuntimeException e) {
      if (e instanceof QuiverException quiver) {
        throw quiver;
      }
      throw new QuiverException(ErrorCode.INVALID_PARAMETER,
          "Invalid literal '" + literal.text() + "' of type " + type + ": " + e.getMessage(), e);
    }
  }

  @Override
  FieldVector evaluate(VectorSchemaRoot batch) {
    int rows = batch.getRowCount();
    if (type.kind() == io.quiver.exec.type.TypeKind.NULL) {
      NullVector vector = new NullVector(Vectors.RESULT_NAME);
      vector.setValueCount(rows);
      return vector;
    }
    FieldVector vector = Vectors.allocate(type, rows, allocator);
    try {
      if (value != null && rows > 0) {
        fill(vector, rows);
      }
      vector.setValueCount(rows);
      return vector;
    } catch (RuntimeException e) {
      vector.close();
      throw e;
    }
  }

  /** Writes the value into every row: once boxed, then copied as raw bytes. */
  private void fill(FieldVector vector, int rows) {
    if (vector instanceof BitVector bits) {
      boolean set = (Boolean) value;
      Validity.fill(bits.getValidityBuffer(), rows, true);
      Validity.fill(bits.getDataBuffer(), rows, set);
      return;
    }
    BoxedValues.write(vector, type, 0, value);
    if (vector instanceof BaseFixedWidthVector fixedWidth) {
      ArrowBuf data = fixedWidth.getDataBuffer();
      int width = fixedWidth.getTypeWidth();
      long first = data.getLong(0);
      long second = width == 16 ? data.getLong(8) : 0;
      for (int i = 1; i < rows; i++) {
        switch (width) {
          case 1:
            data.setByte(i, (byte) first);
            break;
          case 2:
            data.setShort(i * 2L, (short) first);
            break;
          case 4:
            data.setInt(i * 4L, (int) first);
            break;
          case 8:
            data.setLong(i * 8L, first);
            break;
          default:
            data.setLong(i * 16L, first);
            data.setLong(i * 16L + 8, second);
            break;
        }
      }
      Validity.fill(fixedWidth.getValidityBuffer(), rows, true);
      return;
    }
    byte[] bytes = BoxedValues.readBytes(vector, 0);
    BaseVariableWidthVector variableWidth = (BaseVariableWidthVector) vector;
    for (int i = 1; i < rows; i++) {
      variableWidth.setSafe(i, bytes);
    }
  }

  @Override
  public String toString() {
    return value == null ? "NULL" : ValueConversions.describe(value, type);
  }
}
