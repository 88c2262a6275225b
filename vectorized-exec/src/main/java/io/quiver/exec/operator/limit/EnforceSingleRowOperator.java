package io.quiver.exec.operator.limit;

import io.quiver.exec.batch.Batches;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.operator.Operator;
import io.quiver.exec.operator.OperatorState;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A scalar subquery's value (SQL's cardinality rule): passes its input's one row; emits one row of
 * NULLs when the input had none; fails with CARDINALITY_VIOLATION (21000) at a second row. It holds
 * at most one one-row batch.
 */
public final class EnforceSingleRowOperator implements Operator {

  private final Schema schema;
  private final BufferAllocator allocator;
  private VectorSchemaRoot row;
  private boolean finishing;
  private boolean emitted;
  private boolean closed;

  public EnforceSingleRowOperator(Schema schema, BufferAllocator allocator) {
    this.schema = schema;
    this.allocator = allocator;
  }

  @Override
  public boolean needsInput() {
    return !finishing && !closed;
  }

  @Override
  public void addInput(VectorSchemaRoot batch) {
    OperatorState.checkInputAllowed(needsInput(), this, batch);
    try (batch) {
      int rows = batch.getRowCount();
      if (rows == 0) {
        return;
      }
      if (row != null || rows > 1) {
        throw new QuiverException(ErrorCode.CARDINALITY_VIOLATION,
            "more than one row returned by a subquery used as an expression");
      }
      row = Batches.slice(batch, 0, 1, allocator);
    }
  }

  @Override
  public VectorSchemaRoot getOutput() {
    if (!finishing || emitted || closed) {
      return null;
    }
    emitted = true;
    VectorSchemaRoot output = row;
    row = null;
    if (output == null) {
      output = VectorSchemaRoot.create(schema, allocator);
      for (FieldVector vector : output.getFieldVectors()) {
        vector.allocateNew();
        vector.setNull(0);
        vector.setValueCount(1);
      }
      output.setRowCount(1);
    }
    return output;
  }

  @Override
  public void finish() {
    finishing = true;
  }

  @Override
  public boolean isFinished() {
    return closed || finishing && emitted;
  }

  @Override
  public void close() {
    closed = true;
    if (row != null) {
      row.close();
      row = null;
    }
  }
}
