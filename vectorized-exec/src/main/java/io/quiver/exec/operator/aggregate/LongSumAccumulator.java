package io.quiver.exec.operator.aggregate;

import io.quiver.exec.batch.ColumnReader;
import io.quiver.exec.batch.ColumnWriter;
import io.quiver.exec.batch.ValueLayout;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * sum and avg over integer kinds: a BIGINT running sum per group (overflow is an error) and the
 * count of values. Intermediate columns: sum (BIGINT) for SUM; sum and count (BIGINT) for AVG.
 */
final class LongSumAccumulator extends GroupedState {

  private final boolean average;
  private final int channel;
  private final int countChannel;
  private long[] sums = new long[0];
  private long[] values = new long[0];
  private long[] partialCounts = new long[0];

  /**
   * @param channel the argument column, or for the FINAL step the partial sum column
   * @param countChannel for the FINAL step of AVG, the partial count column; otherwise -1
   */
  LongSumAccumulator(boolean average, int channel, int countChannel) {
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
      values = new long[rowCount];
      partialCounts = new long[rowCount];
    }
    ColumnReader.readLongs(vector, rowCount, values);
    if (countChannel >= 0) {
      FieldVector countVector = batch.getVector(countChannel);
      ColumnReader.readLongs(countVector, rowCount, partialCounts);
    }
    boolean nulls = vector.getNullCount() > 0;
    ArrowBuf validity = vector.getValidityBuffer();
    try {
      for (int i = 0; i < rowCount; i++) {
        if (!nulls || ColumnReader.isValid(validity, i)) {
          int group = groupIds[i];
          sums[group] = Math.addExact(sums[group], values[i]);
          counts[group] += countChannel >= 0 ? partialCounts[i] : 1;
        }
      }
    } catch (ArithmeticException e) {
      throw new QuiverException(ErrorCode.NUMERIC_OVERFLOW, (average ? "avg" : "sum") + " overflows BIGINT", e);
    }
  }

  @Override
  public void writeIntermediate(List<FieldVector> outputs, int from, int count) {
    ColumnWriter.writeLongs(outputs.get(0), sums, hasValue(from, count), from, count);
    if (average) {
      ColumnWriter.writeLongs(outputs.get(1), counts, null, from, count);
    }
  }

  @Override
  public void writeFinal(FieldVector output, int from, int count) {
    boolean[] valid = hasValue(from, count);
    if (!average) {
      ColumnWriter.writeLongs(output, sums, valid, from, count);
      return;
    }
    ValueLayout layout = ValueLayout.of(output);
    if (layout == ValueLayout.LONG) {
      long[] averages = longScratch();
      for (int i = from; i < from + count; i++) {
        averages[i] = valid[i] ? sums[i] / counts[i] : 0;
      }
      ColumnWriter.writeLongs(output, averages, valid, from, count);
    } else {
      double[] averages = doubleScratch();
      for (int i = from; i < from + count; i++) {
        averages[i] = valid[i] ? (double) sums[i] / counts[i] : 0;
      }
      ColumnWriter.writeDoubles(output, averages, valid, from, count);
    }
  }
}
