package io.quiver.exec.expression;

import io.quiver.exec.fragment.expression.ScalarFunction;
import io.quiver.exec.type.DataType;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * AND, OR, NOT, IS [NOT] NULL, IS [NOT] TRUE, IS [NOT] FALSE with SQL's three-valued logic, computed
 * 64 rows at a time on the validity and value bitmaps.
 */
final class LogicNode extends ExpressionNode {

  private final ScalarFunction function;

  LogicNode(ScalarFunction function, List<ExpressionNode> arguments, BufferAllocator allocator) {
    super(DataType.BOOLEAN, allocator, arguments);
    this.function = function;
  }

  @Override
  FieldVector evaluate(VectorSchemaRoot batch) {
    int rows = batch.getRowCount();
    FieldVector[] inputs = new FieldVector[children.size()];
    try {
      for (int i = 0; i < inputs.length; i++) {
        inputs[i] = children.get(i).evaluate(batch);
      }
      switch (function) {
        case AND:
          return andOr(inputs, rows, true, allocator);
        case OR:
          return andOr(inputs, rows, false, allocator);
        default:
          return unary(function, inputs[0], rows, allocator);
      }
    } finally {
      for (int i = 0; i < inputs.length; i++) {
        children.get(i).release(inputs[i]);
      }
    }
  }

  /** Three-valued AND ({@code and == true}) or OR of boolean vectors. */
  static BitVector andOr(FieldVector[] inputs, int rows, boolean and, BufferAllocator allocator) {
    BitVector result = (BitVector) Vectors.allocate(DataType.BOOLEAN, rows, allocator);
    ArrowBuf validity = result.getValidityBuffer();
    ArrowBuf values = result.getDataBuffer();
    int words = Validity.wordCount(rows);
    for (int w = 0; w < words; w++) {
      // For AND: "all" = every input TRUE, "any" = some input FALSE. OR swaps TRUE and FALSE.
      long all = -1L;
      long any = 0L;
      for (FieldVector input : inputs) {
        long valid = Validity.validWord(input, w);
        long value = Validity.valueWord(input, w);
        long decisive = and ? valid & ~value : valid & value;
        long neutral = and ? valid & value : valid & ~value;
        all &= neutral;
        any |= decisive;
      }
      long mask = Validity.rowMask(w, rows);
      Validity.writeWord(validity, w, (all | any) & mask);
      Validity.writeWord(values, w, (and ? all & ~any : any) & mask);
    }
    result.setValueCount(rows);
    return result;
  }

  static BitVector unary(ScalarFunction function, FieldVector input, int rows, BufferAllocator allocator) {
    BitVector result = (BitVector) Vectors.allocate(DataType.BOOLEAN, rows, allocator);
    ArrowBuf validity = result.getValidityBuffer();
    ArrowBuf values = result.getDataBuffer();
    boolean isBoolean = input instanceof BitVector;
    int words = Validity.wordCount(rows);
    for (int w = 0; w < words; w++) {
      long mask = Validity.rowMask(w, rows);
      long valid = Validity.validWord(input, w);
      long value = isBoolean ? Validity.valueWord(input, w) : 0L;
      long isTrue = valid & value;
      long isFalse = valid & ~value;
      long outValid = mask;
      long outValue;
      switch (function) {
        case NOT:
          outValid = valid;
          outValue = ~value & valid;
          break;
        case IS_NULL:
          outValue = ~valid;
          break;
        case IS_NOT_NULL:
          outValue = valid;
          break;
        case IS_TRUE:
          outValue = isTrue;
          break;
        case IS_NOT_TRUE:
          outValue = ~isTrue;
          break;
        case IS_FALSE:
          outValue = isFalse;
          break;
        case IS_NOT_FALSE:
          outValue = ~isFalse;
          break;
        default:
          throw new IllegalStateException("not a logic function: " + function);
      }
      Validity.writeWord(validity, w, outValid & mask);
      Validity.writeWord(values, w, outValue & mask);
    }
    result.setValueCount(rows);
    return result;
  }

  @Override
  public String toString() {
    return function + children.toString();
  }
}
