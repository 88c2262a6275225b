package io.quiver.exec.expression;

import io.quiver.exec.type.DataType;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * {@code left op right}, and IS [NOT] DISTINCT FROM. A constant operand is kept on the right (the
 * operator is flipped when the SQL had it on the left) and never materialized.
 */
final class ComparisonNode extends ExpressionNode {

  /** How the result treats NULL operands. */
  enum Mode { STRICT, DISTINCT, NOT_DISTINCT }

  private final ExpressionNode left;
  private final ExpressionNode right;
  private final boolean rightIsConstant;
  private final ComparisonKernel kernel;
  private final Mode mode;
  private final String description;

  ComparisonNode(ExpressionNode left, ExpressionNode right, Comparison comparison, Mode mode,
      BufferAllocator allocator) {
    super(DataType.BOOLEAN, allocator, List.of(left, right));
    Comparison op = comparison;
    if (left instanceof ConstantNode && !(right instanceof ConstantNode)) {
      ExpressionNode swap = left;
      left = right;
      right = swap;
      op = op.flip();
    }
    this.left = left;
    this.right = right;
    this.mode = mode;
    this.rightIsConstant = right instanceof ConstantNode constant && !constant.isNull();
    this.kernel = ComparisonKernel.create(left.type(), right.type(), op, rightIsConstant,
        rightIsConstant ? ((ConstantNode) right).value : null);
    this.description = "(" + left + " " + op.symbol + " " + right + ")";
  }

  @Override
  FieldVector evaluate(VectorSchemaRoot batch) {
    int rows = batch.getRowCount();
    FieldVector leftVector = null;
    FieldVector rightVector = null;
    try {
      leftVector = left.evaluate(batch);
      rightVector = rightIsConstant ? null : right.evaluate(batch);
      BitVector result = kernel.apply(leftVector, rightVector, rows, allocator);
      if (mode != Mode.STRICT) {
        resolveNulls(result, leftVector, rightVector, rows, mode == Mode.DISTINCT);
      }
      return result;
    } finally {
      left.release(leftVector);
      if (rightVector != null) {
        right.release(rightVector);
      }
    }
  }

  /** Rewrites an EQUAL result in place into IS [NOT] DISTINCT FROM (never NULL). */
  static void resolveNulls(BitVector equal, FieldVector left, FieldVector right, int rows, boolean distinct) {
    ArrowBuf validity = equal.getValidityBuffer();
    ArrowBuf values = equal.getDataBuffer();
    int words = Validity.wordCount(rows);
    for (int w = 0; w < words; w++) {
      long mask = Validity.rowMask(w, rows);
      long leftValid = Validity.validWord(left, w);
      long rightValid = right == null ? -1L : Validity.validWord(right, w);
      long same = (leftValid & rightValid & Validity.readWord(values, w)) | (~leftValid & ~rightValid);
      Validity.writeWord(validity, w, mask);
      Validity.writeWord(values, w, (distinct ? ~same : same) & mask);
    }
  }

  @Override
  public String toString() {
    return mode == Mode.STRICT ? description : mode + description;
  }
}
