package io.quiver.exec.expression;

import io.quiver.exec.type.DataType;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A compiled node of an expression tree. {@link #evaluate} returns a vector with one value per row
 * of the batch; unless {@link #borrowsResult()} the caller owns it and must close it. Children are
 * owned by their parent and closed with it.
 */
abstract class ExpressionNode implements AutoCloseable {

  final DataType type;
  final BufferAllocator allocator;
  final List<ExpressionNode> children;

  ExpressionNode(DataType type, BufferAllocator allocator, List<ExpressionNode> children) {
    this.type = type;
    this.allocator = allocator;
    this.children = List.copyOf(children);
  }

  DataType type() {
    return type;
  }

  abstract FieldVector evaluate(VectorSchemaRoot batch);

  /** True when the vector {@link #evaluate} returns belongs to the batch (input columns). */
  boolean borrowsResult() {
    return false;
  }

  /** Releases a vector this node returned, unless it was borrowed. */
  final void release(FieldVector vector) {
    if (vector != null && !borrowsResult()) {
      vector.close();
    }
  }

  @Override
  public void close() {
    Vectors.closeAll(children);
  }
}
