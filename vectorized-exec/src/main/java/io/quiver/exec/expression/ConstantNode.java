package io.quiver.exec.expression;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.fragment.expression.Literal;
import io.quiver.exec.type.DataType;
import java.math.BigDecimal;
import java.util.HexFormat;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
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
      if (value != null) {
        for (int i = 0; i < rows; i++) {
          BoxedValues.write(vector, type, i, value);
        }
      }
      vector.setValueCount(rows);
      return vector;
    } catch (RuntimeException e) {
      vector.close();
      throw e;
    }
  }

  @Override
  public String toString() {
    return value == null ? "NULL" : ValueConversions.describe(value, type);
  }
}
