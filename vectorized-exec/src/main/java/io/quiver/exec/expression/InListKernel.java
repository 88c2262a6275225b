package io.quiver.exec.expression;

import io.quiver.exec.type.DataType;
import io.quiver.exec.type.TypeKind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;

/**
 * {@code value IN (constant, ...)} in one pass: the constants are converted once to the value
 * column's raw representation (unscaled longs at the column's scale, or UTF-8 bytes), then each row
 * is looked up among them. Constants that cannot equal any value of the column (1.5 for an INTEGER
 * column) are dropped. Used for integer kinds, narrow decimals, DATE and text columns.
 */
abstract class InListKernel {

  /** Writes one match bit per row into {@code out}, 64 rows per word. */
  abstract void match(FieldVector value, int rows, ArrowBuf out);

  /** A kernel for the value type and these non-null constants, or null when none applies. */
  static InListKernel create(DataType valueType, List<ConstantNode> candidates) {
    if (valueType.isText()) {
      for (ConstantNode candidate : candidates) {
        if (!candidate.type().isText()) {
          return null;
        }
      }
      boolean padded = valueType.kind() == TypeKind.CHAR;
      for (ConstantNode candidate : candidates) {
        padded |= candidate.type().kind() == TypeKind.CHAR;
      }
      List<byte[]> texts = new ArrayList<>();
      for (ConstantNode candidate : candidates) {
        String text = (String) candidate.value;
        texts.add((padded ? text.replaceAll(" +$", "") : text).getBytes(StandardCharsets.UTF_8));
      }
      return new Text(texts.toArray(new byte[0][]), padded);
    }
    boolean exactValue = valueType.isInteger() || valueType.kind() == TypeKind.DATE
        || (valueType.kind() == TypeKind.DECIMAL && valueType.precision() <= 18);
    if (!exactValue) {
      return null;
    }
    int scale = valueType.kind() == TypeKind.DECIMAL ? valueType.scale() : 0;
    TreeSet<Long> values = new TreeSet<>();
    for (ConstantNode candidate : candidates) {
      DataType type = candidate.type();
      boolean comparable = valueType.kind() == TypeKind.DATE ? type.kind() == TypeKind.DATE
          : type.isInteger() || type.kind() == TypeKind.DECIMAL;
      if (!comparable) {
        return null;
      }
      BigDecimal raw = ExactComparisonKernel.exactValue(candidate.value).movePointRight(scale);
      if (raw.signum() == 0 || raw.stripTrailingZeros().scale() <= 0) {
        BigInteger integer = raw.toBigInteger();
        if (integer.bitLength() < 64) {
          values.add(integer.longValue());
        }
      }
    }
    long[] sorted = new long[values.size()];
    int i = 0;
    for (long value : values) {
      sorted[i++] = value;
    }
    return new Exact(Vectors.exactWidth(valueType), sorted);
  }

  private static final class Exact extends InListKernel {
    private final int width;
    private final long[] values;

    Exact(int width, long[] values) {
      this.width = width;
      this.values = values;
    }

    @Override
    void match(FieldVector value, int rows, ArrowBuf out) {
      ArrowBuf data = value.getDataBuffer();
      long[] candidates = values;
      boolean search = candidates.length > 8;
      for (int w = 0; w < Validity.wordCount(rows); w++) {
        int base = w << 6;
        int count = Math.min(64, rows - base);
        long bits = 0;
        for (int j = 0; j < count; j++) {
          long x = Vectors.readExact(data, width, base + j);
          boolean found = false;
          if (search) {
            found = Arrays.binarySearch(candidates, x) >= 0;
          } else {
            for (long candidate : candidates) {
              found |= candidate == x;
            }
          }
          bits |= (found ? 1L : 0L) << j;
        }
        Validity.writeWord(out, w, bits);
      }
    }
  }

  private static final class Text extends InListKernel {
    private final byte[][] values;
    private final boolean padded;

    Text(byte[][] values, boolean padded) {
      this.values = values;
      this.padded = padded;
    }

    @Override
    void match(FieldVector value, int rows, ArrowBuf out) {
      ArrowBuf offsets = value.getOffsetBuffer();
      ArrowBuf data = value.getDataBuffer();
      for (int w = 0; w < Validity.wordCount(rows); w++) {
        int base = w << 6;
        int count = Math.min(64, rows - base);
        long bits = 0;
        for (int j = 0; j < count; j++) {
          long i = base + j;
          int start = offsets.getInt(i << 2);
          int end = offsets.getInt((i + 1) << 2);
          if (padded) {
            end = TextComparisonKernel.trimmedEnd(data, start, end);
          }
          for (byte[] candidate : values) {
            if (TextComparisonKernel.equalBytes(data, start, end - start, candidate)) {
              bits |= 1L << j;
              break;
            }
          }
        }
        Validity.writeWord(out, w, bits);
      }
    }
  }
}
