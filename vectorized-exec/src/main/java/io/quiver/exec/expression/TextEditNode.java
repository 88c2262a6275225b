package io.quiver.exec.expression;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.type.DataType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * TRIM, LTRIM and RTRIM with a set of characters, REPLACE, POSITION, LPAD and RPAD on UTF-8 bytes.
 * Text arguments are read into reusable byte arrays (constants once per node); character counts
 * are code points. Because UTF-8 is self-synchronizing, matching whole encoded characters and
 * substrings byte by byte gives the same answer as matching code points. Integer arguments have
 * been cast to BIGINT. A NULL argument gives NULL.
 */
final class TextEditNode extends ExpressionNode {

  enum Function { TRIM, LTRIM, RTRIM, REPLACE, POSITION, LPAD, RPAD }

  /** Longest result LPAD and RPAD build, so that a huge length fails clearly instead of exhausting memory. */
  static final long MAXIMUM_PAD_LENGTH = 10_000_000L;

  private static final byte[] SPACE = {' '};

  private final Function function;
  /** Per argument: the constant's bytes (text) or null when the argument is a column. */
  private final byte[][] constantText;
  private final long[] constantInteger;
  private final boolean[] constant;
  private byte[][] rowText;
  private final int[] rowLength;
  private byte[] output = new byte[256];

  TextEditNode(Function function, List<ExpressionNode> arguments, DataType type, BufferAllocator allocator) {
    super(type, allocator, arguments);
    this.function = function;
    int count = arguments.size();
    constantText = new byte[count][];
    constantInteger = new long[count];
    constant = new boolean[count];
    rowText = new byte[count][];
    rowLength = new int[count];
    for (int a = 0; a < count; a++) {
      rowText[a] = new byte[64];
      if (arguments.get(a) instanceof ConstantNode value && !value.isNull()) {
        constant[a] = true;
        if (value.value instanceof String text) {
          constantText[a] = text.getBytes(StandardCharsets.UTF_8);
        } else {
          constantInteger[a] = (Long) value.value;
        }
      }
    }
  }

  @Override
  FieldVector evaluate(VectorSchemaRoot batch) {
    int rows = batch.getRowCount();
    FieldVector[] inputs = new FieldVector[children.size()];
    FieldVector result = null;
    try {
      long[] valid = new long[Validity.wordCount(rows)];
      java.util.Arrays.fill(valid, -1L);
      for (int a = 0; a < inputs.length; a++) {
        ExpressionNode child = children.get(a);
        if (constant[a]) {
          continue;
        }
        if (CallRules.isNullConstant(child)) {
          java.util.Arrays.fill(valid, 0L);
          continue;
        }
        inputs[a] = child.evaluate(batch);
        for (int w = 0; w < valid.length; w++) {
          valid[w] &= Validity.validWord(inputs[a], w);
        }
      }
      result = Vectors.allocate(type, rows, allocator);
      if (function == Function.POSITION) {
        ArrowBuf validity = result.getValidityBuffer();
        ArrowBuf out = result.getDataBuffer();
        boolean bigint = Vectors.exactWidth(type) == 8;
        for (int w = 0; w < valid.length; w++) {
          valid[w] &= Validity.rowMask(w, rows);
          Validity.writeWord(validity, w, valid[w]);
        }
        for (int i = Validity.nextSet(validity, 0, rows); i < rows; i = Validity.nextSet(validity, i + 1, rows)) {
          long position = position(inputs, i);
          if (bigint) {
            out.setLong((long) i << 3, position);
          } else {
            out.setInt((long) i << 2, (int) position);
          }
        }
      } else {
        BaseVariableWidthVector out = (BaseVariableWidthVector) result;
        for (int i = 0; i < rows; i++) {
          if ((valid[i >>> 6] >>> (i & 63) & 1) != 0) {
            apply(inputs, i, out);
          }
        }
      }
      result.setValueCount(rows);
      FieldVector done = result;
      result = null;
      return done;
    } finally {
      if (result != null) {
        result.close();
      }
      for (int a = 0; a < inputs.length; a++) {
        children.get(a).release(inputs[a]);
      }
    }
  }

  /** The bytes of text argument {@code a} at {@code row}; their count is {@code rowLength[a]}. */
  private byte[] text(FieldVector[] inputs, int a, int row) {
    if (constant[a]) {
      rowLength[a] = constantText[a].length;
      return constantText[a];
    }
    ArrowBuf offsets = inputs[a].getOffsetBuffer();
    int start = offsets.getInt((long) row << 2);
    int length = offsets.getInt((long) (row + 1) << 2) - start;
    if (rowText[a].length < length) {
      rowText[a] = new byte[Math.max(length, rowText[a].length * 2)];
    }
    inputs[a].getDataBuffer().getBytes(start, rowText[a], 0, length);
    rowLength[a] = length;
    return rowText[a];
  }

  private long integer(FieldVector[] inputs, int a, int row) {
    return constant[a] ? constantInteger[a] : inputs[a].getDataBuffer().getLong((long) row << 3);
  }

