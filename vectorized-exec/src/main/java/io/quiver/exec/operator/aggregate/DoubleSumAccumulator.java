package io.quiver.exec.operator.aggregate;

import io.quiver.exec.batch.ColumnReader;
import io.quiver.exec.batch.ColumnWriter;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * sum and avg over REAL and DOUBLE: a DOUBLE running sum and the count of values per group.
 * Intermediate columns: sum (DOUBLE) for SUM; sum and count (BIGINT) for AVG.
 */
final class DoubleSumAccumulator extends GroupedState {

  private final boolean average;
  private final int channel;
  private final int countChannel;
  private double[] sums = new double[0];
  private double[] values = new double[0];
  private long[] partialCounts = new long[0];

  DoubleSumAccumulator(boolean average, int channel, int countChannel) {
    this.average = average;
    this.channel = channel;
    this.countChannel = countChannel;
  }

  @Override
  protected void grow(int capacity) {
    sums = Arrays.copyOf(sums, capacity);
  }

  @Override
  public void add(VectorSchemaRoot batch, int[] groupIds, int rowCount) {
    FieldVector vector = batch.getVector(channel);
    if (vector instanceof NullVector) {
      return;
    }
    if (values.length < rowCount) {
      values = new double[rowCount];
      partialCounts = new long[rowCount];
    }
    ColumnReader.readDoubles(vector, rowCount, values);
    if (countChannel >= 0) {
      ColumnReader.readLongs(batch.getVector(countChannel), rowCount, partialCounts);
    }
    boolean nulls = vector.getNullCount() > 0;
    ArrowBuf validity = vector.getValidityBuffer();
    for (int i = 0; i < rowCount; i++) {
      if (!nulls || ColumnReader.isValid(validity, i)) {
        int group = groupIds[i];
        sums[group] += values[i];
        counts[group] += countChannel >= 0 ? partialCounts[i] : 1;
      }
    }
  }

  @Override
  public void writeIntermediate(List<FieldVector> outputs, int from, int count) {
    ColumnWriter.writeDoubles(outputs.get(0), sums, hasValue(from, count), from, count);
    if (average) {
      ColumnWriter.writeLongs(outputs.get(1), counts, null, from, count);
    }
  }

  @Override
  public void writeFinal(FieldVector output, int from, int count) {
    boolean[] valid = hasValue(from, count);
    if (!average) {
      ColumnWriter.writeDoubles(output, sums, valid, from, count);
      return;
    }
    double[] averages = doubleScratch();
    for (int i = from; i < from + count; i++) {
      averages[i] = valid[i] ? sums[i] / counts[i] : 0;
    }
    ColumnWriter.writeDoubles(output, averages, valid, from, count);
  }
}
