package io.quiver.exec.expression;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.fragment.expression.Expression;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.util.TransferPair;

/**
 * The {@link VectorExpression} the compiler returns: the root of a node tree. An expression that is
 * just an input column returns a zero-copy share of the column's buffers, so the caller owns its
 * result like every other. Not thread-safe: one task evaluates it at a time.
 */
final class CompiledExpression implements VectorExpression {

  private final Expression source;
  private final ExpressionNode root;
  private final BufferAllocator allocator;
  private boolean closed;

  CompiledExpression(Expression source, ExpressionNode root, BufferAllocator allocator) {
    this.source = source;
    this.root = root;
    this.allocator = allocator;
  }

  @Override
  public FieldVector evaluate(VectorSchemaRoot batch) {
    if (closed) {
      throw new QuiverException(ErrorCode.INTERNAL_ERROR, "Expression " + source + " is closed");
    }
    if (batch == null) {
      throw new QuiverException(ErrorCode.INTERNAL_ERROR, "Expression " + source + " evaluated without a batch");
    }
    FieldVector result = root.evaluate(batch);
    if (!root.borrowsResult()) {
      return result;
    }
    int rows = batch.getRowCount();
    TransferPair pair = result.getTransferPair(allocator);
    // A NullVector (SQL type NULL) has no allocator and no buffers: it always transfers.
    if (result.getAllocator() == null || result.getAllocator().getRoot() == allocator.getRoot()) {
      pair.splitAndTransfer(0, rows);
      return (FieldVector) pair.getTo();
    }
    // Buffers cannot change hands between allocator trees: copy instead.
    FieldVector copy = (FieldVector) pair.getTo();
    try {
      copy.allocateNew();
      for (int i = 0; i < rows; i++) {
        pair.copyValueSafe(i, i);
      }
      copy.setValueCount(rows);
      return copy;
    } catch (RuntimeException e) {
      copy.close();
      throw e;
    }
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      root.close();
    }
  }

  @Override
  public String toString() {
    return root.toString();
  }
}
