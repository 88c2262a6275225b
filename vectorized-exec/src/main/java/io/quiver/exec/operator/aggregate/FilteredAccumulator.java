package io.quiver.exec.operator.aggregate;

import io.quiver.exec.batch.BooleanSelection;
import io.quiver.exec.batch.RowCopier;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * An aggregate call's FILTER (WHERE ...): the wrapped accumulator sees only the rows where the
 * filter column is TRUE (not FALSE, not NULL). A batch where every row passes goes through as it
 * is; otherwise the passing rows are copied into a batch of their own.
 */
final class FilteredAccumulator implements Accumulator {

  private final Accumulator inner;
  private final int filterChannel;
  private final BufferAllocator allocator;
  private int[] selection = new int[0];
  private int[] selectedGroups = new int[0];

  FilteredAccumulator(Accumulator inner, int filterChannel, BufferAllocator allocator) {
    this.inner = inner;
    this.filterChannel = filterChannel;
    this.allocator = allocator;
  }

  @Override
  public void ensureCapacity(int groupCount) {
    inner.ensureCapacity(groupCount);
  }

  @Override
  public void add(VectorSchemaRoot batch, int[] groupIds, int rowCount) {
    if (selection.length < rowCount) {
      selection = new int[rowCount];
      selectedGroups = new int[rowCount];
    }
    int selected = BooleanSelection.select(batch.getVector(filterChannel), rowCount, selection);
    if (selected == rowCount) {
      inner.add(batch, groupIds, rowCount);
      return;
    }
    if (selected == 0) {
      return;
    }
    for (int i = 0; i < selected; i++) {
      selectedGroups[i] = groupIds[selection[i]];
    }
    try (VectorSchemaRoot rows = RowCopier.copyRows(batch, selection, 0, selected, allocator)) {
      inner.add(rows, selectedGroups, selected);
    }
  }

  @Override
  public void writeIntermediate(List<FieldVector> outputs, int from, int count) {
    inner.writeIntermediate(outputs, from, count);
  }

  @Override
  public void writeFinal(FieldVector output, int from, int count) {
    inner.writeFinal(output, from, count);
  }

  @Override
  public void close() {
    inner.close();
  }
}
