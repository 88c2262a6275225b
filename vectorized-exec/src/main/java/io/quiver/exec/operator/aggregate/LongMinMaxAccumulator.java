package io.quiver.exec.operator.aggregate;

import io.quiver.exec.batch.ColumnReader;
import io.quiver.exec.batch.ColumnWriter;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** min and max over integer kinds, dates, times, timestamps and booleans; intermediate = result. */
final class LongMinMaxAccumulator extends GroupedState {

  private final boolean max;
  private final int channel;
  private long[] extremes = new long[0];
  private long[] values = new long[0];

  LongMinMaxAccumulator(boolean max, int channel) {
    this.max = max;
    this.channel = channel;
  }

  @Override
  protected void grow(int capacity) {
    extremes = Arrays.copyOf(extremes, capacity);
  }

  @Override
  public void add(VectorSchemaRoot batch, int[] groupIds, int rowCount) {
    FieldVector vector = batch.getVector(channel);
    if (vector instanceof NullVector) {
      return;
    }
    if (values.length < rowCount) {
      values = new long[rowCount];
    }
    ColumnReader.readLongs(vector, rowCount, values);
    boolean nulls = vector.getNullCount() > 0;
    ArrowBuf validity = vector.getValidityBuffer();
    for (int i = 0; i < rowCount; i++) {
      if (!nulls || ColumnReader.isValid(validity, i)) {
        int group = groupIds[i];
        long value = values[i];
        if (counts[group]++ == 0 || (max ? value > extremes[group] : value < extremes[group])) {
          extremes[group] = value;
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
    ColumnWriter.writeLongs(output, extremes, hasValue(from, count), from, count);
  }
}
