package io.quiver.exec.operator.window;

import io.quiver.exec.batch.ValueLayout;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import java.math.BigInteger;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;

/**
 * Writes one call's results for the rows of a chunk into the result vectors of the held batches
 * those rows belong to: computed values from primitive arrays, or values copied from other rows
 * (what LAG, FIRST_VALUE or MIN pick). Rows of a result vector are written in increasing order,
 * chunk after chunk, so variable-width results can be appended.
 */
final class ChunkOutput {

  /** A source row that gives NULL. */
  static final int NULL_ROW = -1;
  /** A source row that gives the default column's value of the same row (LAG and LEAD). */
  static final int DEFAULT_ROW = -2;

  private final WindowChunk chunk;
  private final int call;
  /** The segment {@link #copy(FieldVector, int, int, int)} wrote last: the next call starts its search there. */
  private int copyHint;

  ChunkOutput(WindowChunk chunk, int call) {
    this.chunk = chunk;
    this.call = call;
  }

  /** Writes integers (any integer width of the result); a row is NULL where {@code valid} is false. */
  void writeLongs(long[] values, boolean[] valid) {
    for (int s = 0; s < chunk.segmentCount(); s++) {
      FieldVector vector = chunk.segmentBatch(s).result(call);
      ArrowBuf data = vector.getDataBuffer();
      ArrowBuf validity = vector.getValidityBuffer();
      int width = ValueLayout.longWidth(vector);
      int first = chunk.segmentFirstRow(s);
      int offset = chunk.segmentStart(s);
      for (int r = 0; r < chunk.segmentLength(s); r++) {
        if (valid != null && !valid[offset + r]) {
          continue;
        }
        int row = first + r;
        long value = values[offset + r];
        switch (width) {
          case 1 -> data.setByte(row, (byte) value);
          case 2 -> data.setShort(row * 2L, (short) value);
          case 4 -> data.setInt(row * 4L, (int) value);
          default -> data.setLong(row * 8L, value);
        }
        BitVectorHelper.setBit(validity, row);
      }
    }
  }

  /** Writes doubles into a DOUBLE or REAL result. */
  void writeDoubles(double[] values, boolean[] valid) {
    for (int s = 0; s < chunk.segmentCount(); s++) {
      FieldVector vector = chunk.segmentBatch(s).result(call);
      ArrowBuf data = vector.getDataBuffer();
      ArrowBuf validity = vector.getValidityBuffer();
      boolean single = ValueLayout.of(vector) == ValueLayout.FLOAT;
      int first = chunk.segmentFirstRow(s);
      int offset = chunk.segmentStart(s);
      for (int r = 0; r < chunk.segmentLength(s); r++) {
        if (valid != null && !valid[offset + r]) {
          continue;
        }
        int row = first + r;
        if (single) {
          data.setFloat(row * 4L, (float) values[offset + r]);
        } else {
          data.setDouble(row * 8L, values[offset + r]);
        }
        BitVectorHelper.setBit(validity, row);
      }
    }
  }

  /**
   * Writes 128-bit unscaled decimals at the result's scale; a value beyond the result's precision
   * is NUMERIC_OVERFLOW naming {@code what}.
   */
  void writeDecimals(long[] low, long[] high, boolean[] valid, String what) {
    for (int s = 0; s < chunk.segmentCount(); s++) {
      DecimalVector vector = (DecimalVector) chunk.segmentBatch(s).result(call);
      ArrowBuf data = vector.getDataBuffer();
      ArrowBuf validity = vector.getValidityBuffer();
      BigInteger limit = BigInteger.TEN.pow(vector.getPrecision());
      int first = chunk.segmentFirstRow(s);
      int offset = chunk.segmentStart(s);
      for (int r = 0; r < chunk.segmentLength(s); r++) {
        int index = offset + r;
        if (valid != null && !valid[index]) {
          continue;
        }
        checkPrecision(low[index], high[index], vector.getPrecision(), limit, what);
        int row = first + r;
        data.setLong(row * 16L, low[index]);
        data.setLong(row * 16L + 8, high[index]);
        BitVectorHelper.setBit(validity, row);
      }
    }
  }

