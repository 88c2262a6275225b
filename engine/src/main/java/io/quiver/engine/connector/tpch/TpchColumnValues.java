package io.quiver.engine.connector.tpch;

import io.trino.tpch.TpchEntity;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

/**
 * How the values of one TPC-H column get from generated rows into an Arrow vector. Each kind writes
 * straight into the vector's buffers in a loop over the batch: no boxing, no per-value checks.
 * Every TPC-H column is NOT NULL, so validity bits are set for the whole batch at once.
 */
sealed interface TpchColumnValues<E extends TpchEntity> {

  /** Allocates {@code vector} for {@code count} values and fills it from {@code rows[0..count)}. */
  void fill(E[] rows, int count, FieldVector vector);

  /** BIGINT from a long getter. */
  record Longs<E extends TpchEntity>(ToLongFunction<E> getter) implements TpchColumnValues<E> {
    @Override
    public void fill(E[] rows, int count, FieldVector vector) {
      ArrowBuf data = allocateFixedWidth(vector, count);
      for (int i = 0; i < count; i++) {
        data.setLong(i * 8L, getter.applyAsLong(rows[i]));
      }
      finish(vector, count);
    }
  }

  /** INTEGER or DATE (days since 1970-01-01) from an int getter. */
  record Ints<E extends TpchEntity>(ToIntFunction<E> getter) implements TpchColumnValues<E> {
    @Override
    public void fill(E[] rows, int count, FieldVector vector) {
      ArrowBuf data = allocateFixedWidth(vector, count);
      for (int i = 0; i < count; i++) {
        data.setInt(i * 4L, getter.applyAsInt(rows[i]));
      }
      finish(vector, count);
    }
  }

  /** DECIMAL(15, 2) from the generator's exact value in cents (the unscaled value). */
  record Cents<E extends TpchEntity>(ToLongFunction<E> getter) implements TpchColumnValues<E> {
    @Override
    public void fill(E[] rows, int count, FieldVector vector) {
      ArrowBuf data = allocateFixedWidth(vector, count);
      for (int i = 0; i < count; i++) {
        long cents = getter.applyAsLong(rows[i]);
        // Decimal128, little-endian two's complement: low word, then the sign extension.
        data.setLong(i * 16L, cents);
        data.setLong(i * 16L + 8, cents >> 63);
      }
      finish(vector, count);
    }
  }

  /** CHAR(1) from a char getter (o_orderstatus), without making a String per row. */
  record SingleChars<E extends TpchEntity>(ToIntFunction<E> getter) implements TpchColumnValues<E> {
    @Override
    public void fill(E[] rows, int count, FieldVector vector) {
      VarCharVector text = (VarCharVector) vector;
      text.allocateNew(count, count);
      ArrowBuf offsets = text.getOffsetBuffer();
      ArrowBuf data = text.getDataBuffer();
      offsets.setInt(0, 0);
      for (int i = 0; i < count; i++) {
        data.setByte(i, getter.applyAsInt(rows[i]));
        offsets.setInt((i + 1) * 4L, i + 1);
      }
      finishText(text, count);
    }
  }

  /**
   * CHAR or VARCHAR from a String getter. TPC-H text is ASCII (dbgen's grammar and word lists), so
   * a character is a byte; a reused scratch array carries the bytes into the data buffer.
   */
  record Texts<E extends TpchEntity>(Function<E, String> getter) implements TpchColumnValues<E> {
    @Override
    @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int): a fast Latin-1 copy
    public void fill(E[] rows, int count, FieldVector vector) {
      VarCharVector text = (VarCharVector) vector;
      String[] values = new String[count];
      long totalBytes = 0;
      int longest = 0;
      for (int i = 0; i < count; i++) {
        String value = getter.apply(rows[i]);
        values[i] = value;
        totalBytes += value.length();
        longest = Math.max(longest, value.length());
      }
      text.allocateNew(Math.max(totalBytes, 1), count);
      ArrowBuf offsets = text.getOffsetBuffer();
      ArrowBuf data = text.getDataBuffer();
      byte[] scratch = new byte[longest];
      long position = 0;
      offsets.setInt(0, 0);
      for (int i = 0; i < count; i++) {
        String value = values[i];
        int length = value.length();
        value.getBytes(0, length, scratch, 0);
        data.setBytes(position, scratch, 0, length);
        position += length;
        offsets.setInt((i + 1) * 4L, (int) position);
      }
      finishText(text, count);
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

  private static void finishText(VarCharVector vector, int count) {
    markAllValid(vector.getValidityBuffer(), count);
    // Without lastSet, setValueCount would treat every slot as unset and overwrite the offsets.
    vector.setLastSet(count - 1);
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
