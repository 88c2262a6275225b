package io.quiver.exec.operator.filter;

import io.quiver.exec.batch.RowCopier;
import io.quiver.exec.expression.VectorExpression;
import io.quiver.exec.operator.Operator;
import io.quiver.exec.operator.OperatorState;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Keeps the rows whose condition is TRUE (not FALSE, not NULL). A batch whose rows all pass is
 * handed on as is; otherwise the selected rows are copied into a compact new batch.
 */
public final class FilterOperator implements Operator {

  private final VectorExpression condition;
  private final BufferAllocator allocator;
  private int[] selection = new int[0];
  private VectorSchemaRoot output;
  private boolean finishing;
  private boolean closed;

  /** @param condition a BOOLEAN expression; the operator owns it and closes it */
  public FilterOperator(VectorExpression condition, BufferAllocator allocator) {
    this.condition = condition;
    this.allocator = allocator;
  }

  @Override
  public boolean needsInput() {
    return !finishing && !closed && output == null;
  }

  @Override
  public void addInput(VectorSchemaRoot batch) {
    OperatorState.checkInputAllowed(needsInput(), this, batch);
    try {
      int rows = batch.getRowCount();
      if (rows == 0) {
        return;
      }
      int selected;
      FieldVector result = condition.evaluate(batch);
      try {
        selected = select(result, rows);
      } finally {
        // an evaluator may hand back an input column itself; that one stays with the batch
        if (!isInputColumn(batch, result)) {
          result.close();
        }
      }
      if (selected == rows) {
        output = batch;
        batch = null;
      } else if (selected > 0) {
        output = RowCopier.copyRows(batch, selection, 0, selected, allocator);
      }
    } finally {
      if (batch != null) {
        batch.close();
      }
    }
  }

  private static boolean isInputColumn(VectorSchemaRoot batch, FieldVector vector) {
    for (FieldVector column : batch.getFieldVectors()) {
      if (column == vector) {
        return true;
      }
    }
    return false;
  }

  private int select(FieldVector result, int rows) {
    if (result instanceof NullVector) {
      return 0;
    }
    if (!(result instanceof BitVector)) {
      throw new IllegalStateException("filter condition produced " + result.getField().getType() + ", not BOOLEAN");
    }
    if (selection.length < rows) {
      selection = new int[rows];
    }
    ArrowBuf data = result.getDataBuffer();
    int count = 0;
    if (result.getNullCount() == 0) {
      for (int i = 0; i < rows; i++) {
        selection[count] = i;
        count += (data.getByte(i >>> 3) >> (i & 7)) & 1;
      }
    } else {
      ArrowBuf validity = result.getValidityBuffer();
      for (int i = 0; i < rows; i++) {
        selection[count] = i;
        count += (data.getByte(i >>> 3) >> (i & 7)) & (validity.getByte(i >>> 3) >> (i & 7)) & 1;
      }
    }
    return count;
  }

  @Override
  public VectorSchemaRoot getOutput() {
    VectorSchemaRoot batch = output;
    output = null;
    return batch;
  }

  @Override
  public void finish() {
    finishing = true;
  }

  @Override
  public boolean isFinished() {
    return (finishing || closed) && output == null;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (output != null) {
      output.close();
      output = null;
    }
    condition.close();
  }

}
