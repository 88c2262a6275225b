package io.quiver.exec.expression;

import io.quiver.exec.type.DataType;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** {@code value BETWEEN low AND high}: the value is evaluated once, then two comparison kernels. */
final class BetweenNode extends ExpressionNode {

  private final ExpressionNode value;
  private final ExpressionNode low;
  private final ExpressionNode high;
  private final ComparisonKernel lowKernel;
  private final ComparisonKernel highKernel;

  BetweenNode(ExpressionNode value, ExpressionNode low, ExpressionNode high, BufferAllocator allocator) {
    super(DataType.BOOLEAN, allocator, List.of(value, low, high));
    this.value = value;
    this.low = low;
    this.high = high;
    this.lowKernel = kernel(value, low, Comparison.GREATER_THAN_OR_EQUAL);
    this.highKernel = kernel(value, high, Comparison.LESS_THAN_OR_EQUAL);
  }

  private static ComparisonKernel kernel(ExpressionNode value, ExpressionNode bound, Comparison comparison) {
    boolean constant = isConstant(bound);
    return ComparisonKernel.create(value.type(), bound.type(), comparison, constant,
        constant ? ((ConstantNode) bound).value : null);
  }

  private static boolean isConstant(ExpressionNode node) {
    return node instanceof ConstantNode constant && !constant.isNull();
  }

  @Override
  FieldVector evaluate(VectorSchemaRoot batch) {
    int rows = batch.getRowCount();
    FieldVector[] vectors = new FieldVector[5];
    try {
      vectors[0] = value.evaluate(batch);
      vectors[1] = isConstant(low) ? null : low.evaluate(batch);
      vectors[2] = isConstant(high) ? null : high.evaluate(batch);
      vectors[3] = lowKernel.apply(vectors[0], vectors[1], rows, allocator);
      vectors[4] = highKernel.apply(vectors[0], vectors[2], rows, allocator);
      return LogicNode.andOr(new FieldVector[] {vectors[3], vectors[4]}, rows, true, allocator);
    } finally {
      value.release(vectors[0]);
      low.release(vectors[1]);
      high.release(vectors[2]);
      Vectors.closeAll(java.util.Arrays.asList(vectors[3], vectors[4]));
    }
  }

  @Override
  public String toString() {
    return "(" + value + " BETWEEN " + low + " AND " + high + ")";
  }
}
