package io.quiver.exec.expression;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.type.DataType;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * Arithmetic on integer kinds (and intervals, which are integer counts). Both operands have the
 * result's kind (the compiler casts them). Overflow is NUMERIC_OVERFLOW; division truncates toward
 * zero; division or modulo by zero is DIVISION_BY_ZERO. NULL rows are skipped, so their garbage
 * values never raise errors.
 */
final class IntegerArithmeticNode extends BinaryNode {

  private final ArithmeticOperator operator;
  private final int width;
  private final long minimum;
  private final long maximum;

  IntegerArithmeticNode(ArithmeticOperator operator, ExpressionNode left, ExpressionNode right,
      DataType type, BufferAllocator allocator) {
    super(type, left, right, allocator);
    this.operator = operator;
    this.width = Vectors.exactWidth(type);
    this.minimum = Vectors.minimum(width);
    this.maximum = Vectors.maximum(width);
  }

  @Override
  void compute(FieldVector leftVector, FieldVector rightVector, int rows, FieldVector result) {
    ArrowBuf leftData = leftVector == null ? null : leftVector.getDataBuffer();
    ArrowBuf rightData = rightVector == null ? null : rightVector.getDataBuffer();
    long leftValue = leftConstant ? (Long) ((ConstantNode) left).value : 0;
    long rightValue = rightConstant ? (Long) ((ConstantNode) right).value : 0;
    ArrowBuf out = result.getDataBuffer();
    ArrowBuf validity = result.getValidityBuffer();
    int words = Validity.wordCount(rows);
    for (int w = 0; w < words; w++) {
      long valid = Validity.readWord(validity, w);
      if (valid == 0) {
        continue;
      }
      int base = w << 6;
      int count = Math.min(64, rows - base);
      for (int j = 0; j < count; j++) {
        if ((valid >>> j & 1) == 0) {
          continue;
        }
        int i = base + j;
        long a = leftData == null ? leftValue : Vectors.readExact(leftData, width, i);
        long b = rightData == null ? rightValue : Vectors.readExact(rightData, width, i);
        long r;
        switch (operator) {
          case ADD:
            r = a + b;
            if (((a ^ r) & (b ^ r)) < 0) {
              throw overflow(a, b);
            }
            break;
          case SUBTRACT:
            r = a - b;
            if (((a ^ b) & (a ^ r)) < 0) {
              throw overflow(a, b);
            }
            break;
          case MULTIPLY:
            r = a * b;
            if (Math.multiplyHigh(a, b) != (r >> 63)) {
              throw overflow(a, b);
            }
            break;
          case DIVIDE:
            if (b == 0) {
              throw divisionByZero(a);
            }
            if (a == Long.MIN_VALUE && b == -1) {
              throw overflow(a, b);
            }
            r = a / b;
            break;
          default:
            if (b == 0) {
              throw divisionByZero(a);
            }
            r = b == -1 ? 0 : a % b;
            break;
        }
        if (r < minimum || r > maximum) {
          throw overflow(a, b);
        }
        Vectors.writeExact(out, width, i, r);
      }
    }
  }

  private QuiverException overflow(long a, long b) {
    return new QuiverException(ErrorCode.NUMERIC_OVERFLOW,
        type + " overflow: " + a + " " + operator.symbol + " " + b + " is out of range");
  }

  private QuiverException divisionByZero(long a) {
    return new QuiverException(ErrorCode.DIVISION_BY_ZERO,
        "Division by zero: " + a + " " + operator.symbol + " 0");
  }

  @Override
  public String toString() {
    return "(" + left + " " + operator.symbol + " " + right + ")";
  }
}
