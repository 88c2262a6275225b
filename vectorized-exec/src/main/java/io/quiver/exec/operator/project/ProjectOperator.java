package io.quiver.exec.operator.project;

import io.quiver.exec.batch.RowCopier;
import io.quiver.exec.expression.VectorExpression;
import io.quiver.exec.operator.Operator;
import io.quiver.exec.operator.OperatorState;
import io.quiver.exec.type.RowSchema;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.util.TransferPair;

/**
 * Computes one output column per projection. A projection that is a bare input column moves that
 * column's buffers to the output without copying (a second reference to the same column copies).
 */
public final class ProjectOperator implements Operator {

  /** One output column: either an input column ordinal or a compiled expression. */
  public record Projection(int inputColumn, VectorExpression expression) {
    public static Projection column(int inputColumn) {
      return new Projection(inputColumn, null);
    }

    public static Projection of(VectorExpression expression) {
      return new Projection(-1, expression);
    }
  }

  private final List<Projection> projections;
  private final List<Field> outputFields;
  private final BufferAllocator allocator;
  private VectorSchemaRoot output;
  private boolean finishing;
  private boolean closed;

  /** The operator owns the projections' expressions and closes them. */
  public ProjectOperator(List<Projection> projections, RowSchema outputSchema, BufferAllocator allocator) {
    if (projections.size() != outputSchema.size()) {
      throw new IllegalArgumentException(projections.size() + " projections for " + outputSchema.size() + " columns");
    }
    this.projections = List.copyOf(projections);
    this.outputFields = outputSchema.toArrowSchema().getFields();
    this.allocator = allocator;
  }

  @Override
  public boolean needsInput() {
    return !finishing && !closed && output == null;
  }

  @Override
  public void addInput(VectorSchemaRoot batch) {
    OperatorState.checkInputAllowed(needsInput(), this, batch);
    int rows = batch.getRowCount();
    FieldVector[] columns = new FieldVector[projections.size()];
    try {
      // Expressions first: moving input columns out empties them.
      for (int i = 0; i < columns.length; i++) {
        VectorExpression expression = projections.get(i).expression();
        if (expression != null) {
          FieldVector result = expression.evaluate(batch);
          if (isInputColumn(batch, result)) {
            // an evaluator handed back an input column itself: copy it, the input keeps its own
            FieldVector copy = outputFields.get(i).createVector(allocator);
            columns[i] = copy;
            RowCopier.append(result, null, 0, rows, copy, 0);
          } else {
            columns[i] = rename(result, outputFields.get(i));
          }
        }
      }
      boolean[] moved = new boolean[batch.getFieldVectors().size()];
      for (int i = 0; i < columns.length; i++) {
        int input = projections.get(i).inputColumn();
        if (input < 0) {
          continue;
        }
        FieldVector source = batch.getVector(input);
        if (!moved[input]) {
          columns[i] = rename(source, outputFields.get(i));
          moved[input] = true;
        } else {
          FieldVector copy = outputFields.get(i).createVector(allocator);
          columns[i] = copy;
          RowCopier.append(findMoved(columns, i, input), null, 0, rows, copy, 0);
        }
      }
      List<FieldVector> vectors = new ArrayList<>(columns.length);
      for (FieldVector column : columns) {
        vectors.add(column);
      }
      output = new VectorSchemaRoot(outputFields, vectors, rows);
    } catch (RuntimeException | Error e) {
      for (FieldVector column : columns) {
        if (column != null) {
          column.close();
        }
      }
      throw e;
    } finally {
      batch.close();
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

  private FieldVector findMoved(FieldVector[] columns, int before, int input) {
    for (int i = 0; i < before; i++) {
      if (projections.get(i).inputColumn() == input) {
        return columns[i];
      }
    }
    throw new IllegalStateException("column " + input + " was not moved");
  }

  private FieldVector rename(FieldVector vector, Field field) {
    TransferPair transfer = vector.getTransferPair(field, allocator);
    transfer.transfer();
    FieldVector moved = (FieldVector) transfer.getTo();
    if (moved != vector) {
      vector.close();
    }
    return moved;
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
    for (Projection projection : projections) {
      if (projection.expression() != null) {
        projection.expression().close();
      }
    }
  }
}
