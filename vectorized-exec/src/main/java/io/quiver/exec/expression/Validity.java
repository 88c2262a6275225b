package io.quiver.exec.expression;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;

/**
 * Word-at-a-time access to Arrow bitmaps (validity bitmaps and boolean value bitmaps). Bit {@code j}
 * of word {@code w} is row {@code w * 64 + j} (Arrow bitmaps are least-significant-bit first and
 * words are read little-endian).
 */
final class Validity {

  private Validity() {
  }

  static int wordCount(int rows) {
    return (rows + 63) >>> 6;
  }

  /** Row capacity to allocate so that whole 64-bit words can be written to every bitmap. */
  static int roundedCapacity(int rows) {
    return Math.max(64, (rows + 63) & ~63);
  }

  /** Mask of the rows that exist in word {@code word} of a batch of {@code rows} rows. */
  static long rowMask(int word, int rows) {
    int remaining = rows - (word << 6);
    return remaining >= 64 ? -1L : (1L << remaining) - 1;
  }

  /** Reads word {@code word}, tolerating bitmaps whose capacity is not a multiple of 8 bytes. */
  static long readWord(ArrowBuf buffer, int word) {
    long offset = word * 8L;
    long capacity = buffer.capacity();
    if (offset + 8 <= capacity) {
      return buffer.getLong(offset);
    }
    long value = 0;
    for (long b = offset; b < capacity; b++) {
      value |= (buffer.getByte(b) & 0xFFL) << ((b - offset) * 8);
    }
    return value;
  }

  /** Writes word {@code word}; the buffer must come from {@link Vectors#allocate}. */
  static void writeWord(ArrowBuf buffer, int word, long value) {
    buffer.setLong(word * 8L, value);
  }

  static boolean isSet(ArrowBuf buffer, int index) {
    return ((buffer.getByte(index >>> 3) >> (index & 7)) & 1) != 0;
  }

  static void set(ArrowBuf buffer, int index) {
    long byteIndex = index >>> 3;
    buffer.setByte(byteIndex, buffer.getByte(byteIndex) | (1 << (index & 7)));
  }

  static void clear(ArrowBuf buffer, int index) {
    long byteIndex = index >>> 3;
    buffer.setByte(byteIndex, buffer.getByte(byteIndex) & ~(1 << (index & 7)));
  }

  /** Sets every row of {@code rows} valid (or clears all) in a bitmap of an allocated vector. */
  static void fill(ArrowBuf buffer, int rows, boolean value) {
    int words = wordCount(rows);
    for (int w = 0; w < words; w++) {
      writeWord(buffer, w, value ? rowMask(w, rows) : 0L);
    }
  }

  /** Validity word of any vector; a NullVector (type NULL) has no valid rows. */
  static long validWord(FieldVector vector, int word) {
    if (vector instanceof NullVector) {
      return 0L;
    }
    return readWord(vector.getValidityBuffer(), word);
  }

  /** Value word of a boolean vector (a NullVector reads as all false). */
  static long valueWord(FieldVector vector, int word) {
    if (vector instanceof NullVector) {
      return 0L;
    }
    return readWord(vector.getDataBuffer(), word);
  }
}
