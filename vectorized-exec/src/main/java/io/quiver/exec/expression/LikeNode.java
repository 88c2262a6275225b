package io.quiver.exec.expression;

import io.quiver.exec.type.DataType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * value [NOT] LIKE pattern [ESCAPE escape]. A constant pattern (and escape) is compiled once; a
 * pattern that varies by row is compiled per row, reusing the previous row's when equal.
 */
final class LikeNode extends ExpressionNode {

  private final ExpressionNode value;
  private final ExpressionNode pattern;
  private final ExpressionNode escape;
  private final boolean negated;
  private final LikePattern constantPattern;

  LikeNode(ExpressionNode value, ExpressionNode pattern, ExpressionNode escape, boolean negated,
      BufferAllocator allocator) {
    super(DataType.BOOLEAN, allocator, children(value, pattern, escape));
    this.value = value;
    this.pattern = pattern;
    this.escape = escape;
    this.negated = negated;
    boolean constant = pattern instanceof ConstantNode && (escape == null || escape instanceof ConstantNode);
    this.constantPattern = constant
        ? LikePattern.compile((String) ((ConstantNode) pattern).value,
            escape == null ? null : (String) ((ConstantNode) escape).value)
        : null;
  }

  private static List<ExpressionNode> children(ExpressionNode value, ExpressionNode pattern, ExpressionNode escape) {
    List<ExpressionNode> list = new ArrayList<>(List.of(value, pattern));
    if (escape != null) {
      list.add(escape);
    }
    return list;
  }

  @Override
  FieldVector evaluate(VectorSchemaRoot batch) {
    int rows = batch.getRowCount();
    FieldVector values = null;
    FieldVector patterns = null;
    FieldVector escapes = null;
    BitVector result = null;
    try {
      values = value.evaluate(batch);
      result = (BitVector) Vectors.allocate(DataType.BOOLEAN, rows, allocator);
      ArrowBuf validity = result.getValidityBuffer();
      ArrowBuf out = result.getDataBuffer();
      ArrowBuf offsets = values.getOffsetBuffer();
      ArrowBuf data = values.getDataBuffer();
      long flip = negated ? -1L : 0L;
      if (constantPattern != null) {
        LikePattern matcher = constantPattern;
        for (int w = 0; w < Validity.wordCount(rows); w++) {
          long valid = Validity.validWord(values, w) & Validity.rowMask(w, rows);
          int base = w << 6;
          int count = Math.min(64, rows - base);
          long bits = 0;
          for (int j = 0; j < count; j++) {
            if ((valid >>> j & 1) != 0) {
              long i = base + j;
              int start = offsets.getInt(i << 2);
              int end = offsets.getInt((i + 1) << 2);
              bits |= (matcher.matches(data, start, end) ? 1L : 0L) << j;
            }
          }
          Validity.writeWord(validity, w, valid);
          Validity.writeWord(out, w, (bits ^ flip) & valid);
        }
      } else {
        patterns = pattern.evaluate(batch);
        escapes = escape == null ? null : escape.evaluate(batch);
        String lastPattern = null;
        String lastEscape = null;
        LikePattern matcher = null;
        for (int i = 0; i < rows; i++) {
          String patternText = (String) BoxedValues.read(patterns, pattern.type(), i);
          String escapeText = escapes == null ? null : (String) BoxedValues.read(escapes, escape.type(), i);
          if (values.isNull(i) || patternText == null || (escapes != null && escapeText == null)) {
            continue;
          }
          if (matcher == null || !patternText.equals(lastPattern) || !java.util.Objects.equals(escapeText, lastEscape)) {
            matcher = LikePattern.compile(patternText, escapeText);
            lastPattern = patternText;
            lastEscape = escapeText;
          }
          int start = offsets.getInt((long) i << 2);
          int end = offsets.getInt((long) (i + 1) << 2);
          result.set(i, matcher.matches(data, start, end) != negated ? 1 : 0);
        }
      }
      result.setValueCount(rows);
      BitVector done = result;
      result = null;
      return done;
    } finally {
      if (result != null) {
        result.close();
      }
      value.release(values);
      pattern.release(patterns);
      if (escape != null) {
        escape.release(escapes);
      }
    }
  }

  @Override
  public String toString() {
    return "(" + value + (negated ? " NOT LIKE " : " LIKE ") + pattern + ")";
  }
}
