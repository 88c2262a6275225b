package io.quiver.exec.operator.aggregate;

import io.quiver.exec.batch.ColumnWriter;
import io.quiver.exec.batch.RowCopier;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.fragment.node.AggregateCall;
import io.quiver.exec.fragment.node.SortKey;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/** PERCENTILE_CONT and PERCENTILE_DISC over the sorted buffered values of each group. */
final class PercentileAccumulator extends BufferedRowsAccumulator {

  private final boolean continuous;
  private final String name;
  private final int valueColumn;
  private final int fractionColumn;
  private double[] values;
  private double[] fractions;

  PercentileAccumulator(AggregateCall call, boolean continuous, BufferAllocator allocator) {
    super(allocator, call.arguments(), call.arguments().get(0), order(call));
    this.continuous = continuous;
    this.name = call.function().name().toLowerCase(java.util.Locale.ROOT);
    this.valueColumn = column(call.arguments().get(0));
    this.fractionColumn = call.arguments().size() > 1 ? column(call.arguments().get(1)) : -1;
  }

  /** The call's ORDER BY, or ascending on the value (MEDIAN). */
  private static List<SortKey> order(AggregateCall call) {
    return call.orderBy().isEmpty() ? List.of(new SortKey(call.arguments().get(0), true, false)) : call.orderBy();
  }

  @Override
  protected void writeGroups(FieldVector output, int from, int count) {
    if (values == null && buffer() != null) {
      int rows = buffer().getRowCount();
      values = new double[rows];
      long[] scratch = new long[rows];
      if (continuous) {
        NumericColumns.readDoubles(buffer().getVector(valueColumn), rows, values, scratch);
      }
      fractions = new double[rows];
      if (fractionColumn >= 0) {
        NumericColumns.readDoubles(buffer().getVector(fractionColumn), rows, fractions, scratch);
      } else {
        java.util.Arrays.fill(fractions, 0.5);
      }
    }
    if (continuous) {
      writeContinuous(output, from, count);
    } else {
      writeDiscrete(output, from, count);
    }
  }

  private double fraction(int start) {
    int row = sortedRow(start);
    if (fractionColumn >= 0 && buffer().getVector(fractionColumn).isNull(row)) {
      throw new QuiverException(ErrorCode.PERCENTILE_OUT_OF_RANGE, name + "'s fraction is NULL");
    }
    double fraction = fractions[row];
    if (!(fraction >= 0 && fraction <= 1)) {
      throw new QuiverException(ErrorCode.PERCENTILE_OUT_OF_RANGE,
          "percentile value " + fraction + " is not between 0 and 1");
    }
    return fraction;
  }

  private void writeContinuous(FieldVector output, int from, int count) {
    double[] results = new double[count];
    boolean[] valid = new boolean[count];
    for (int i = 0; i < count; i++) {
      int start = groupStart(from + i);
      int n = groupStart(from + i + 1) - start;
      if (n == 0) {
        continue;
      }
      double position = fraction(start) * (n - 1);
      int below = (int) Math.floor(position);
      int above = (int) Math.ceil(position);
      double low = values[sortedRow(start + below)];
      double high = values[sortedRow(start + above)];
      results[i] = below == above ? low : low + (position - below) * (high - low);
      valid[i] = true;
    }
    ColumnWriter.writeDoubles(output, results, valid, 0, count);
  }

  private void writeDiscrete(FieldVector output, int from, int count) {
    int[] picked = new int[count];
    int found = 0;
    for (int i = 0; i < count; i++) {
      int start = groupStart(from + i);
      int n = groupStart(from + i + 1) - start;
      if (n == 0) {
        if (found < i) {
          flush(output, picked, found, i);
        }
        found = i + 1;
        RowCopier.appendNulls(output, i, 1);
        continue;
      }
      int index = Math.max(0, (int) Math.ceil(fraction(start) * n) - 1);
      picked[i] = sortedRow(start + Math.min(index, n - 1));
    }
    flush(output, picked, found, count);
  }

  /** Copies the picked buffer rows of output rows {@code from..to)} into the output. */
  private void flush(FieldVector output, int[] picked, int from, int to) {
    if (to > from) {
      RowCopier.append(buffer().getVector(valueColumn), picked, from, to - from, output, from);
    }
  }
}
