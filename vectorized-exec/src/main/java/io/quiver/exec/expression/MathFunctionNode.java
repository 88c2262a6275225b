package io.quiver.exec.expression;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.type.DataType;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * SQRT, EXP, LN, LOG10, SIGN and POWER on DOUBLE arguments giving DOUBLE, as loops over the value
 * buffers. Domain errors follow PostgreSQL: SQRT of a negative number and POWER(0, negative) or
 * POWER(negative, fraction) fail with 2201F, LN and LOG10 of zero or a negative number with 2201E,
 * and a finite argument whose result overflows to infinity (EXP(1000)) with 22003. NaN and infinite
 * arguments pass through as IEEE says (SQRT('NaN') is NaN). A NULL argument gives NULL.
 */
final class MathFunctionNode extends ExpressionNode {

  enum Function { SQRT, EXP, LN, LOG10, SIGN, POWER }

  private final Function function;

  MathFunctionNode(Function function, List<ExpressionNode> arguments, BufferAllocator allocator) {
    super(DataType.DOUBLE, allocator, arguments);
    this.function = function;
  }

  @Override
  FieldVector evaluate(VectorSchemaRoot batch) {
    int rows = batch.getRowCount();
    FieldVector[] inputs = new FieldVector[children.size()];
    FieldVector result = null;
    try {
      for (int a = 0; a < inputs.length; a++) {
        inputs[a] = children.get(a).evaluate(batch);
      }
      result = Vectors.allocate(type, rows, allocator);
      ArrowBuf validity = result.getValidityBuffer();
      for (int w = 0; w < Validity.wordCount(rows); w++) {
        long word = Validity.rowMask(w, rows);
        for (FieldVector input : inputs) {
          word &= Validity.validWord(input, w);
        }
        Validity.writeWord(validity, w, word);
      }
      ArrowBuf out = result.getDataBuffer();
      ArrowBuf in = inputs[0].getDataBuffer();
      if (function == Function.POWER) {
        ArrowBuf exponents = inputs[1].getDataBuffer();
        for (int i = Validity.nextSet(validity, 0, rows); i < rows; i = Validity.nextSet(validity, i + 1, rows)) {
          long offset = (long) i << 3;
          out.setDouble(offset, power(in.getDouble(offset), exponents.getDouble(offset)));
        }
      } else {
        for (int i = Validity.nextSet(validity, 0, rows); i < rows; i = Validity.nextSet(validity, i + 1, rows)) {
          long offset = (long) i << 3;
          out.setDouble(offset, apply(in.getDouble(offset)));
        }
      }
      result.setValueCount(rows);
      FieldVector done = result;
      result = null;
      return done;
    } finally {
      if (result != null) {
        result.close();
      }
      for (int a = 0; a < inputs.length; a++) {
        children.get(a).release(inputs[a]);
      }
    }
  }

  private double apply(double value) {
    switch (function) {
      case SQRT:
        if (value < 0) {
          throw new QuiverException(ErrorCode.INVALID_ARGUMENT_FOR_POWER,
              "SQRT of a negative number: " + value);
        }
        return Math.sqrt(value);
      case EXP:
        return finite(Math.exp(value), value, "EXP(" + value + ")");
      case LN:
      case LOG10:
        if (value <= 0) {
          throw new QuiverException(ErrorCode.INVALID_ARGUMENT_FOR_LOGARITHM,
              function + " of " + (value == 0 ? "zero" : "a negative number: " + value));
        }
        return function == Function.LN ? Math.log(value) : Math.log10(value);
      default:
        return Math.signum(value);
    }
  }

  private static double power(double base, double exponent) {
    if (base == 0 && exponent < 0) {
      throw new QuiverException(ErrorCode.INVALID_ARGUMENT_FOR_POWER,
          "POWER: zero raised to a negative power (" + exponent + ")");
    }
    if (base < 0 && Double.isFinite(exponent) && exponent != Math.rint(exponent)) {
      throw new QuiverException(ErrorCode.INVALID_ARGUMENT_FOR_POWER,
          "POWER: a negative number (" + base + ") raised to a non-integer power (" + exponent + ")");
    }
    if (exponent == 0.5 && base >= 0) {
      // Calcite writes SQRT(x) as POWER(x, 0.5): give it the correctly rounded square root.
      return Math.sqrt(base);
    }
    double result = Math.pow(base, exponent);
    if (Double.isInfinite(result) && Double.isFinite(base) && Double.isFinite(exponent)) {
      throw new QuiverException(ErrorCode.NUMERIC_OVERFLOW,
          "POWER(" + base + ", " + exponent + ") overflows DOUBLE");
    }
    return result;
  }

  private static double finite(double result, double argument, String call) {
    if (Double.isInfinite(result) && Double.isFinite(argument)) {
      throw new QuiverException(ErrorCode.NUMERIC_OVERFLOW, call + " overflows DOUBLE");
    }
    return result;
  }

  @Override
  public String toString() {
    return function + children.toString();
  }
}
