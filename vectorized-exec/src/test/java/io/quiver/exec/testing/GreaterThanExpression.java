package io.quiver.exec.testing;

import io.quiver.exec.expression.VectorExpression;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** A hand-written stand-in for a compiled {@code $column > constant} over BIGINT (NULL in, NULL out). */
public final class GreaterThanExpression implements VectorExpression {

  private final int column;
  private final long constant;
  private final BufferAllocator allocator;
  private boolean closed;

  public GreaterThanExpression(int column, long constant, BufferAllocator allocator) {
    this.column = column;
    this.constant = constant;
    this.allocator = allocator;
  }

  @Override
  public FieldVector evaluate(VectorSchemaRoot batch) {
    BigIntVector input = (BigIntVector) batch.getVector(column);
    int rows = batch.getRowCount();
    BitVector result = new BitVector("gt", allocator);
    result.allocateNew(Math.max(rows, 1));
    for (int i = 0; i < rows; i++) {
      if (!input.isNull(i)) {
        result.set(i, input.get(i) > constant ? 1 : 0);
      }
    }
    result.setValueCount(rows);
    return result;
  }

  public boolean isClosed() {
    return closed;
  }

  @Override
  public void close() {
    closed = true;
  }
}
