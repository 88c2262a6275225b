package io.quiver.exec.expression;

import io.quiver.exec.type.DataType;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Shared frame of the binary kernels: evaluates the operands (a non-null constant operand is not
 * materialized: its vector is null and the subclass uses the constant), allocates the result with
 * validity = AND of the operands' validity, and releases everything on every path.
 */
abstract class BinaryNode extends ExpressionNode {

  final ExpressionNode left;
  final ExpressionNode right;
  final boolean leftConstant;
  final boolean rightConstant;

  BinaryNode(DataType type, ExpressionNode left, ExpressionNode right, BufferAllocator allocator) {
    super(type, allocator, List.of(left, right));
    this.left = left;
    this.right = right;
    this.leftConstant = left instanceof ConstantNode constant && !constant.isNull();
    this.rightConstant = right instanceof ConstantNode constant && !constant.isNull();
  }

  @Override
  final FieldVector evaluate(VectorSchemaRoot batch) {
    int rows = batch.getRowCount();
    FieldVector leftVector = null;
    FieldVector rightVector = null;
    FieldVector result = null;
    try {
      leftVector = leftConstant ? null : left.evaluate(batch);
      rightVector = rightConstant ? null : right.evaluate(batch);
      result = Vectors.allocate(type, rows, allocator);
      ArrowBuf validity = result.getValidityBuffer();
      for (int w = 0; w < Validity.wordCount(rows); w++) {
        long valid = Validity.rowMask(w, rows);
        if (leftVector != null) {
          valid &= Validity.validWord(leftVector, w);
        }
        if (rightVector != null) {
          valid &= Validity.validWord(rightVector, w);
        }
        Validity.writeWord(validity, w, valid);
      }
      compute(leftVector, rightVector, rows, result);
      result.setValueCount(rows);
      FieldVector done = result;
      result = null;
      return done;
    } finally {
      if (result != null) {
        result.close();
      }
      if (leftVector != null) {
        left.release(leftVector);
      }
      if (rightVector != null) {
        right.release(rightVector);
      }
    }
  }

  /**
   * Fills the values of {@code result} for its valid rows (validity already set; a kernel may clear
   * a row's validity). A null operand vector means that operand is its constant.
   */
  abstract void compute(FieldVector leftVector, FieldVector rightVector, int rows, FieldVector result);
}
