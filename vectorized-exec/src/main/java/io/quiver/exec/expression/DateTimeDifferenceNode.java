package io.quiver.exec.expression;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.type.DataType;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * {@code timestamp - timestamp} and {@code time - time}: the INTERVAL_DAY_TIME between them, in
 * microseconds (both operands are microseconds already), as PostgreSQL gives it.
 */
final class DateTimeDifferenceNode extends BinaryNode {

  DateTimeDifferenceNode(ExpressionNode left, ExpressionNode right, DataType type, BufferAllocator allocator) {
    super(type, left, right, allocator);
  }

  @Override
  void compute(FieldVector leftVector, FieldVector rightVector, int rows, FieldVector result) {
    ArrowBuf leftData = leftVector == null ? null : leftVector.getDataBuffer();
    ArrowBuf rightData = rightVector == null ? null : rightVector.getDataBuffer();
    long leftValue = leftConstant ? (Long) ((ConstantNode) left).value : 0;
    long rightValue = rightConstant ? (Long) ((ConstantNode) right).value : 0;
    ArrowBuf out = result.getDataBuffer();
    ArrowBuf validity = result.getValidityBuffer();
    for (int i = Validity.nextSet(validity, 0, rows); i < rows; i = Validity.nextSet(validity, i + 1, rows)) {
      long a = leftData == null ? leftValue : leftData.getLong((long) i << 3);
      long b = rightData == null ? rightValue : rightData.getLong((long) i << 3);
      try {
        out.setLong((long) i << 3, Math.subtractExact(a, b));
      } catch (ArithmeticException e) {
        throw new QuiverException(ErrorCode.NUMERIC_OVERFLOW, "Interval out of range: " + a + " - " + b);
      }
    }
  }

  @Override
  public String toString() {
    return "(" + left + " - " + right + ")";
  }
}
