package io.quiver.exec.expression;

import io.quiver.exec.type.DataType;
import io.quiver.exec.type.TypeKind;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;

/**
 * Compares when either side is REAL or DOUBLE; the other side is read as a double. NaN is greater
 * than every other value and equal to itself (as in PostgreSQL); -0.0 equals 0.0.
 */
final class FloatingComparisonKernel extends ComparisonKernel {

  private final DoubleReader leftReader;
  private final DoubleReader rightReader;
  private final boolean leftDouble;
  private final boolean constant;
  private final double constantValue;

  FloatingComparisonKernel(Comparison comparison, DataType left, DataType right,
      boolean rightIsConstant, Object rightConstant) {
    super(comparison);
    leftReader = new DoubleReader(left);
    rightReader = new DoubleReader(right);
    leftDouble = left.kind() == TypeKind.DOUBLE;
    constant = rightIsConstant;
    constantValue = rightIsConstant ? DoubleReader.constant(rightConstant) : 0;
  }

  static int compareDoubles(double x, double y) {
    if (x < y) {
      return -1;
    }
    if (x > y) {
      return 1;
    }
    if (x == y) {
      return 0;
    }
    return Boolean.compare(Double.isNaN(x), Double.isNaN(y));
  }

  @Override
  void compare(FieldVector left, FieldVector right, int rows, ArrowBuf out) {
    ArrowBuf leftData = left.getDataBuffer();
    ArrowBuf rightData = constant ? null : right.getDataBuffer();
    Comparison op = comparison;
    double c = constantValue;
    int words = Validity.wordCount(rows);
    for (int w = 0; w < words; w++) {
      int base = w << 6;
      int count = Math.min(64, rows - base);
      long bits = 0;
      if (constant && leftDouble) {
        for (int j = 0; j < count; j++) {
          double x = leftData.getDouble((long) (base + j) << 3);
          bits |= op.bit(compareDoubles(x, c)) << j;
        }
      } else {
        for (int j = 0; j < count; j++) {
          int i = base + j;
          double x = leftReader.read(leftData, i);
          double y = constant ? c : rightReader.read(rightData, i);
          bits |= op.bit(compareDoubles(x, y)) << j;
        }
      }
      Validity.writeWord(out, w, bits);
    }
  }
}
