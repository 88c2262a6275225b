package io.quiver.exec.expression;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.type.DataType;
import io.quiver.exec.type.TypeKind;
import java.math.BigDecimal;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * CAST of a vector. Numeric and date/time casts run as loops over the value buffers (exact values
 * rescaled on longs with HALF_UP, range-checked); casts to and from text and the rare remaining
 * pairs go row by row through {@link ValueConversions}.
 */
final class CastNode extends ExpressionNode {

  private enum Path { EXACT, TO_FLOATING, DATE_TO_TIMESTAMP, TIMESTAMP_TO_DATE, TIMESTAMP_TO_TIME, GENERIC }

  private final ExpressionNode input;
  private final DataType from;
  private final Path path;
  /** TRY_CAST: a value that does not convert becomes NULL instead of an error. */
  private final boolean lenient;

  CastNode(ExpressionNode input, DataType target, BufferAllocator allocator) {
    this(input, target, false, allocator);
  }

  CastNode(ExpressionNode input, DataType target, boolean lenient, BufferAllocator allocator) {
    super(target, allocator, List.of(input));
    this.input = input;
    this.from = input.type();
    this.lenient = lenient;
    if (!ValueConversions.canCast(from, target)) {
      throw new QuiverException(ErrorCode.NOT_SUPPORTED, "Cannot cast " + from + " to " + target);
    }
    this.path = lenient ? Path.GENERIC : choosePath(from, target);
  }

  private static Path choosePath(DataType from, DataType to) {
    boolean fromExact = from.isInteger() || from.kind() == TypeKind.DECIMAL || from.kind() == TypeKind.BOOLEAN
        || ValueConversions.isInterval(from.kind());
    boolean toExact = to.isInteger() || to.kind() == TypeKind.DECIMAL || ValueConversions.isInterval(to.kind());
    if (fromExact && toExact) {
      return Path.EXACT;
    }
    if (from.isNumeric() && (to.kind() == TypeKind.REAL || to.kind() == TypeKind.DOUBLE)) {
      return Path.TO_FLOATING;
    }
    if (from.kind() == TypeKind.DATE && to.kind() == TypeKind.TIMESTAMP) {
      return Path.DATE_TO_TIMESTAMP;
    }
    if (from.kind() == TypeKind.TIMESTAMP && to.kind() == TypeKind.DATE) {
      return Path.TIMESTAMP_TO_DATE;
    }
    if (from.kind() == TypeKind.TIMESTAMP && to.kind() == TypeKind.TIME) {
      return Path.TIMESTAMP_TO_TIME;
    }
    return Path.GENERIC;
  }

