package io.quiver.jdbc.meta;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.type.DataType;
import io.quiver.exec.type.TypeKind;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DateMilliVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeMilliVector;
import org.apache.arrow.vector.TimeNanoVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.TimeStampMilliVector;
import org.apache.arrow.vector.TimeStampNanoVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * Reads one column of an Arrow batch as the Java values that Avatica's accessors expect (see
 * {@link JdbcType}). Chosen once per column and vector, then called per row. TIME and TIMESTAMP come
 * as microseconds for Quiver's own drivers, as milliseconds (Avatica's form) for stock clients.
 */
@FunctionalInterface
interface ColumnValueReader {

  /** The value at {@code row}, or null. */
  Object read(int row);

  /**
   * A reader for the vector; the vector class decides, so any Arrow layout the engine sends works.
   *
   * @param type the column's type (an INTERVAL is a number in Arrow and text over JDBC)
   * @param micros TIME and TIMESTAMP as microseconds (long) rather than milliseconds (int, long)
   */
  static ColumnValueReader of(FieldVector vector, DataType type, boolean micros) {
    if (type.kind() == TypeKind.INTERVAL_DAY_TIME && vector instanceof BigIntVector v) {
      return row -> v.isNull(row) ? null : IntervalText.dayTime(v.get(row));
    }
    if (type.kind() == TypeKind.INTERVAL_YEAR_MONTH && vector instanceof IntVector v) {
      return row -> v.isNull(row) ? null : IntervalText.yearMonth(v.get(row));
    }
    if (vector instanceof BigIntVector v) {
      return row -> v.isNull(row) ? null : v.get(row);
    }
    if (vector instanceof IntVector v) {
      return row -> v.isNull(row) ? null : v.get(row);
    }
    if (vector instanceof SmallIntVector v) {
      return row -> v.isNull(row) ? null : v.get(row);
    }
    if (vector instanceof TinyIntVector v) {
      return row -> v.isNull(row) ? null : v.get(row);
    }
    if (vector instanceof BitVector v) {
      return row -> v.isNull(row) ? null : v.get(row) != 0;
    }
    if (vector instanceof Float8Vector v) {
      return row -> v.isNull(row) ? null : v.get(row);
    }
    if (vector instanceof Float4Vector v) {
      return row -> v.isNull(row) ? null : v.get(row);
    }
    if (vector instanceof DecimalVector v) {
      // getObject returns a BigDecimal at the vector's scale, which is the result type's scale.
      return row -> v.isNull(row) ? null : v.getObject(row);
    }
    if (vector instanceof VarCharVector v) {
      return row -> v.isNull(row) ? null : new String(v.get(row), StandardCharsets.UTF_8);
    }
    if (vector instanceof VarBinaryVector v) {
      return row -> v.isNull(row) ? null : v.get(row);
    }
    if (vector instanceof DateDayVector v) {
      return row -> v.isNull(row) ? null : v.get(row);
    }
    if (vector instanceof DateMilliVector v) {
      return row -> v.isNull(row) ? null : (int) Math.floorDiv(v.get(row), 86_400_000L);
    }
    if (micros) {
      if (vector instanceof TimeMicroVector v) {
        return row -> v.isNull(row) ? null : v.get(row);
      }
      if (vector instanceof TimeMilliVector v) {
        return row -> v.isNull(row) ? null : v.get(row) * 1000L;
      }
      if (vector instanceof TimeNanoVector v) {
        return row -> v.isNull(row) ? null : v.get(row) / 1000L;
      }
      if (vector instanceof TimeStampMicroVector v) {
        return row -> v.isNull(row) ? null : v.get(row);
      }
      if (vector instanceof TimeStampMilliVector v) {
        return row -> v.isNull(row) ? null : v.get(row) * 1000L;
      }
      if (vector instanceof TimeStampNanoVector v) {
        return row -> v.isNull(row) ? null : Math.floorDiv(v.get(row), 1000L);
      }
    }
    if (vector instanceof TimeMicroVector v) {
      return row -> v.isNull(row) ? null : (int) (v.get(row) / 1000L);
    }
    if (vector instanceof TimeMilliVector v) {
      return row -> v.isNull(row) ? null : v.get(row);
    }
    if (vector instanceof TimeNanoVector v) {
      return row -> v.isNull(row) ? null : (int) (v.get(row) / 1_000_000L);
    }
    if (vector instanceof TimeStampMicroVector v) {
      return row -> v.isNull(row) ? null : Math.floorDiv(v.get(row), 1000L);
    }
    if (vector instanceof TimeStampMilliVector v) {
      return row -> v.isNull(row) ? null : v.get(row);
    }
    if (vector instanceof TimeStampNanoVector v) {
      return row -> v.isNull(row) ? null : Math.floorDiv(v.get(row), 1_000_000L);
    }
    if (vector instanceof NullVector) {
      return row -> null;
    }
    throw new QuiverException(ErrorCode.NOT_SUPPORTED,
        "JDBC cannot return column '" + vector.getName() + "' of Arrow type " + vector.getField().getType());
  }
}
