package io.quiver.exec.operator.window;

import io.quiver.exec.batch.ColumnReader;
import io.quiver.exec.batch.ValueLayout;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;

/**
 * Reads rows {@code [first, first + length)} of one vector into primitive arrays at {@code offset}:
 * one type switch per call, a tight loop over the Arrow buffers per type. {@link WindowChunk} calls
 * them once per held batch a chunk spans.
 */
final class RangeReads {

  private RangeReads() {
  }

  static void validity(FieldVector vector, int first, boolean[] out, int offset, int length) {
    if (!ColumnReader.hasNulls(vector, vector.getValueCount())) {
      java.util.Arrays.fill(out, offset, offset + length, ValueLayout.of(vector) != ValueLayout.NULL);
      return;
    }
    ArrowBuf bits = vector.getValidityBuffer();
    for (int r = 0; r < length; r++) {
      out[offset + r] = ColumnReader.isValid(bits, first + r);
    }
  }

  /** LONG- and BOOLEAN-layout values widened to long; a NULL vector leaves the range as it is. */
  static void longs(FieldVector vector, int first, long[] out, int offset, int length) {
    ValueLayout layout = ValueLayout.of(vector);
    ArrowBuf data = vector.getDataBuffer();
    if (layout == ValueLayout.NULL) {
      return;
    }
    if (layout == ValueLayout.BOOLEAN) {
      for (int r = 0; r < length; r++) {
        int row = first + r;
        out[offset + r] = (data.getByte(row >>> 3) >> (row & 7)) & 1;
      }
      return;
    }
    switch (ValueLayout.longWidth(vector)) {
      case 1 -> {
        for (int r = 0; r < length; r++) {
          out[offset + r] = data.getByte(first + r);
        }
      }
      case 2 -> {
        for (int r = 0; r < length; r++) {
          out[offset + r] = data.getShort((first + r) * 2L);
        }
      }
      case 4 -> {
        for (int r = 0; r < length; r++) {
          out[offset + r] = data.getInt((first + r) * 4L);
        }
      }
      default -> {
        for (int r = 0; r < length; r++) {
          out[offset + r] = data.getLong((first + r) * 8L);
        }
      }
    }
  }

  /** FLOAT- and DOUBLE-layout values as doubles. */
  static void doubles(FieldVector vector, int first, double[] out, int offset, int length) {
    ValueLayout layout = ValueLayout.of(vector);
    ArrowBuf data = vector.getDataBuffer();
    if (layout == ValueLayout.FLOAT) {
      for (int r = 0; r < length; r++) {
        out[offset + r] = data.getFloat((first + r) * 4L);
      }
    } else if (layout == ValueLayout.DOUBLE) {
      for (int r = 0; r < length; r++) {
        out[offset + r] = data.getDouble((first + r) * 8L);
      }
    }
  }

  /** DECIMAL unscaled values as their low and high 64 bits. */
  static void decimals(FieldVector vector, int first, long[] low, long[] high, int offset, int length) {
    if (ValueLayout.of(vector) != ValueLayout.DECIMAL) {
      return;
    }
    ArrowBuf data = vector.getDataBuffer();
    for (int r = 0; r < length; r++) {
      low[offset + r] = data.getLong((first + r) * 16L);
      high[offset + r] = data.getLong((first + r) * 16L + 8);
    }
  }
}
