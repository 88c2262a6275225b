package io.quiver.exec.expression;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.type.DataType;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** A column of the input batch; its vector is borrowed, never copied. */
final class InputNode extends ExpressionNode {

  final int index;

  InputNode(int index, DataType type, BufferAllocator allocator) {
    super(type, allocator, List.of());
    this.index = index;
  }

  @Override
  FieldVector evaluate(VectorSchemaRoot batch) {
    if (index < 0 || index >= batch.getFieldVectors().size()) {
      throw new QuiverException(ErrorCode.INTERNAL_ERROR,
          "Input column $" + index + " does not exist in a batch of " + batch.getFieldVectors().size() + " columns");
    }
    return batch.getVector(index);
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
