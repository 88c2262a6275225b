package io.quiver.exec.operator.aggregate;

import io.quiver.exec.batch.ColumnReader;
import io.quiver.exec.batch.ColumnWriter;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Per group: the count, the mean and M2 (the sum of squared deviations from the mean). A raw value
 * x updates them as Welford does ({@code delta = x - mean; mean += delta / n; m2 += delta * (x -
 * mean)}); a partial state (n_b, mean_b, m2_b) merges as Chan et al. do ({@code delta = mean_b -
 * mean_a; mean = mean_a + delta * n_b / n; m2 = m2_a + m2_b + delta^2 * n_a * n_b / n}), so that no
 * large sums of squares cancel.
 */
final class VarianceAccumulator extends ChargedState {

  private final List<Integer> channels;
  private final boolean merge;
  private final boolean sample;
  private final boolean root;
  private double[] means = new double[0];
  private double[] m2s = new double[0];
  private double[] values = new double[0];
  private double[] partialMeans = new double[0];
  private double[] partialM2s = new double[0];
  private long[] partialCounts = new long[0];
  private boolean[] valid = new boolean[0];

  /**
   * @param channels the argument column; for the FINAL step the count, mean and M2 columns
   * @param sample divide by n - 1 (VAR_SAMP, STDDEV_SAMP) rather than n
   * @param root take the square root (STDDEV_*)
   */
  VarianceAccumulator(List<Integer> channels, boolean merge, boolean sample, boolean root, BufferAllocator allocator,
      String name) {
    super(allocator, name, 2 * Double.BYTES);
    this.channels = channels;
    this.merge = merge;
    this.sample = sample;
    this.root = root;
  }

  @Override
  protected void grow(int capacity) {
    means = Arrays.copyOf(means, capacity);
    m2s = Arrays.copyOf(m2s, capacity);
  }

  private void ensureScratch(int rowCount) {
    if (values.length < rowCount) {
      values = new double[rowCount];
      partialMeans = new double[rowCount];
      partialM2s = new double[rowCount];
      partialCounts = new long[rowCount];
      valid = new boolean[rowCount];
    }
  }

  @Override
  public void add(VectorSchemaRoot batch, int[] groupIds, int rowCount) {
    ensureScratch(rowCount);
    if (merge) {
      addPartials(batch, groupIds, rowCount);
      return;
    }
    FieldVector vector = batch.getVector(channels.get(0));
    if (vector instanceof NullVector) {
      return;
    }
    NumericColumns.readDoubles(vector, rowCount, values, partialCounts);
    ColumnReader.readValidity(vector, rowCount, valid);
    for (int i = 0; i < rowCount; i++) {
      if (valid[i]) {
        int group = groupIds[i];
        double x = values[i];
        long n = ++counts[group];
        double delta = x - means[group];
        means[group] += delta / n;
        m2s[group] += delta * (x - means[group]);
      }
    }
  }

  private void addPartials(VectorSchemaRoot batch, int[] groupIds, int rowCount) {
    ColumnReader.readLongs(batch.getVector(channels.get(0)), rowCount, partialCounts);
    FieldVector meanVector = batch.getVector(channels.get(1));
    ColumnReader.readDoubles(meanVector, rowCount, partialMeans);
    ColumnReader.readDoubles(batch.getVector(channels.get(2)), rowCount, partialM2s);
    for (int i = 0; i < rowCount; i++) {
      long nb = partialCounts[i];
      if (nb == 0) {
        continue;
      }
      int group = groupIds[i];
      long na = counts[group];
      long n = na + nb;
      double delta = partialMeans[i] - means[group];
      means[group] += delta * nb / n;
      m2s[group] += partialM2s[i] + delta * delta * ((double) na * nb / n);
      counts[group] = n;
    }
  }

  @Override
  public void writeIntermediate(List<FieldVector> outputs, int from, int count) {
    boolean[] has = hasValue(from, count);
    ColumnWriter.writeLongs(outputs.get(0), counts, null, from, count);
    ColumnWriter.writeDoubles(outputs.get(1), means, has, from, count);
    ColumnWriter.writeDoubles(outputs.get(2), m2s, has, from, count);
  }

  @Override
  public void writeFinal(FieldVector output, int from, int count) {
    double[] results = doubleScratch();
    boolean[] has = hasValue(from, count);
    for (int i = from; i < from + count; i++) {
      long n = counts[i];
      if (n == 0 || (sample && n == 1)) {
        has[i] = false;
        continue;
      }
      double variance = Math.max(0, m2s[i]) / (sample ? n - 1 : n);
      results[i] = root ? Math.sqrt(variance) : variance;
    }
    ColumnWriter.writeDoubles(output, results, has, from, count);
  }
}