  private static void checkPrecision(long low, long high, int precision, BigInteger limit, String what) {
    if (high == (low >> 63) && (precision >= 19 || (low != Long.MIN_VALUE && Math.abs(low) < POWERS[precision]))) {
      return;
    }
    BigInteger value = Decimal128.toBigInteger(low, high);
    if (value.abs().compareTo(limit) >= 0) {
      throw new QuiverException(ErrorCode.NUMERIC_OVERFLOW,
          what + " does not fit DECIMAL(" + precision + "): unscaled value " + value);
    }
  }

  private static final long[] POWERS = new long[19];

  static {
    POWERS[0] = 1;
    for (int i = 1; i < POWERS.length; i++) {
      POWERS[i] = POWERS[i - 1] * 10;
    }
  }

  /**
   * Copies into each row r the value of {@code column} at chunk row {@code sources[r]}, or NULL
   * ({@link #NULL_ROW}), or the value of {@code defaultColumn} at row r ({@link #DEFAULT_ROW}).
   * Source, default and result columns have the same type.
   */
  void gather(int[] sources, int column, int defaultColumn) {
    int hint = 0;
    for (int s = 0; s < chunk.segmentCount(); s++) {
      FieldVector target = chunk.segmentBatch(s).result(call);
      ValueLayout layout = ValueLayout.of(target);
      if (layout == ValueLayout.NULL) {
        continue;
      }
      int first = chunk.segmentFirstRow(s);
      int offset = chunk.segmentStart(s);
      for (int r = 0; r < chunk.segmentLength(s); r++) {
        int source = sources[offset + r];
        FieldVector from;
        int fromRow;
        if (source >= 0) {
          hint = chunk.segmentOf(source, hint);
          from = chunk.vector(hint, column);
          fromRow = chunk.segmentFirstRow(hint) + source - chunk.segmentStart(hint);
        } else if (source == DEFAULT_ROW && defaultColumn >= 0) {
          from = chunk.vector(s, defaultColumn);
          fromRow = first + r;
        } else {
          continue;
        }
        copy(layout, from, fromRow, target, first + r);
      }
    }
  }

  /** A new, empty vector of the result's type, allocated from {@code allocator} (the caller closes it). */
  FieldVector newResultVector(BufferAllocator allocator) {
    return chunk.segmentBatch(0).result(call).getField().createVector(allocator);
  }

  /**
   * Copies the value at {@code sourceRow} of {@code source} (a vector of the result's type) into
   * the results of chunk rows {@code [from, to)}; a NULL source leaves them NULL.
   */
  void copy(FieldVector source, int sourceRow, int from, int to) {
    if (from >= to || source.isNull(sourceRow)) {
      return;
    }
    int segment = chunk.segmentOf(from, copyHint);
    while (from < to) {
      segment = chunk.segmentOf(from, segment);
      FieldVector target = chunk.segmentBatch(segment).result(call);
      ValueLayout layout = ValueLayout.of(target);
      int end = Math.min(to, chunk.segmentStart(segment) + chunk.segmentLength(segment));
      int row = chunk.segmentFirstRow(segment) + from - chunk.segmentStart(segment);
      for (int i = from; i < end; i++) {
        copy(layout, source, sourceRow, target, row++);
      }
      from = end;
    }
    copyHint = segment;
  }

  private static void copy(ValueLayout layout, FieldVector from, int fromRow, FieldVector target, int row) {
    if (from.isNull(fromRow)) {
      return;
    }
    switch (layout) {
      case LONG:
      case FLOAT:
      case DOUBLE:
      case DECIMAL: {
        int width = layout == ValueLayout.DECIMAL ? 16 : layout == ValueLayout.FLOAT ? 4
            : layout == ValueLayout.DOUBLE ? 8 : ValueLayout.longWidth(target);
        target.getDataBuffer().setBytes((long) row * width, from.getDataBuffer(), (long) fromRow * width, width);
        BitVectorHelper.setBit(target.getValidityBuffer(), row);
        return;
      }
      case BOOLEAN: {
        ArrowBuf data = from.getDataBuffer();
        int bit = (data.getByte(fromRow >>> 3) >> (fromRow & 7)) & 1;
        BitVectorHelper.setValidityBit(target.getDataBuffer(), row, bit);
        BitVectorHelper.setBit(target.getValidityBuffer(), row);
        return;
      }
      case BYTES:
        ((BaseVariableWidthVector) target).copyFromSafe(fromRow, row, from);
        return;
      default:
        throw new IllegalStateException(layout.name());
    }
  }
}
