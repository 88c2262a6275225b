package io.quiver.exec.operator.filter;

import io.quiver.exec.batch.BooleanSelection;
import io.quiver.exec.batch.RowCopier;
import io.quiver.exec.expression.VectorExpression;
import io.quiver.exec.operator.Operator;
import io.quiver.exec.operator.OperatorState;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
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
    if (selection.length < rows) {
      selection = new int[rows];
    }
    return BooleanSelection.select(result, rows, selection);
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
