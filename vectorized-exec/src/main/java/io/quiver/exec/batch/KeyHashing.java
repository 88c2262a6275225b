package io.quiver.exec.batch;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;

/**
 * The one hash of key values that every exchange and every hash table uses. It is defined on
 * values, not on vectors: an integer of any width hashes like the equal BIGINT, a REAL like the
 * equal DOUBLE (with -0.0 and 0.0, and all NaNs, the same), text by its UTF-8 bytes, NULL as a fixed
 * constant. So the same key lands in the same partition whatever batch, stage or type width carries it.
 *
 * <p>Hash tables use the low bits of the hash; {@link #partition} uses the high bits, so that rows
 * that share a partition still spread over a table.
 */
public final class KeyHashing {

  /** The hash of a NULL key. */
  public static final long NULL_HASH = 0x2545F4914F6CDD1DL;

  private static final long MULTIPLIER = 0x9E3779B97F4A7C15L;

  private KeyHashing() {
  }

  /** Murmur3's 64-bit finalizer: a bijection that spreads every input bit over the output. */
  public static long mix(long value) {
    value ^= value >>> 33;
    value *= 0xff51afd7ed558ccdL;
    value ^= value >>> 33;
    value *= 0xc4ceb9fe1a85ec53L;
    value ^= value >>> 33;
    return value;
  }

  public static long hashLong(long value) {
    return mix(value);
  }

  public static long hashDouble(double value) {
    if (value == 0.0d) {
      value = 0.0d;
    }
    return mix(Double.doubleToLongBits(value));
  }

  /** A 128-bit decimal's unscaled value; values that fit in a long hash like that long. */
  public static long hashDecimal(long low, long high) {
    if (high == (low >> 63)) {
      return mix(low);
    }
    return mix(low ^ mix(high));
  }

  public static long hashBytes(ArrowBuf data, long start, int length) {
    long hash = MULTIPLIER * (length + 1);
    long index = 0;
    for (; index + 8 <= length; index += 8) {
      hash = Long.rotateLeft(hash ^ mix(data.getLong(start + index)), 27) * MULTIPLIER;
    }
    if (index < length) {
      long tail = 0;
      for (int shift = 0; index < length; index++, shift += 8) {
        tail |= (data.getByte(start + index) & 0xFFL) << shift;
      }
      hash = Long.rotateLeft(hash ^ mix(tail), 27) * MULTIPLIER;
    }
    return mix(hash);
  }

  public static long hashBytes(byte[] data, int start, int length) {
    long hash = MULTIPLIER * (length + 1);
    int index = 0;
    for (; index + 8 <= length; index += 8) {
      long word = 0;
      for (int b = 7; b >= 0; b--) {
        word = (word << 8) | (data[start + index + b] & 0xFFL);
      }
      hash = Long.rotateLeft(hash ^ mix(word), 27) * MULTIPLIER;
    }
    if (index < length) {
      long tail = 0;
      for (int shift = 0; index < length; index++, shift += 8) {
        tail |= (data[start + index] & 0xFFL) << shift;
      }
      hash = Long.rotateLeft(hash ^ mix(tail), 27) * MULTIPLIER;
    }
    return mix(hash);
  }

  /** Combines the hash so far with the next key column's hash (order matters). */
  public static long combine(long hash, long next) {
    return Long.rotateLeft(hash, 29) * MULTIPLIER + next;
  }

  /** The partition in {@code [0, partitionCount)} for a row hash; uses the hash's high bits. */
  public static int partition(long hash, int partitionCount) {
    return (int) (((hash >>> 32) * partitionCount) >>> 32);
  }

  /**
   * Hashes rows {@code 0..count)} of one key column into {@code hashes}: stores them when
   * {@code first}, combines them with what is there otherwise.
   */
  public static void hashColumn(FieldVector vector, int count, long[] hashes, boolean first, long[] scratch) {
    ValueLayout layout = ValueLayout.of(vector);
    boolean nulls = ColumnReader.hasNulls(vector, count);
    switch (layout) {
      case LONG:
      case BOOLEAN:
        ColumnReader.readLongs(vector, count, scratch);
        for (int i = 0; i < count; i++) {
          scratch[i] = mix(scratch[i]);
        }
        break;
      case FLOAT:
      case DOUBLE: {
        double[] values = new double[count];
        ColumnReader.readDoubles(vector, count, values);
        for (int i = 0; i < count; i++) {
          scratch[i] = hashDouble(values[i]);
        }
        break;
      }
      case DECIMAL: {
        ArrowBuf data = vector.getDataBuffer();
        for (int i = 0; i < count; i++) {
          scratch[i] = hashDecimal(data.getLong(i * 16L), data.getLong(i * 16L + 8));
        }
        break;
      }
      case BYTES: {
        ArrowBuf data = vector.getDataBuffer();
        ArrowBuf offsets = vector.getOffsetBuffer();
        for (int i = 0; i < count; i++) {
          int start = offsets.getInt(i * 4L);
          scratch[i] = hashBytes(data, start, offsets.getInt((i + 1) * 4L) - start);
        }
        break;
      }
      case NULL:
        java.util.Arrays.fill(scratch, 0, count, NULL_HASH);
        nulls = false;
        break;
      default:
        throw new IllegalStateException(layout.name());
    }
    if (nulls) {
      ArrowBuf validity = vector.getValidityBuffer();
      for (int i = 0; i < count; i++) {
        if (!ColumnReader.isValid(validity, i)) {
          scratch[i] = NULL_HASH;
        }
      }
    }
    if (first) {
      System.arraycopy(scratch, 0, hashes, 0, count);
    } else {
      for (int i = 0; i < count; i++) {
        hashes[i] = combine(hashes[i], scratch[i]);
      }
    }
  }
}
