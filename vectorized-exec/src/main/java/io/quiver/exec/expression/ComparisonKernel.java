package io.quiver.exec.expression;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.type.DataType;
import io.quiver.exec.type.TypeKind;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;

/**
 * Compares two vectors, or a vector and a constant, row by row into a BOOLEAN vector (NULL where an
 * operand is NULL). Chosen once at compile time for the pair of operand types:
 * exact numbers and date/time values ({@link ExactComparisonKernel}), floating point
 * ({@link FloatingComparisonKernel}) or text and binary ({@link TextComparisonKernel}).
 */
abstract class ComparisonKernel {

  final Comparison comparison;

  ComparisonKernel(Comparison comparison) {
    this.comparison = comparison;
  }

  /**
   * Creates the kernel for {@code left op right}. When {@code rightIsConstant}, {@code
   * rightConstant} is the (non-null) right value and {@link #apply} receives no right vector.
   */
  static ComparisonKernel create(DataType left, DataType right, Comparison comparison,
      boolean rightIsConstant, Object rightConstant) {
    if ((left.isText() && right.isText())
        || (left.kind() == TypeKind.VARBINARY && right.kind() == TypeKind.VARBINARY)) {
      boolean padded = left.kind() == TypeKind.CHAR || right.kind() == TypeKind.CHAR;
      return new TextComparisonKernel(comparison, padded, rightIsConstant, rightConstant);
    }
    if (left.isNumeric() && right.isNumeric()) {
      if (isFloating(left) || isFloating(right)) {
        return new FloatingComparisonKernel(comparison, left, right, rightIsConstant, rightConstant);
      }
      return new ExactComparisonKernel(comparison, left, right, rightIsConstant, rightConstant);
    }
    if (left.kind() == right.kind() && Vectors.exactWidth(left) >= 0) {
      return new ExactComparisonKernel(comparison, left, right, rightIsConstant, rightConstant);
    }
    if (isDateTime(left) && isDateTime(right)) {
      return new ExactComparisonKernel(comparison, left, right, rightIsConstant, rightConstant);
    }
    throw new QuiverException(ErrorCode.NOT_SUPPORTED,
        "Cannot compare " + left + " with " + right + " (" + comparison.symbol + ")");
  }

  static boolean isFloating(DataType type) {
    return type.kind() == TypeKind.REAL || type.kind() == TypeKind.DOUBLE;
  }

  static boolean isDateTime(DataType type) {
    return type.kind() == TypeKind.DATE || type.kind() == TypeKind.TIMESTAMP;
  }

  /** Compares {@code rows} rows; {@code right} is null when the right operand is a constant. */
  final BitVector apply(FieldVector left, FieldVector right, int rows, BufferAllocator allocator) {
    BitVector result = (BitVector) Vectors.allocate(DataType.BOOLEAN, rows, allocator);
    try {
      ArrowBuf validity = result.getValidityBuffer();
      int words = Validity.wordCount(rows);
      for (int w = 0; w < words; w++) {
        long valid = Validity.validWord(left, w);
        if (right != null) {
          valid &= Validity.validWord(right, w);
        }
        Validity.writeWord(validity, w, valid & Validity.rowMask(w, rows));
      }
      compare(left, right, rows, result.getDataBuffer());
      result.setValueCount(rows);
      return result;
    } catch (RuntimeException e) {
      result.close();
      throw e;
    }
  }

  /**
   * Writes the comparison bit of every row (NULL rows included; their bits are ignored) into
   * {@code out}, 64 rows per word.
   */
  abstract void compare(FieldVector left, FieldVector right, int rows, ArrowBuf out);
}
