package io.quiver.exec.operator.aggregate;

import io.quiver.exec.fragment.node.AggregateCall;
import io.quiver.exec.fragment.node.SortKey;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;

/** STRING_AGG over the buffered rows of each group, joined in the call's order. */
final class StringAggAccumulator extends BufferedRowsAccumulator {

  /** LISTAGG(x) without a separator joins with a comma (DuckDB, Calcite). */
  private static final int DEFAULT_SEPARATOR = ',';

  private final int valueColumn;
  private final int separatorColumn;

  StringAggAccumulator(AggregateCall call, BufferAllocator allocator) {
    super(allocator, keptColumns(call), call.arguments().get(0), call.orderBy());
    this.valueColumn = column(call.arguments().get(0));
    this.separatorColumn = call.arguments().size() > 1 ? column(call.arguments().get(1)) : -1;
  }

  private static List<Integer> keptColumns(AggregateCall call) {
    List<Integer> columns = new ArrayList<>(call.arguments());
    for (SortKey key : call.orderBy()) {
      if (!columns.contains(key.column())) {
        columns.add(key.column());
      }
    }
    return columns;
  }

  @Override
  protected void writeGroups(FieldVector output, int from, int count) {
    VarCharVector result = (VarCharVector) output;
    result.allocateNew(Math.max(1, count) * 16L, Math.max(1, count));
    ByteArrayOutputStream joined = new ByteArrayOutputStream();
    for (int i = 0; i < count; i++) {
      int group = from + i;
      int start = groupStart(group);
      int end = groupStart(group + 1);
      if (start == end) {
        result.setNull(i);
        continue;
      }
      joined.reset();
      BaseVariableWidthVector values = (BaseVariableWidthVector) buffer().getVector(valueColumn);
      BaseVariableWidthVector separators = separatorColumn < 0 ? null
          : (BaseVariableWidthVector) buffer().getVector(separatorColumn);
      for (int index = start; index < end; index++) {
        int row = sortedRow(index);
        if (index > start && separators == null) {
          joined.write(DEFAULT_SEPARATOR);
        } else if (index > start && !separators.isNull(row)) {
          joined.writeBytes(separators.get(row));
        }
        joined.writeBytes(values.get(row));
      }
      result.setSafe(i, joined.toByteArray());
    }
    result.setValueCount(count);
  }
}
