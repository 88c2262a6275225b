package io.quiver.exec.operator.aggregate;

import io.quiver.exec.batch.ColumnReader;
import io.quiver.exec.batch.ColumnWriter;
import io.quiver.exec.batch.ValueLayout;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * sum and avg over DECIMAL: an exact 128-bit running sum of unscaled values per group, at the
 * argument's scale, plus the count of values. Intermediate columns: sum (DECIMAL(38, s)) for SUM;
 * sum and count (BIGINT) for AVG. avg rounds HALF_UP to the result scale.
 */
final class DecimalSumAccumulator extends GroupedState {

  private final boolean average;
  private final int channel;
  private final int countChannel;
  private final int scale;
  private long[] low = new long[0];
  private long[] high = new long[0];
  private long[] partialCounts = new long[0];

  /** @param scale the scale of the running sum (the argument's scale) */
  DecimalSumAccumulator(boolean average, int channel, int countChannel, int scale) {
    this.average = average;
    this.channel = channel;
    this.countChannel = countChannel;
    this.scale = scale;
  }

  @Override
  protected int bytesPerGroup() {
    return 16;
  }

  @Override
  protected void grow(int capacity) {
    low = Arrays.copyOf(low, capacity);
    high = Arrays.copyOf(high, capacity);
  }

  @Override
  public void add(VectorSchemaRoot batch, int[] groupIds, int rowCount) {
    FieldVector vector = batch.getVector(channel);
    if (vector instanceof NullVector) {
      return;
    }
    if (countChannel >= 0) {
      if (partialCounts.length < rowCount) {
        partialCounts = new long[rowCount];
      }
      ColumnReader.readLongs(batch.getVector(countChannel), rowCount, partialCounts);
    }
    int inputScale = ((DecimalVector) vector).getScale();
    boolean nulls = vector.getNullCount() > 0;
    ArrowBuf validity = vector.getValidityBuffer();
    ArrowBuf data = vector.getDataBuffer();
    BigInteger rescale = inputScale == scale ? null : BigInteger.TEN.pow(Math.abs(scale - inputScale));
    if (rescale == null && countChannel < 0 && ((DecimalVector) vector).getPrecision() <= 18) {
      addNarrow(data, validity, nulls, groupIds, rowCount);
      return;
    }
    for (int i = 0; i < rowCount; i++) {
      if (nulls && !ColumnReader.isValid(validity, i)) {
        continue;
      }
      long addLow = data.getLong(i * 16L);
      long addHigh = data.getLong(i * 16L + 8);
      if (rescale != null) {
        BigInteger value = Int128.toBigInteger(addLow, addHigh);
        value = scale > inputScale ? value.multiply(rescale) : value.divide(rescale);
        addLow = Int128.low(value);
        addHigh = Int128.high(value);
      }
      int group = groupIds[i];
      long sumLow = low[group] + addLow;
      long carry = Long.compareUnsigned(sumLow, low[group]) < 0 ? 1 : 0;
      try {
        high[group] = Math.addExact(Math.addExact(high[group], addHigh), carry);
      } catch (ArithmeticException e) {
        throw new QuiverException(ErrorCode.NUMERIC_OVERFLOW,
            (average ? "avg" : "sum") + " of DECIMAL overflows 128 bits", e);
      }
      low[group] = sumLow;
      counts[group] += countChannel >= 0 ? partialCounts[i] : 1;
    }
  }

  /**
   * Values of precision up to 18 fit in the low 64 bits: add them as sign-extended longs, with the
   * carry into the high word (which cannot overflow before 2^63 additions).
   */
  private void addNarrow(ArrowBuf data, ArrowBuf validity, boolean nulls, int[] groupIds, int rowCount) {
    for (int i = 0; i < rowCount; i++) {
      if (nulls && !ColumnReader.isValid(validity, i)) {
        continue;
      }
      long value = data.getLong(i * 16L);
      int group = groupIds[i];
      long before = low[group];
      long sum = before + value;
      low[group] = sum;
      high[group] += (value >> 63) + (Long.compareUnsigned(sum, before) < 0 ? 1 : 0);
      counts[group]++;
    }
  }

  @Override
  public void writeIntermediate(List<FieldVector> outputs, int from, int count) {
    writeSums(outputs.get(0), from, count);
    if (average) {
      ColumnWriter.writeLongs(outputs.get(1), counts, null, from, count);
    }
  }

  @Override
  public void writeFinal(FieldVector output, int from, int count) {
    if (!average) {
      writeSums(output, from, count);
      return;
    }
    boolean[] valid = hasValue(from, count);
    if (ValueLayout.of(output) != ValueLayout.DECIMAL) {
      double[] averages = doubleScratch();
      for (int i = from; i < from + count; i++) {
        averages[i] = valid[i]
            ? new BigDecimal(Int128.toBigInteger(low[i], high[i]), scale).doubleValue() / counts[i] : 0;
      }
      ColumnWriter.writeDoubles(output, averages, valid, from, count);
      return;
    }
    DecimalVector decimals = (DecimalVector) output;
    decimals.allocateNew(Math.max(count, 1));
    for (int i = 0; i < count; i++) {
      int group = from + i;
      if (!valid[group]) {
        decimals.setNull(i);
        continue;
      }
      BigDecimal sum = new BigDecimal(Int128.toBigInteger(low[group], high[group]), scale);
      BigDecimal value = sum.divide(BigDecimal.valueOf(counts[group]), decimals.getScale(), RoundingMode.HALF_UP);
      BigInteger unscaled = value.unscaledValue();
      long valueLow = Int128.low(unscaled);
      long valueHigh = Int128.high(unscaled);
      Int128.checkPrecision(valueLow, valueHigh, decimals.getPrecision(), "avg");
      decimals.getDataBuffer().setLong(i * 16L, valueLow);
      decimals.getDataBuffer().setLong(i * 16L + 8, valueHigh);
      decimals.setIndexDefined(i);
    }
    decimals.setValueCount(count);
  }

  private void writeSums(FieldVector output, int from, int count) {
    boolean[] valid = hasValue(from, count);
    DecimalVector decimals = (DecimalVector) output;
    if (decimals.getScale() != scale) {
      throw new QuiverException(ErrorCode.INTERNAL_ERROR,
          "sum of scale " + scale + " written to " + decimals.getField().getType());
    }
    for (int i = from; i < from + count; i++) {
      if (valid[i]) {
        Int128.checkPrecision(low[i], high[i], decimals.getPrecision(), "sum");
      }
    }
    ColumnWriter.writeDecimals(output, low, high, valid, from, count);
  }
}
