package io.quiver.engine.connector.tpch;

import io.trino.tpch.TpchEntity;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

/**
 * How the values of one TPC-H column are taken from generated rows: one tight loop per column
 * over a batch of rows into a {@link TpchChunk}, without boxing.
 */
sealed interface TpchColumnValues<E extends TpchEntity> {

  /** The values of {@code rows[0..count)}. */
  TpchChunk capture(E[] rows, int count);

  /** BIGINT from a long getter. */
  record Longs<E extends TpchEntity>(ToLongFunction<E> getter) implements TpchColumnValues<E> {
    @Override
    public TpchChunk capture(E[] rows, int count) {
      long[] values = new long[count];
      for (int i = 0; i < count; i++) {
        values[i] = getter.applyAsLong(rows[i]);
      }
      return new TpchChunk.Longs(values);
    }
  }

  /** INTEGER or DATE (days since 1970-01-01) from an int getter. */
  record Ints<E extends TpchEntity>(ToIntFunction<E> getter) implements TpchColumnValues<E> {
    @Override
    public TpchChunk capture(E[] rows, int count) {
      int[] values = new int[count];
      for (int i = 0; i < count; i++) {
        values[i] = getter.applyAsInt(rows[i]);
      }
      return new TpchChunk.Ints(values);
    }
  }

  /** DECIMAL(15, 2) from the generator's exact value in cents (the unscaled value). */
  record Cents<E extends TpchEntity>(ToLongFunction<E> getter) implements TpchColumnValues<E> {
    @Override
    public TpchChunk capture(E[] rows, int count) {
      long[] values = new long[count];
      for (int i = 0; i < count; i++) {
        values[i] = getter.applyAsLong(rows[i]);
      }
      return new TpchChunk.Cents(values);
    }
  }

  /** CHAR(1) from a char getter (o_orderstatus), without making a String per row. */
  record SingleChars<E extends TpchEntity>(ToIntFunction<E> getter) implements TpchColumnValues<E> {
    @Override
    public TpchChunk capture(E[] rows, int count) {
      byte[] bytes = new byte[count];
      int[] offsets = new int[count + 1];
      for (int i = 0; i < count; i++) {
        bytes[i] = (byte) getter.applyAsInt(rows[i]);
        offsets[i + 1] = i + 1;
      }
      return new TpchChunk.Texts(bytes, offsets);
    }
  }

  /**
   * CHAR or VARCHAR from a String getter. TPC-H text is ASCII (dbgen's grammar and word lists), so a
   * character is a byte.
   */
  record Texts<E extends TpchEntity>(Function<E, String> getter) implements TpchColumnValues<E> {
    @Override
    @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int): a fast Latin-1 copy
    public TpchChunk capture(E[] rows, int count) {
      String[] values = new String[count];
      int[] offsets = new int[count + 1];
      int total = 0;
      for (int i = 0; i < count; i++) {
        String value = getter.apply(rows[i]);
        values[i] = value;
        total += value.length();
        offsets[i + 1] = total;
      }
      byte[] bytes = new byte[total];
      for (int i = 0; i < count; i++) {
        values[i].getBytes(0, values[i].length(), bytes, offsets[i]);
      }
      return new TpchChunk.Texts(bytes, offsets);
    }
  }
}
