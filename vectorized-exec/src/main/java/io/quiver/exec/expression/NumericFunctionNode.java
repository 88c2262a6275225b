package io.quiver.exec.expression;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.type.DataType;
import io.quiver.exec.type.TypeKind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * ABS, FLOOR and CEIL over integer kinds, REAL, DOUBLE and decimals, as loops over the value
 * buffer. The input already has the result's kind; for decimals the result scale may differ (FLOOR
 * and CEIL of DECIMAL(p, s) usually give scale 0).
 */
final class NumericFunctionNode extends ExpressionNode {

  enum Function { ABS, FLOOR, CEIL }

  private final Function function;
  private final ExpressionNode input;

  NumericFunctionNode(Function function, ExpressionNode input, DataType type, BufferAllocator allocator) {
    super(type, allocator, List.of(input));
    this.function = function;
    this.input = input;
  }

  @Override
  FieldVector evaluate(VectorSchemaRoot batch) {
    int rows = batch.getRowCount();
    FieldVector source = input.evaluate(batch);
    FieldVector result = null;
    try {
      result = Vectors.allocate(type, rows, allocator);
      ArrowBuf validity = result.getValidityBuffer();
      for (int w = 0; w < Validity.wordCount(rows); w++) {
        Validity.writeWord(validity, w, Validity.validWord(source, w) & Validity.rowMask(w, rows));
      }
      ArrowBuf in = source.getDataBuffer();
      ArrowBuf out = result.getDataBuffer();
      TypeKind kind = input.type().kind();
      for (int i = 0; i < rows; i++) {
        if (!Validity.isSet(validity, i)) {
          continue;
        }
        if (kind == TypeKind.DOUBLE) {
          out.setDouble((long) i << 3, apply(in.getDouble((long) i << 3)));
        } else if (kind == TypeKind.REAL) {
          out.setFloat((long) i << 2, (float) apply(in.getFloat((long) i << 2)));
        } else if (kind == TypeKind.DECIMAL) {
          applyDecimal(in, out, i);
        } else {
          int width = Vectors.exactWidth(type);
          long value = Vectors.readExact(in, width, i);
          if (function == Function.ABS) {
            if (value == Vectors.minimum(width)) {
              throw new QuiverException(ErrorCode.NUMERIC_OVERFLOW, "ABS(" + value + ") overflows " + type);
            }
            value = Math.abs(value);
          }
          Vectors.writeExact(out, width, i, value);
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
      input.release(source);
    }
  }

  private double apply(double value) {
    switch (function) {
      case ABS:
        return Math.abs(value);
      case FLOOR:
        return Math.floor(value);
      default:
        return Math.ceil(value);
    }
  }

  private void applyDecimal(ArrowBuf in, ArrowBuf out, int i) {
    int scale = input.type().scale();
    if (DecimalMath.fitsLong(in, i)) {
      long value = DecimalMath.readLong(in, i);
      try {
        long r;
        switch (function) {
          case ABS:
            r = DecimalMath.rescale(Math.absExact(value), scale, type.scale());
            break;
          case FLOOR:
            r = DecimalMath.rescale(Math.floorDiv(value, DecimalMath.powerOfTen(scale)), 0, type.scale());
            break;
          default:
            r = DecimalMath.rescale(-Math.floorDiv(Math.negateExact(value), DecimalMath.powerOfTen(scale)), 0, type.scale());
            break;
        }
        if (DecimalMath.fitsPrecision(r, type.precision())) {
          DecimalMath.writeLong(out, i, r);
          return;
        }
      } catch (ArithmeticException e) {
        // fall through to BigDecimal
      }
    }
    BigDecimal value = DecimalMath.readDecimal(in, i, scale);
    BigDecimal r;
    switch (function) {
      case ABS:
        r = value.abs();
        break;
      case FLOOR:
        r = value.setScale(0, RoundingMode.FLOOR);
        break;
      default:
        r = value.setScale(0, RoundingMode.CEILING);
        break;
    }
    BigInteger unscaled = ValueConversions.fitDecimal(r, type, r.toPlainString()).unscaledValue();
    DecimalMath.writeBig(out, i, unscaled);
  }

  @Override
  public String toString() {
    return function + "(" + input + ")";
  }
}
