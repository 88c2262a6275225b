package io.quiver.exec.operator.setop;

import io.quiver.exec.batch.ColumnReader;
import io.quiver.exec.batch.RowCopier;
import io.quiver.exec.fragment.node.ReplicateNode;
import io.quiver.exec.operator.Operator;
import io.quiver.exec.operator.OperatorState;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Repeats each input row by its count column ({@link ReplicateNode}), at most {@code batchSize}
 * output rows per call, so that a row counted a million times still leaves in bounded batches.
 */
public final class ReplicateOperator implements Operator {

  private final int countColumn;
  private final List<Integer> outputColumns;
  private final Schema schema;
  private final BufferAllocator allocator;
  private final int batchSize;
  private VectorSchemaRoot pending;
  private long[] counts = new long[0];
  private boolean[] valid = new boolean[0];
  private int[] positions;
  private int row;
  private long emittedOfRow;
  private boolean finishing;
  private boolean closed;

  public ReplicateOperator(ReplicateNode node, BufferAllocator allocator, int batchSize) {
    this.countColumn = node.countColumn();
    this.outputColumns = node.outputColumns();
    this.schema = node.outputSchema().toArrowSchema();
    this.allocator = allocator;
    this.batchSize = Math.max(1, batchSize);
    this.positions = new int[this.batchSize];
  }

  @Override
  public boolean needsInput() {
    return pending == null && !finishing && !closed;
  }

  @Override
  public void addInput(VectorSchemaRoot batch) {
    OperatorState.checkInputAllowed(needsInput(), this, batch);
    int rows = batch.getRowCount();
    if (rows == 0) {
      batch.close();
      return;
    }
    if (counts.length < rows) {
      counts = new long[rows];
      valid = new boolean[rows];
    }
    FieldVector count = batch.getVector(countColumn);
    ColumnReader.readLongs(count, rows, counts);
    ColumnReader.readValidity(count, rows, valid);
    pending = batch;
    row = 0;
    emittedOfRow = 0;
  }

  @Override
  public VectorSchemaRoot getOutput() {
    if (pending == null || closed) {
      return null;
    }
    int rows = pending.getRowCount();
    int filled = 0;
    while (filled < batchSize && row < rows) {
      long copies = valid[row] ? counts[row] : 0;
      if (emittedOfRow >= copies) {
        row++;
        emittedOfRow = 0;
        continue;
      }
      int take = (int) Math.min(batchSize - filled, copies - emittedOfRow);
      java.util.Arrays.fill(positions, filled, filled + take, row);
      filled += take;
      emittedOfRow += take;
    }
    VectorSchemaRoot output = null;
    if (filled > 0) {
      output = VectorSchemaRoot.create(schema, allocator);
      try {
        for (int i = 0; i < outputColumns.size(); i++) {
          RowCopier.append(pending.getVector(outputColumns.get(i)), positions, 0, filled, output.getVector(i), 0);
        }
        output.setRowCount(filled);
      } catch (RuntimeException | Error e) {
        output.close();
        throw e;
      }
    }
    if (row >= rows) {
      pending.close();
      pending = null;
    }
    return output;
  }

  @Override
  public void finish() {
    finishing = true;
  }

  @Override
  public boolean isFinished() {
    return closed || (finishing && pending == null);
  }

  @Override
  public void close() {
    closed = true;
    if (pending != null) {
      pending.close();
      pending = null;
    }
  }
}