  @Override
  FieldVector evaluate(VectorSchemaRoot batch) {
    int rows = batch.getRowCount();
    FieldVector source = input.evaluate(batch);
    FieldVector result = null;
    try {
      result = Vectors.allocate(type, rows, allocator);
      if (path == Path.GENERIC || from.kind() == TypeKind.NULL) {
        castGeneric(source, result, rows);
      } else {
        ArrowBuf validity = result.getValidityBuffer();
        for (int w = 0; w < Validity.wordCount(rows); w++) {
          Validity.writeWord(validity, w, Validity.validWord(source, w) & Validity.rowMask(w, rows));
        }
        castFixed(source, result, rows);
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

  private void castFixed(FieldVector source, FieldVector result, int rows) {
    ArrowBuf in = source.getDataBuffer();
    ArrowBuf out = result.getDataBuffer();
    ArrowBuf validity = result.getValidityBuffer();
    switch (path) {
      case EXACT:
        castExact(in, out, validity, rows);
        return;
      case TO_FLOATING: {
        DoubleReader reader = new DoubleReader(from);
        boolean real = type.kind() == TypeKind.REAL;
        for (int i = 0; i < rows; i++) {
          double value = reader.read(in, i);
          if (real) {
            out.setFloat((long) i << 2, (float) value);
          } else {
            out.setDouble((long) i << 3, value);
          }
        }
        return;
      }
      case DATE_TO_TIMESTAMP:
        for (int i = 0; i < rows; i++) {
          out.setLong((long) i << 3, in.getInt((long) i << 2) * ValueConversions.MICROS_PER_DAY);
        }
        return;
      case TIMESTAMP_TO_DATE:
        for (int i = 0; i < rows; i++) {
          out.setInt((long) i << 2, (int) Math.floorDiv(in.getLong((long) i << 3), ValueConversions.MICROS_PER_DAY));
        }
        return;
      default:
        for (int i = 0; i < rows; i++) {
          out.setLong((long) i << 3, Math.floorMod(in.getLong((long) i << 3), ValueConversions.MICROS_PER_DAY));
        }
    }
  }

  private void castExact(ArrowBuf in, ArrowBuf out, ArrowBuf validity, int rows) {
    int fromWidth = Vectors.exactWidth(from);
    int toWidth = Vectors.exactWidth(type);
    int fromScale = from.kind() == TypeKind.DECIMAL ? from.scale() : 0;
    int toScale = type.kind() == TypeKind.DECIMAL ? type.scale() : 0;
    boolean toDecimal = type.kind() == TypeKind.DECIMAL;
    long minimum = Vectors.minimum(toWidth);
    long maximum = Vectors.maximum(toWidth);
    for (int i = Validity.nextSet(validity, 0, rows); i < rows; i = Validity.nextSet(validity, i + 1, rows)) {
      long value = Vectors.readExact(in, fromWidth, i);
      boolean fits = fromWidth != 16 || DecimalMath.fitsLong(in, i);
      if (fits) {
        long scaled;
        try {
          scaled = DecimalMath.rescale(value, fromScale, toScale);
        } catch (ArithmeticException e) {
          fits = false;
          scaled = 0;
        }
        if (fits) {
          boolean inRange = toDecimal ? DecimalMath.fitsPrecision(scaled, type.precision())
              : scaled >= minimum && scaled <= maximum;
          if (!inRange) {
            throw outOfRange(BigDecimal.valueOf(value, fromScale).toPlainString());
          }
          Vectors.writeExact(out, toWidth, i, scaled);
          continue;
        }
      }
      BigDecimal decimal = fromWidth == 16 ? DecimalMath.readDecimal(in, i, fromScale)
          : BigDecimal.valueOf(value, fromScale);
      BigDecimal rounded = decimal.setScale(toScale, java.math.RoundingMode.HALF_UP);
      if (toDecimal) {
        if (!DecimalMath.fitsPrecision(rounded.unscaledValue(), type.precision())) {
          throw outOfRange(decimal.toPlainString());
        }
        DecimalMath.writeBig(out, i, rounded.unscaledValue());
      } else {
        java.math.BigInteger integer = rounded.unscaledValue();
        if (integer.bitLength() > 63 || integer.longValue() < minimum || integer.longValue() > maximum) {
          throw outOfRange(decimal.toPlainString());
        }
        Vectors.writeExact(out, toWidth, i, integer.longValue());
      }
    }
  }

  private QuiverException outOfRange(String value) {
    return new QuiverException(ErrorCode.NUMERIC_OVERFLOW,
        "Cannot cast " + value + " to " + type + ": value out of range");
  }

  private void castGeneric(FieldVector source, FieldVector result, int rows) {
    for (int i = 0; i < rows; i++) {
      Object value = BoxedValues.read(source, from, i);
      if (value == null) {
        continue;
      }
      Object converted;
      try {
        converted = ValueConversions.convert(value, from, type);
      } catch (QuiverException e) {
        if (!lenient) {
          throw e;
        }
        continue;
      }
      BoxedValues.write(result, type, i, converted);
    }
  }

  @Override
  public String toString() {
    return (lenient ? "TRY_CAST(" : "CAST(") + input + " AS " + type + ")";
  }
}
