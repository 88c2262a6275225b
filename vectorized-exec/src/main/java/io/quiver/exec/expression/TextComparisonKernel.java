package io.quiver.exec.expression;

import java.nio.charset.StandardCharsets;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;

/**
 * Compares UTF-8 text (or binary) byte-wise, unsigned, which orders text by code point. With CHAR
 * on either side trailing spaces are ignored. Equality against a constant checks lengths first.
 */
final class TextComparisonKernel extends ComparisonKernel {

  private final boolean padded;
  private final boolean constant;
  private final byte[] constantBytes;

  TextComparisonKernel(Comparison comparison, boolean padded, boolean rightIsConstant, Object rightConstant) {
    super(comparison);
    this.padded = padded;
    this.constant = rightIsConstant;
    byte[] bytes = null;
    if (rightIsConstant) {
      bytes = rightConstant instanceof byte[] binary ? binary
          : ((String) rightConstant).getBytes(StandardCharsets.UTF_8);
      if (padded) {
        bytes = java.util.Arrays.copyOf(bytes, trimmedLength(bytes));
      }
    }
    this.constantBytes = bytes;
  }

  private static int trimmedLength(byte[] bytes) {
    int length = bytes.length;
    while (length > 0 && bytes[length - 1] == ' ') {
      length--;
    }
    return length;
  }

  static int trimmedEnd(ArrowBuf data, int start, int end) {
    while (end > start && data.getByte(end - 1) == ' ') {
      end--;
    }
    return end;
  }

  /** Unsigned byte-wise comparison of two buffer ranges, 8 bytes at a time. */
  static int compareBytes(ArrowBuf a, int aStart, int aLength, ArrowBuf b, int bStart, int bLength) {
    int common = Math.min(aLength, bLength);
    int i = 0;
    for (; i + 8 <= common; i += 8) {
      long x = a.getLong(aStart + i);
      long y = b.getLong(bStart + i);
      if (x != y) {
        return Long.compareUnsigned(Long.reverseBytes(x), Long.reverseBytes(y));
      }
    }
    for (; i < common; i++) {
      int x = a.getByte(aStart + i) & 0xFF;
      int y = b.getByte(bStart + i) & 0xFF;
      if (x != y) {
        return x - y;
      }
    }
    return Integer.compare(aLength, bLength);
  }

  static int compareBytes(ArrowBuf a, int aStart, int aLength, byte[] b) {
    int common = Math.min(aLength, b.length);
    for (int i = 0; i < common; i++) {
      int x = a.getByte(aStart + i) & 0xFF;
      int y = b[i] & 0xFF;
      if (x != y) {
        return x - y;
      }
    }
    return Integer.compare(aLength, b.length);
  }

  static boolean equalBytes(ArrowBuf a, int aStart, int aLength, byte[] b) {
    if (aLength != b.length) {
      return false;
    }
    for (int i = 0; i < aLength; i++) {
      if (a.getByte(aStart + i) != b[i]) {
        return false;
      }
    }
    return true;
  }

  @Override
  void compare(FieldVector left, FieldVector right, int rows, ArrowBuf out) {
    ArrowBuf leftOffsets = left.getOffsetBuffer();
    ArrowBuf leftData = left.getDataBuffer();
    ArrowBuf rightOffsets = constant ? null : right.getOffsetBuffer();
    ArrowBuf rightData = constant ? null : right.getDataBuffer();
    Comparison op = comparison;
    boolean equality = op == Comparison.EQUAL || op == Comparison.NOT_EQUAL;
    long flip = op == Comparison.NOT_EQUAL ? -1L : 0L;
    int words = Validity.wordCount(rows);
    for (int w = 0; w < words; w++) {
      int base = w << 6;
      int count = Math.min(64, rows - base);
      long bits = 0;
      for (int j = 0; j < count; j++) {
        long i = base + j;
        int start = leftOffsets.getInt(i << 2);
        int end = leftOffsets.getInt((i + 1) << 2);
        if (padded) {
          end = trimmedEnd(leftData, start, end);
        }
        if (constant) {
          if (equality) {
            bits |= (equalBytes(leftData, start, end - start, constantBytes) ? 1L : 0L) << j;
          } else {
            bits |= op.bit(compareBytes(leftData, start, end - start, constantBytes)) << j;
          }
        } else {
          int rightStart = rightOffsets.getInt(i << 2);
          int rightEnd = rightOffsets.getInt((i + 1) << 2);
          if (padded) {
            rightEnd = trimmedEnd(rightData, rightStart, rightEnd);
          }
          int compare = compareBytes(leftData, start, end - start, rightData, rightStart, rightEnd - rightStart);
          bits |= (equality ? (compare == 0 ? 1L : 0L) : op.bit(compare)) << j;
        }
      }
      Validity.writeWord(out, w, equality ? bits ^ flip : bits);
    }
  }
}
