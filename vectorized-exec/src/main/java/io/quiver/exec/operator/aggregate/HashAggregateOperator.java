package io.quiver.exec.operator.aggregate;

import io.quiver.exec.batch.Batches;
import io.quiver.exec.batch.RowCopier;
import io.quiver.exec.fragment.node.AggregateCall;
import io.quiver.exec.fragment.node.AggregateNode;
import io.quiver.exec.fragment.node.AggregateStep;
import io.quiver.exec.operator.Operator;
import io.quiver.exec.operator.OperatorState;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Hash aggregation (PARTIAL, FINAL or SINGLE, see {@link AggregateNode}): consumes all input,
 * assigning each row a group id through a {@link GroupByHash} and feeding the accumulators; after
 * {@link #finish} it emits the groups in batches of at most {@code batchSize} rows. Without group
 * keys there is exactly one group, so even empty input gives one row.
 */
public final class HashAggregateOperator implements Operator {

  private final AggregateNode node;
  private final BufferAllocator allocator;
  private final int batchSize;
  private final List<Integer> keyColumns;
  private final List<Accumulator> accumulators = new ArrayList<>();
  private final int[] intermediateWidths;
  private GroupByHash groupByHash;
  private int[] groupIds = new int[0];
  private boolean finishing;
  private boolean closed;
  private int nextGroup;

  public HashAggregateOperator(AggregateNode node, BufferAllocator allocator, int batchSize) {
    this.node = node;
    this.allocator = allocator;
    this.batchSize = Math.max(1, batchSize);
    this.keyColumns = node.groupKeys();
    intermediateWidths = new int[node.aggregates().size()];
    for (int i = 0; i < node.aggregates().size(); i++) {
      AggregateCall call = node.aggregates().get(i);
      try {
        accumulators.add(AggregateDefinitions.accumulator(call, node.step(), allocator));
      } catch (RuntimeException | Error e) {
        close();
        throw e;
      }
      intermediateWidths[i] = node.step() == AggregateStep.PARTIAL
          ? call.function().intermediateTypes(call.argumentType(), call.resultType()).size() : 1;
    }
    int expectedColumns = keyColumns.size() + (node.step() == AggregateStep.PARTIAL
        ? java.util.Arrays.stream(intermediateWidths).sum() : node.aggregates().size());
    if (node.outputSchema().size() != expectedColumns) {
      throw new IllegalArgumentException("aggregate output schema has " + node.outputSchema().size()
          + " columns, expected " + expectedColumns);
    }
    if (keyColumns.isEmpty()) {
      accumulators.forEach(accumulator -> accumulator.ensureCapacity(1));
    }
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
      if (groupIds.length < rows) {
        groupIds = new int[Math.max(rows, batchSize)];
      }
      int groups;
      if (keyColumns.isEmpty()) {
        java.util.Arrays.fill(groupIds, 0, rows, 0);
        groups = 1;
      } else {
        List<FieldVector> keys = new ArrayList<>(keyColumns.size());
        for (int column : keyColumns) {
          keys.add(batch.getVector(column));
        }
        if (groupByHash == null) {
          groupByHash = GroupByHash.create(keys);
        }
        groupByHash.groupIds(keys, rows, groupIds);
        groups = groupByHash.groupCount();
      }
      for (Accumulator accumulator : accumulators) {
        accumulator.ensureCapacity(groups);
        accumulator.add(batch, groupIds, rows);
      }
    }
  }

  private int groupCount() {
    if (keyColumns.isEmpty()) {
      return 1;
    }
    return groupByHash == null ? 0 : groupByHash.groupCount();
  }

  @Override
  public VectorSchemaRoot getOutput() {
    if (!finishing || closed || nextGroup >= groupCount()) {
      return null;
    }
    int count = Math.min(batchSize, groupCount() - nextGroup);
    VectorSchemaRoot output = Batches.create(node.outputSchema(), allocator);
    try {
      int column = 0;
      for (int key = 0; key < keyColumns.size(); key++) {
        groupByHash.writeKey(key, nextGroup, count, output.getVector(column++));
      }
      for (int i = 0; i < accumulators.size(); i++) {
        Accumulator accumulator = accumulators.get(i);
        accumulator.ensureCapacity(groupCount());
        if (node.step() == AggregateStep.PARTIAL) {
          accumulator.writeIntermediate(output.getFieldVectors().subList(column, column + intermediateWidths[i]),
              nextGroup, count);
          column += intermediateWidths[i];
        } else {
          accumulator.writeFinal(output.getVector(column++), nextGroup, count);
        }
      }
      output.setRowCount(count);
    } catch (RuntimeException | Error e) {
      output.close();
      throw e;
    }
    nextGroup += count;
    return output;
  }

  @Override
  public void finish() {
    if (!finishing && node.emptyGroupingSetId() != null) {
      addEmptyGroupingSet(node.emptyGroupingSetId());
    }
    finishing = true;
  }

  /**
   * The group of the empty grouping set (every key NULL but the grouping id, the last key) exists
   * even when no row reached it: SQL gives the empty grouping set one row over empty input.
   */
  private void addEmptyGroupingSet(long groupingId) {
    try (VectorSchemaRoot row = Batches.create(node.input().outputSchema(), allocator)) {
      for (FieldVector vector : row.getFieldVectors()) {
        RowCopier.appendNulls(vector, 0, 1);
      }
      FieldVector id = row.getVector(keyColumns.get(keyColumns.size() - 1));
      ((org.apache.arrow.vector.BigIntVector) id).setSafe(0, groupingId);
      row.setRowCount(1);
      List<FieldVector> keys = new ArrayList<>(keyColumns.size());
      for (int column : keyColumns) {
        keys.add(row.getVector(column));
      }
      if (groupByHash == null) {
        groupByHash = GroupByHash.create(keys);
      }
      groupByHash.groupIds(keys, 1, new int[1]);
    }
  }

  @Override
  public boolean isFinished() {
    return closed || (finishing && nextGroup >= groupCount());
  }

  @Override
  public void close() {
    closed = true;
    groupByHash = null;
    for (Accumulator accumulator : accumulators) {
      accumulator.close();
    }
    accumulators.clear();
  }
}
