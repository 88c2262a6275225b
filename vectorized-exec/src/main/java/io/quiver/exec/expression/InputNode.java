package io.quiver.exec.expression;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.type.DataType;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.Types;
import org.apache.arrow.vector.types.pojo.ArrowType;
import io.quiver.exec.type.TypeKind;

/** A column of the input batch; its vector is borrowed, never copied. */
final class InputNode extends ExpressionNode {

  final int index;
  private final Types.MinorType expectedMinorType;

  InputNode(int index, DataType type, BufferAllocator allocator) {
    super(type, allocator, List.of());
    this.index = index;
    this.expectedMinorType = Types.getMinorTypeForArrowType(type.toArrowType());
  }

  @Override
  FieldVector evaluate(VectorSchemaRoot batch) {
    if (index < 0 || index >= batch.getFieldVectors().size()) {
      throw new QuiverException(ErrorCode.INTERNAL_ERROR,
          "Input column $" + index + " does not exist in a batch of " + batch.getFieldVectors().size() + " columns");
    }
    FieldVector vector = batch.getVector(index);
    checkLayout(vector);
    return vector;
  }

  /** Kernels read buffers directly, so a column whose layout differs from its declared type is refused. */
  private void checkLayout(FieldVector vector) {
    Types.MinorType actual = vector.getMinorType();
    boolean matches = actual == expectedMinorType
        || (expectedMinorType == Types.MinorType.TIMESTAMPMICRO && actual == Types.MinorType.TIMESTAMPMICROTZ);
    if (matches && type.kind() == TypeKind.DECIMAL) {
      matches = ((ArrowType.Decimal) vector.getField().getType()).getScale() == type.scale();
    }
    if (!matches) {
      throw new QuiverException(ErrorCode.INTERNAL_ERROR, "Input column $" + index + " is declared " + type
          + " but the batch holds " + vector.getField().getType());
    }
  }

  @Override
  boolean borrowsResult() {
    return true;
  }

  @Override
  public String toString() {
    return "$" + index;
  }
}