  private void apply(FieldVector[] inputs, int i, BaseVariableWidthVector out) {
    byte[] value = text(inputs, 0, i);
    int length = rowLength[0];
    switch (function) {
      case TRIM:
      case LTRIM:
      case RTRIM: {
        byte[] characters = SPACE;
        int charactersLength = 1;
        if (inputs.length > 1) {
          characters = text(inputs, 1, i);
          charactersLength = rowLength[1];
        }
        int start = 0;
        int end = length;
        if (function != Function.RTRIM) {
          int width;
          while (start < end && (width = matchAt(value, start, end, characters, charactersLength)) > 0) {
            start += width;
          }
        }
        if (function != Function.LTRIM) {
          int width;
          while (end > start && (width = matchBefore(value, start, end, characters, charactersLength)) > 0) {
            end -= width;
          }
        }
        out.setSafe(i, value, start, end - start);
        return;
      }
      case REPLACE: {
        byte[] search = text(inputs, 1, i);
        int searchLength = rowLength[1];
        byte[] replacement = text(inputs, 2, i);
        int replacementLength = rowLength[2];
        if (searchLength == 0) {
          out.setSafe(i, value, 0, length);
          return;
        }
        int written = 0;
        int from = 0;
        for (int found = indexOf(value, length, search, searchLength, 0); found >= 0;
            found = indexOf(value, length, search, searchLength, from)) {
          written = append(written, value, from, found - from);
          written = append(written, replacement, 0, replacementLength);
          from = found + searchLength;
        }
        written = append(written, value, from, length - from);
        out.setSafe(i, output, 0, written);
        return;
      }
      default:
        pad(inputs, i, value, length, out);
    }
  }

  private void pad(FieldVector[] inputs, int i, byte[] value, int length, BaseVariableWidthVector out) {
    long target = integer(inputs, 1, i);
    if (target > MAXIMUM_PAD_LENGTH) {
      throw new QuiverException(ErrorCode.INVALID_ARGUMENT,
          function + " length " + target + " is larger than the maximum " + MAXIMUM_PAD_LENGTH);
    }
    if (target <= 0) {
      out.setSafe(i, value, 0, 0);
      return;
    }
    int characters = characterCount(value, 0, length);
    if (characters >= target) {
      out.setSafe(i, value, 0, advance(value, 0, length, target));
      return;
    }
    byte[] fill = SPACE;
    int fillLength = 1;
    if (inputs.length > 2) {
      fill = text(inputs, 2, i);
      fillLength = rowLength[2];
    }
    if (fillLength == 0) {
      // PostgreSQL: an empty fill cannot lengthen the value.
      out.setSafe(i, value, 0, length);
      return;
    }
    int written = 0;
    if (function == Function.RPAD) {
      written = append(written, value, 0, length);
    }
    long missing = target - characters;
    while (missing > 0) {
      int fillCharacters = characterCount(fill, 0, fillLength);
      if (fillCharacters <= missing) {
        written = append(written, fill, 0, fillLength);
        missing -= fillCharacters;
      } else {
        written = append(written, fill, 0, advance(fill, 0, fillLength, missing));
        missing = 0;
      }
    }
    if (function == Function.LPAD) {
      written = append(written, value, 0, length);
    }
    out.setSafe(i, output, 0, written);
  }

  private long position(FieldVector[] inputs, int i) {
    byte[] search = text(inputs, 0, i);
    int searchLength = rowLength[0];
    byte[] value = text(inputs, 1, i);
    int length = rowLength[1];
    long from = inputs.length > 2 ? integer(inputs, 2, i) : 1;
    if (from < 1) {
      // PostgreSQL has no FROM; Calcite's POSITION ... FROM with start below 1 finds nothing.
      return 0;
    }
    int start = advance(value, 0, length, from - 1);
    if (start == length && characterCount(value, 0, length) < from - 1) {
      return 0;
    }
    int found = indexOf(value, length, search, searchLength, start);
    return found < 0 ? 0 : characterCount(value, 0, found) + 1;
  }

  private int append(int written, byte[] bytes, int from, int length) {
    if (output.length < written + length) {
      byte[] larger = new byte[Math.max(written + length, output.length * 2)];
      System.arraycopy(output, 0, larger, 0, written);
      output = larger;
    }
    System.arraycopy(bytes, from, output, written, length);
    return written + length;
  }

  /** Byte width of the character of {@code set} that starts at {@code position}, or 0. */
  private static int matchAt(byte[] value, int position, int end, byte[] set, int setLength) {
    for (int c = 0; c < setLength; ) {
      int width = characterWidth(set, c, setLength);
      if (position + width <= end && equalRange(value, position, set, c, width)) {
        return width;
      }
      c += width;
    }
    return 0;
  }

  /** Byte width of the character of {@code set} that ends at {@code end}, or 0. */
  private static int matchBefore(byte[] value, int start, int end, byte[] set, int setLength) {
    for (int c = 0; c < setLength; ) {
      int width = characterWidth(set, c, setLength);
      if (end - width >= start && equalRange(value, end - width, set, c, width)) {
        return width;
      }
      c += width;
    }
    return 0;
  }

  private static int characterWidth(byte[] bytes, int position, int end) {
    int next = position + 1;
    while (next < end && (bytes[next] & 0xC0) == 0x80) {
      next++;
    }
    return next - position;
  }

  private static boolean equalRange(byte[] a, int aFrom, byte[] b, int bFrom, int length) {
    for (int k = 0; k < length; k++) {
      if (a[aFrom + k] != b[bFrom + k]) {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(byte[] value, int length, byte[] search, int searchLength, int from) {
    int last = length - searchLength;
    for (int p = from; p <= last; p++) {
      if (searchLength == 0 || value[p] == search[0]) {
        if (equalRange(value, p, search, 0, searchLength)) {
          return p;
        }
      }
    }
    return -1;
  }

  private static int characterCount(byte[] bytes, int from, int to) {
    int count = 0;
    for (int b = from; b < to; b++) {
      count += (bytes[b] & 0xC0) != 0x80 ? 1 : 0;
    }
    return count;
  }

  /** Byte position {@code characters} code points after {@code position}, at most {@code end}. */
  private static int advance(byte[] bytes, int position, int end, long characters) {
    while (characters > 0 && position < end) {
      position++;
      while (position < end && (bytes[position] & 0xC0) == 0x80) {
        position++;
      }
      characters--;
    }
    return position;
  }

  @Override
  public String toString() {
    return function + children.toString();
  }
}
