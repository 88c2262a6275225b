package io.quiver.exec.expression;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.type.DataType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * SUBSTRING, UPPER, LOWER, TRIM, CHAR_LENGTH and CONCAT on UTF-8 bytes. Character positions count
 * code points (lead bytes); case mapping works on bytes for ASCII text and decodes otherwise.
 * Integer arguments (SUBSTRING's start and length) have been cast to BIGINT.
 */
final class TextFunctionNode extends ExpressionNode {

  enum Function { SUBSTRING, UPPER, LOWER, TRIM, CHAR_LENGTH, CONCAT }

  private final Function function;
  private byte[] scratch = new byte[256];

  TextFunctionNode(Function function, List<ExpressionNode> arguments, DataType type, BufferAllocator allocator) {
    super(type, allocator, arguments);
    this.function = function;
  }

  @Override
  FieldVector evaluate(VectorSchemaRoot batch) {
    int rows = batch.getRowCount();
    FieldVector[] inputs = new FieldVector[children.size()];
    FieldVector result = null;
    try {
      for (int a = 0; a < inputs.length; a++) {
        ExpressionNode child = children.get(a);
        if (!(child instanceof ConstantNode) || a == 0 || function == Function.CONCAT) {
          inputs[a] = child.evaluate(batch);
        }
      }
      result = Vectors.allocate(type, rows, allocator);
      long[] valid = new long[Validity.wordCount(rows)];
      for (int w = 0; w < valid.length; w++) {
        long word = Validity.rowMask(w, rows);
        for (int a = 0; a < inputs.length; a++) {
          if (inputs[a] != null) {
            word &= Validity.validWord(inputs[a], w);
          } else if (((ConstantNode) children.get(a)).isNull()) {
            word = 0;
          }
        }
        valid[w] = word;
      }
      if (function == Function.CHAR_LENGTH) {
        charLength(inputs[0], valid, rows, result);
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

  private void charLength(FieldVector input, long[] valid, int rows, FieldVector result) {
    ArrowBuf offsets = input.getOffsetBuffer();
    ArrowBuf data = input.getDataBuffer();
    ArrowBuf out = result.getDataBuffer();
    ArrowBuf validity = result.getValidityBuffer();
    boolean bigint = Vectors.exactWidth(type) == 8;
    for (int w = 0; w < valid.length; w++) {
      Validity.writeWord(validity, w, valid[w]);
    }
    for (int i = 0; i < rows; i++) {
      int start = offsets.getInt((long) i << 2);
      int end = offsets.getInt((long) (i + 1) << 2);
      long length = 0;
      for (int b = start; b < end; b++) {
        length += (data.getByte(b) & 0xC0) != 0x80 ? 1 : 0;
      }
      if (bigint) {
        out.setLong((long) i << 3, length);
      } else {
        out.setInt((long) i << 2, (int) length);
      }
    }
  }

  private long longArgument(FieldVector[] inputs, int argument, int row) {
    if (inputs[argument] == null) {
      return (Long) ((ConstantNode) children.get(argument)).value;
    }
    return inputs[argument].getDataBuffer().getLong((long) row << 3);
  }

  private void apply(FieldVector[] inputs, int i, BaseVariableWidthVector out) {
    FieldVector input = inputs[0];
    ArrowBuf offsets = input.getOffsetBuffer();
    ArrowBuf data = input.getDataBuffer();
    int start = offsets.getInt((long) i << 2);
    int end = offsets.getInt((long) (i + 1) << 2);
    switch (function) {
      case TRIM: {
        while (start < end && data.getByte(start) == ' ') {
          start++;
        }
        while (end > start && data.getByte(end - 1) == ' ') {
          end--;
        }
        out.setSafe(i, 1, start, end, data);
        return;
      }
      case SUBSTRING: {
        long from = longArgument(inputs, 1, i);
        long to = Long.MAX_VALUE;
        if (inputs.length > 2) {
          long length = longArgument(inputs, 2, i);
          if (length < 0) {
            throw new QuiverException(ErrorCode.INVALID_ARGUMENT,
                "SUBSTRING length must not be negative, got " + length);
          }
          to = from + length >= from ? from + length : Long.MAX_VALUE;
        }
        long first = Math.max(from, 1);
        if (to <= first) {
          out.setSafe(i, 1, start, start, data);
          return;
        }
        int byteStart = advance(data, start, end, first - 1);
        int byteEnd = to == Long.MAX_VALUE ? end : advance(data, byteStart, end, to - first);
        out.setSafe(i, 1, byteStart, byteEnd, data);
        return;
      }
      case UPPER:
      case LOWER: {
        int length = end - start;
        byte[] bytes = scratch(length);
        data.getBytes(start, bytes, 0, length);
        boolean ascii = true;
        boolean upper = function == Function.UPPER;
        for (int b = 0; b < length; b++) {
          byte c = bytes[b];
          if (c < 0) {
            ascii = false;
            break;
          }
          if (upper ? c >= 'a' && c <= 'z' : c >= 'A' && c <= 'Z') {
            bytes[b] = (byte) (c ^ 0x20);
          }
        }
        if (ascii) {
          out.setSafe(i, bytes, 0, length);
        } else {
          data.getBytes(start, bytes, 0, length);
          String text = new String(bytes, 0, length, StandardCharsets.UTF_8);
          out.setSafe(i, (upper ? text.toUpperCase(Locale.ROOT) : text.toLowerCase(Locale.ROOT))
              .getBytes(StandardCharsets.UTF_8));
        }
        return;
      }
      default: {
        int total = 0;
        for (int a = 0; a < inputs.length; a++) {
          ArrowBuf argumentOffsets = inputs[a].getOffsetBuffer();
          total += argumentOffsets.getInt((long) (i + 1) << 2) - argumentOffsets.getInt((long) i << 2);
        }
        byte[] bytes = scratch(total);
        int position = 0;
        for (int a = 0; a < inputs.length; a++) {
          ArrowBuf argumentOffsets = inputs[a].getOffsetBuffer();
          int argumentStart = argumentOffsets.getInt((long) i << 2);
          int argumentLength = argumentOffsets.getInt((long) (i + 1) << 2) - argumentStart;
          inputs[a].getDataBuffer().getBytes(argumentStart, bytes, position, argumentLength);
          position += argumentLength;
        }
        out.setSafe(i, bytes, 0, total);
      }
    }
  }

  /** Byte position {@code characters} code points after {@code position}, at most {@code end}. */
  private static int advance(ArrowBuf data, int position, int end, long characters) {
    while (characters > 0 && position < end) {
      position++;
      while (position < end && (data.getByte(position) & 0xC0) == 0x80) {
        position++;
      }
      characters--;
    }
    return position;
  }

  private byte[] scratch(int length) {
    if (scratch.length < length) {
      scratch = new byte[Math.max(length, scratch.length * 2)];
    }
    return scratch;
  }

  @Override
  public String toString() {
    return function + children.toString();
  }
}
