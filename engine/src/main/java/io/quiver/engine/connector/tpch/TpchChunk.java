package io.quiver.engine.connector.tpch;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * The values of one column for a run of generated rows, kept in plain Java arrays: what a split
 * reader copies into Arrow vectors, and what the {@link TpchDataCache} keeps between queries. Every
 * TPC-H column is NOT NULL, so there is no null mask. Immutable once made.
 */
sealed interface TpchChunk {

  int rowCount();

  /** Heap bytes the chunk holds (for the cache's budget). */
  long sizeInBytes();

  /** Allocates {@code vector} for {@code count} values and fills it with rows {@code [from, from + count)}. */
  void fill(FieldVector vector, int from, int count);

  /** BIGINT values. */
  record Longs(long[] values) implements TpchChunk {
    @Override
    public int rowCount() {
      return values.length;
    }

    @Override
    public long sizeInBytes() {
      return 16L + 8L * values.length;
    }

    @Override
    public void fill(FieldVector vector, int from, int count) {
      ArrowBuf data = allocateFixedWidth(vector, count);
      for (int i = 0; i < count; i++) {
        data.setLong(i * 8L, values[from + i]);
      }
      finish(vector, count);
    }
  }

  /** INTEGER values, or DATE values as days since 1970-01-01. */
  record Ints(int[] values) implements TpchChunk {
    @Override
    public int rowCount() {
      return values.length;
    }

    @Override
    public long sizeInBytes() {
      return 16L + 4L * values.length;
    }

    @Override
    public void fill(FieldVector vector, int from, int count) {
      ArrowBuf data = allocateFixedWidth(vector, count);
      for (int i = 0; i < count; i++) {
        data.setInt(i * 4L, values[from + i]);
      }
      finish(vector, count);
    }
  }

  /** DECIMAL(15, 2) values as their unscaled longs (cents), widened to Decimal128 when filled. */
  record Cents(long[] values) implements TpchChunk {
    @Override
    public int rowCount() {
      return values.length;
    }

    @Override
    public long sizeInBytes() {
      return 16L + 8L * values.length;
    }

    @Override
    public void fill(FieldVector vector, int from, int count) {
      ArrowBuf data = allocateFixedWidth(vector, count);
      for (int i = 0; i < count; i++) {
        long cents = values[from + i];
        // Decimal128, little-endian two's complement: the low word, then the sign extension.
        data.setLong(i * 16L, cents);
        data.setLong(i * 16L + 8, cents >> 63);
      }
      finish(vector, count);
    }
  }

  /**
   * CHAR/VARCHAR values as UTF-8 bytes laid end to end; value {@code i} is
   * {@code bytes[offsets[i], offsets[i + 1])}.
   */
  record Texts(byte[] bytes, int[] offsets) implements TpchChunk {
    @Override
    public int rowCount() {
      return offsets.length - 1;
    }

    @Override
    public long sizeInBytes() {
      return 32L + bytes.length + 4L * offsets.length;
    }

    @Override
    public void fill(FieldVector vector, int from, int count) {
      VarCharVector text = (VarCharVector) vector;
      int base = offsets[from];
      int length = offsets[from + count] - base;
      text.allocateNew(Math.max(length, 1), count);
      ArrowBuf offsetBuffer = text.getOffsetBuffer();
      for (int i = 0; i <= count; i++) {
        offsetBuffer.setInt(i * 4L, offsets[from + i] - base);
      }
      text.getDataBuffer().setBytes(0, bytes, base, length);
      markAllValid(text.getValidityBuffer(), count);
      // Without lastSet, setValueCount would take every slot for unset and overwrite the offsets.
      text.setLastSet(count - 1);
      text.setValueCount(count);
    }
  }

  private static ArrowBuf allocateFixedWidth(FieldVector vector, int count) {
    ((BaseFixedWidthVector) vector).allocateNew(count);
    return vector.getDataBuffer();
  }

  private static void finish(FieldVector vector, int count) {
    markAllValid(vector.getValidityBuffer(), count);
    vector.setValueCount(count);
  }

  private static void markAllValid(ArrowBuf validity, int count) {
    int fullBytes = count >>> 3;
    validity.setOne(0L, (long) fullBytes);
    int rest = count & 7;
    if (rest != 0) {
      validity.setByte(fullBytes, (1 << rest) - 1);
    }
  }
}
