package io.quiver.exec.operator.aggregate;

import io.quiver.exec.batch.ColumnReader;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * min and max over text and binary, by unsigned bytes (for UTF-8 that is code point order). A
 * group's extreme is copied out of the batch only when it changes.
 */
final class BytesMinMaxAccumulator extends GroupedState {

  private final boolean max;
  private final int channel;
  private byte[][] extremes = new byte[0][];

  BytesMinMaxAccumulator(boolean max, int channel) {
    this.max = max;
    this.channel = channel;
  }

  /** Bytes of the extremes held now (each array with its header). */
  private long valueBytes;

  @Override
  public long estimatedBytes() {
    return super.estimatedBytes() + valueBytes;
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
    boolean nulls = vector.getNullCount() > 0;
    ArrowBuf validity = vector.getValidityBuffer();
    ArrowBuf data = vector.getDataBuffer();
    ArrowBuf offsets = vector.getOffsetBuffer();
    for (int i = 0; i < rowCount; i++) {
      if (nulls && !ColumnReader.isValid(validity, i)) {
        continue;
      }
      int group = groupIds[i];
      int start = offsets.getInt(i * 4L);
      int length = offsets.getInt((i + 1) * 4L) - start;
      boolean replace = counts[group]++ == 0;
      if (!replace) {
        int comparison = compare(data, start, length, extremes[group]);
        replace = max ? comparison > 0 : comparison < 0;
      }
      if (replace) {
        byte[] value = new byte[length];
        data.getBytes(start, value, 0, length);
        valueBytes += 16 + length - (extremes[group] == null ? 0 : 16 + extremes[group].length);
        extremes[group] = value;
      }
    }
  }

  static int compare(ArrowBuf data, int start, int length, byte[] other) {
    int common = Math.min(length, other.length);
    for (int i = 0; i < common; i++) {
      int comparison = Integer.compare(data.getByte(start + i) & 0xFF, other[i] & 0xFF);
      if (comparison != 0) {
        return comparison;
      }
    }
    return Integer.compare(length, other.length);
  }

  @Override
  public void writeIntermediate(List<FieldVector> outputs, int from, int count) {
    writeFinal(outputs.get(0), from, count);
  }

  @Override
  public void writeFinal(FieldVector output, int from, int count) {
    BaseVariableWidthVector vector = (BaseVariableWidthVector) output;
    long bytes = 0;
    for (int i = from; i < from + count; i++) {
      if (counts[i] > 0) {
        bytes += extremes[i].length;
      }
    }
    vector.allocateNew(Math.max(bytes, 1), Math.max(count, 1));
    for (int i = 0; i < count; i++) {
      if (counts[from + i] > 0) {
        vector.setSafe(i, extremes[from + i]);
      }
    }
    vector.setValueCount(count);
  }
}
