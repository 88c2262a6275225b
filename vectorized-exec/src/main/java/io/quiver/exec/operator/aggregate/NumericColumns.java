package io.quiver.exec.operator.aggregate;

import io.quiver.exec.batch.ColumnReader;
import io.quiver.exec.batch.ValueLayout;
import java.math.BigDecimal;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;

/** Reads any numeric column as doubles, for the aggregates that compute in floating point. */
final class NumericColumns {

  private static final double[] POWERS_OF_TEN = new double[23];

  static {
    double power = 1;
    for (int i = 0; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = power;
      power *= 10;
    }
  }

  private NumericColumns() {
  }

  /**
   * Rows {@code 0..count)} of an integer, floating-point or DECIMAL column as the nearest doubles;
   * NULL rows read as anything.
   */
  static void readDoubles(FieldVector vector, int count, double[] out, long[] scratch) {
    ValueLayout layout = ValueLayout.of(vector);
    switch (layout) {
      case FLOAT:
      case DOUBLE:
        ColumnReader.readDoubles(vector, count, out);
        return;
      case LONG:
      case BOOLEAN:
        ColumnReader.readLongs(vector, count, scratch);
        for (int i = 0; i < count; i++) {
          out[i] = scratch[i];
        }
        return;
      case DECIMAL:
        readDecimals((DecimalVector) vector, count, out);
        return;
      default:
        throw new IllegalArgumentException("not a numeric column: " + vector.getField());
    }
  }

  private static void readDecimals(DecimalVector vector, int count, double[] out) {
    ArrowBuf data = vector.getDataBuffer();
    int scale = vector.getScale();
    boolean exactDivision = scale < POWERS_OF_TEN.length;
    for (int i = 0; i < count; i++) {
      long low = data.getLong(i * 16L);
      long high = data.getLong(i * 16L + 8);
      // An unscaled value below 2^53 is exact as a double; one division by an exact power of ten
      // then rounds once, to the nearest double.
      if (exactDivision && high == (low >> 63) && Math.abs(low) < (1L << 53)) {
        out[i] = low / POWERS_OF_TEN[scale];
      } else {
        out[i] = new BigDecimal(Int128.toBigInteger(low, high), scale).doubleValue();
      }
    }
  }
}
