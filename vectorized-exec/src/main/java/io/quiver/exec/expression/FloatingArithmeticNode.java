package io.quiver.exec.expression;

import io.quiver.exec.type.DataType;
import io.quiver.exec.type.TypeKind;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * Arithmetic on REAL and DOUBLE (operands of any numeric type are read as doubles). IEEE
 * semantics: division by zero gives Infinity or NaN. REAL results are computed in double and
 * rounded once to float, which equals float arithmetic for + - * /.
 */
final class FloatingArithmeticNode extends BinaryNode {

  private final ArithmeticOperator operator;
  private final DoubleReader leftReader;
  private final DoubleReader rightReader;
  private final boolean real;

  FloatingArithmeticNode(ArithmeticOperator operator, ExpressionNode left, ExpressionNode right,
      DataType type, BufferAllocator allocator) {
    super(type, left, right, allocator);
    this.operator = operator;
    this.leftReader = new DoubleReader(left.type());
    this.rightReader = new DoubleReader(right.type());
    this.real = type.kind() == TypeKind.REAL;
  }

  @Override
  void compute(FieldVector leftVector, FieldVector rightVector, int rows, FieldVector result) {
    ArrowBuf leftData = leftVector == null ? null : leftVector.getDataBuffer();
    ArrowBuf rightData = rightVector == null ? null : rightVector.getDataBuffer();
    double leftValue = leftConstant ? DoubleReader.constant(((ConstantNode) left).value) : 0;
    double rightValue = rightConstant ? DoubleReader.constant(((ConstantNode) right).value) : 0;
    ArrowBuf out = result.getDataBuffer();
    ArithmeticOperator op = operator;
    for (int i = 0; i < rows; i++) {
      double a = leftData == null ? leftValue : leftReader.read(leftData, i);
      double b = rightData == null ? rightValue : rightReader.read(rightData, i);
      double r;
      switch (op) {
        case ADD:
          r = a + b;
          break;
        case SUBTRACT:
          r = a - b;
          break;
        case MULTIPLY:
          r = a * b;
          break;
        case DIVIDE:
          r = a / b;
          break;
        default:
          r = a % b;
          break;
      }
      if (real) {
        out.setFloat((long) i << 2, (float) r);
      } else {
        out.setDouble((long) i << 3, r);
      }
    }
  }

  @Override
  public String toString() {
    return "(" + left + " " + operator.symbol + " " + right + ")";
  }
}
