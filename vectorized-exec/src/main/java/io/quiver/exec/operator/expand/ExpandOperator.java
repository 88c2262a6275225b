package io.quiver.exec.operator.expand;

import io.quiver.exec.batch.Batches;
import io.quiver.exec.batch.RowCopier;
import io.quiver.exec.fragment.node.ExpandNode;
import io.quiver.exec.operator.Operator;
import io.quiver.exec.operator.OperatorState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.arrow.vector.util.TransferPair;

/**
 * Emits each input batch once per grouping set ({@link ExpandNode}): one output batch per call. The
 * input columns and the key columns a set keeps share the input's buffers (no copy); the key
 * columns it nulls are all-NULL vectors; the grouping id is a constant column. The input batch is released after its last set.
 */
public final class ExpandOperator implements Operator {

  private final List<Set<Integer>> nulled = new ArrayList<>();
  private final List<Integer> groupColumns;
  private final long[] groupingIds;
  private final List<Field> fields;
  private final BufferAllocator allocator;
  private VectorSchemaRoot pending;
  private int nextSet;
  private boolean finishing;
  private boolean closed;

  public ExpandOperator(ExpandNode node, BufferAllocator allocator) {
    this.allocator = allocator;
    this.groupColumns = node.groupColumns();
    this.groupingIds = new long[node.sets().size()];
    for (int i = 0; i < node.sets().size(); i++) {
      nulled.add(new HashSet<>(node.sets().get(i).nulledColumns()));
      groupingIds[i] = node.sets().get(i).groupingId();
    }
    Schema schema = node.outputSchema().toArrowSchema();
    this.fields = schema.getFields();
  }

  @Override
  public boolean needsInput() {
    return pending == null && !finishing && !closed;
  }

  @Override
  public void addInput(VectorSchemaRoot batch) {
    OperatorState.checkInputAllowed(needsInput(), this, batch);
    if (batch.getRowCount() == 0) {
      batch.close();
      return;
    }
    pending = batch;
    nextSet = 0;
  }

  @Override
  public VectorSchemaRoot getOutput() {
    if (pending == null || closed) {
      return null;
    }
    int rows = pending.getRowCount();
    int set = nextSet++;
    List<FieldVector> vectors = new ArrayList<>(fields.size());
    try {
      int inputColumns = pending.getFieldVectors().size();
      for (int column = 0; column < inputColumns; column++) {
        vectors.add(share(column, fields.get(column), rows));
      }
      for (int key = 0; key < groupColumns.size(); key++) {
        Field field = fields.get(inputColumns + key);
        int column = groupColumns.get(key);
        if (nulled.get(set).contains(column)) {
          FieldVector nulls = field.createVector(allocator);
          vectors.add(nulls);
          RowCopier.appendNulls(nulls, 0, rows);
        } else {
          vectors.add(share(column, field, rows));
        }
      }
      BigIntVector id = (BigIntVector) fields.get(fields.size() - 1).createVector(allocator);
      vectors.add(id);
      id.allocateNew(rows);
      for (int i = 0; i < rows; i++) {
        id.set(i, groupingIds[set]);
      }
      id.setValueCount(rows);
    } catch (RuntimeException | Error e) {
      vectors.forEach(FieldVector::close);
      throw e;
    }
    if (nextSet == groupingIds.length) {
      pending.close();
      pending = null;
    }
    return new VectorSchemaRoot(fields, vectors, rows);
  }

  /** A vector sharing the buffers of the pending batch's {@code column} (no copy). */
  private FieldVector share(int column, Field field, int rows) {
    FieldVector source = pending.getVector(column);
    Batches.prepareTransfer(source);
    TransferPair share = source.getTransferPair(field, allocator);
    share.splitAndTransfer(0, rows);
    return (FieldVector) share.getTo();
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
