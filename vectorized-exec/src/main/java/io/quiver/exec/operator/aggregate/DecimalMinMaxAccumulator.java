package io.quiver.exec.operator.aggregate;

import io.quiver.exec.batch.ColumnReader;
import io.quiver.exec.batch.ColumnWriter;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** min and max over DECIMAL, comparing 128-bit unscaled values (one scale per column). */
final class DecimalMinMaxAccumulator extends GroupedState {

  private final boolean max;
  private final int channel;
  private long[] low = new long[0];
  private long[] high = new long[0];

  DecimalMinMaxAccumulator(boolean max, int channel) {
    this.max = max;
    this.channel = channel;
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
    boolean nulls = vector.getNullCount() > 0;
    ArrowBuf validity = vector.getValidityBuffer();
    ArrowBuf data = vector.getDataBuffer();
    for (int i = 0; i < rowCount; i++) {
      if (!nulls || ColumnReader.isValid(validity, i)) {
        int group = groupIds[i];
        long valueLow = data.getLong(i * 16L);
        long valueHigh = data.getLong(i * 16L + 8);
        boolean replace = counts[group]++ == 0;
        if (!replace) {
          int comparison = Int128.compare(valueLow, valueHigh, low[group], high[group]);
          replace = max ? comparison > 0 : comparison < 0;
        }
        if (replace) {
          low[group] = valueLow;
          high[group] = valueHigh;
        }
      }
    }
  }

  @Override
  public void writeIntermediate(List<FieldVector> outputs, int from, int count) {
    writeFinal(outputs.get(0), from, count);
  }

  @Override
  public void writeFinal(FieldVector output, int from, int count) {
    ColumnWriter.writeDecimals(output, low, high, hasValue(from, count), from, count);
  }
}
