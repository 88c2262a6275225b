package io.quiver.exec.operator.aggregate;

import io.quiver.exec.batch.ColumnReader;
import io.quiver.exec.batch.ColumnWriter;
import io.quiver.exec.fragment.node.AggregateFunction;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Per group: count, means of y and x, the co-moment C = sum((y - mean_y)(x - mean_x)) and the M2
 * sums of y and x, updated per row pair as Welford does and merged as Chan et al. do (see
 * {@link VarianceAccumulator}).
 */
final class CovarianceAccumulator extends ChargedState {

  private static final int STATE_COLUMNS = 5;

  private final List<Integer> channels;
  private final boolean merge;
  private final AggregateFunction function;
  private double[] meanY = new double[0];
  private double[] meanX = new double[0];
  private double[] comoment = new double[0];
  private double[] m2y = new double[0];
  private double[] m2x = new double[0];
  private double[][] rows = new double[STATE_COLUMNS][0];
  private long[] partialCounts = new long[0];
  private boolean[] validY = new boolean[0];
  private boolean[] validX = new boolean[0];

  /** @param channels y and x; for the FINAL step the six intermediate columns */
  CovarianceAccumulator(List<Integer> channels, boolean merge, AggregateFunction function, BufferAllocator allocator) {
    super(allocator, function.name().toLowerCase(java.util.Locale.ROOT), STATE_COLUMNS * Double.BYTES);
    this.channels = channels;
    this.merge = merge;
    this.function = function;
  }

  @Override
  protected void grow(int capacity) {
    meanY = Arrays.copyOf(meanY, capacity);
    meanX = Arrays.copyOf(meanX, capacity);
    comoment = Arrays.copyOf(comoment, capacity);
    m2y = Arrays.copyOf(m2y, capacity);
    m2x = Arrays.copyOf(m2x, capacity);
  }

  private void ensureScratch(int rowCount) {
    if (partialCounts.length < rowCount) {
      rows = new double[STATE_COLUMNS][rowCount];
      partialCounts = new long[rowCount];
      validY = new boolean[rowCount];
      validX = new boolean[rowCount];
    }
  }

  @Override
  public void add(VectorSchemaRoot batch, int[] groupIds, int rowCount) {
    ensureScratch(rowCount);
    if (merge) {
      addPartials(batch, groupIds, rowCount);
      return;
    }
    FieldVector y = batch.getVector(channels.get(0));
    FieldVector x = batch.getVector(channels.get(1));
    if (y instanceof NullVector || x instanceof NullVector) {
      return;
    }
    double[] ys = rows[0];
    double[] xs = rows[1];
    NumericColumns.readDoubles(y, rowCount, ys, partialCounts);
    NumericColumns.readDoubles(x, rowCount, xs, partialCounts);
    ColumnReader.readValidity(y, rowCount, validY);
    ColumnReader.readValidity(x, rowCount, validX);
    for (int i = 0; i < rowCount; i++) {
      if (!validY[i] || !validX[i]) {
        continue;
      }
      int g = groupIds[i];
      long n = ++counts[g];
      double dy = ys[i] - meanY[g];
      double dx = xs[i] - meanX[g];
      meanY[g] += dy / n;
      meanX[g] += dx / n;
      comoment[g] += dx * (ys[i] - meanY[g]);
      m2y[g] += dy * (ys[i] - meanY[g]);
      m2x[g] += dx * (xs[i] - meanX[g]);
    }
  }

  private void addPartials(VectorSchemaRoot batch, int[] groupIds, int rowCount) {
    ColumnReader.readLongs(batch.getVector(channels.get(0)), rowCount, partialCounts);
    for (int c = 0; c < STATE_COLUMNS; c++) {
      ColumnReader.readDoubles(batch.getVector(channels.get(c + 1)), rowCount, rows[c]);
    }
    for (int i = 0; i < rowCount; i++) {
      long nb = partialCounts[i];
      if (nb == 0) {
        continue;
      }
      int g = groupIds[i];
      long na = counts[g];
      long n = na + nb;
      double dy = rows[0][i] - meanY[g];
      double dx = rows[1][i] - meanX[g];
      double weight = (double) na * nb / n;
      meanY[g] += dy * nb / n;
      meanX[g] += dx * nb / n;
      comoment[g] += rows[2][i] + dx * dy * weight;
      m2y[g] += rows[3][i] + dy * dy * weight;
      m2x[g] += rows[4][i] + dx * dx * weight;
      counts[g] = n;
    }
  }

  @Override
  public void writeIntermediate(List<FieldVector> outputs, int from, int count) {
    boolean[] has = hasValue(from, count);
    ColumnWriter.writeLongs(outputs.get(0), counts, null, from, count);
    ColumnWriter.writeDoubles(outputs.get(1), meanY, has, from, count);
    ColumnWriter.writeDoubles(outputs.get(2), meanX, has, from, count);
    ColumnWriter.writeDoubles(outputs.get(3), comoment, has, from, count);
    ColumnWriter.writeDoubles(outputs.get(4), m2y, has, from, count);
    ColumnWriter.writeDoubles(outputs.get(5), m2x, has, from, count);
  }

  @Override
  public void writeFinal(FieldVector output, int from, int count) {
    double[] results = doubleScratch();
    boolean[] has = hasValue(from, count);
    for (int i = from; i < from + count; i++) {
      long n = counts[i];
      switch (function) {
        case COVAR_POP:
          has[i] = n > 0;
          results[i] = n > 0 ? comoment[i] / n : 0;
          break;
        case COVAR_SAMP:
          has[i] = n > 1;
          results[i] = n > 1 ? comoment[i] / (n - 1) : 0;
          break;
        default:
          double spread = Math.sqrt(Math.max(0, m2y[i])) * Math.sqrt(Math.max(0, m2x[i]));
          has[i] = n > 0 && spread > 0;
          results[i] = has[i] ? Math.max(-1, Math.min(1, comoment[i] / spread)) : 0;
      }
    }
    ColumnWriter.writeDoubles(output, results, has, from, count);
  }
}
