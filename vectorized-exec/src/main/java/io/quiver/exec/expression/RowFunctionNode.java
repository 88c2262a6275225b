package io.quiver.exec.expression;

import io.quiver.exec.type.DataType;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A strict function evaluated row by row on Java values (NULL in any argument gives NULL). Only for
 * cold functions whose per-row work dwarfs boxing (ROUND with digits, casts through text); the hot
 * functions have kernels of their own.
 */
final class RowFunctionNode extends ExpressionNode {

  /** The function on non-null argument values (see {@link BoxedValues} for their classes). */
  @FunctionalInterface
  interface RowFunction {
    Object apply(Object[] arguments);
  }

  private final String name;
  private final RowFunction function;

  RowFunctionNode(String name, RowFunction function, List<ExpressionNode> arguments, DataType type,
      BufferAllocator allocator) {
    super(type, allocator, arguments);
    this.name = name;
    this.function = function;
  }

  @Override
  FieldVector evaluate(VectorSchemaRoot batch) {
    int rows = batch.getRowCount();
    FieldVector[] inputs = new FieldVector[children.size()];
    FieldVector result = null;
    try {
      for (int a = 0; a < inputs.length; a++) {
        inputs[a] = children.get(a).evaluate(batch);
      }
      result = Vectors.allocate(type, rows, allocator);
      Object[] arguments = new Object[inputs.length];
      rowLoop:
      for (int i = 0; i < rows; i++) {
        for (int a = 0; a < inputs.length; a++) {
          arguments[a] = BoxedValues.read(inputs[a], children.get(a).type(), i);
          if (arguments[a] == null) {
            continue rowLoop;
          }
        }
        BoxedValues.write(result, type, i, function.apply(arguments));
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

  @Override
  public String toString() {
    return name + children;
  }
}
