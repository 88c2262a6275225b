package io.quiver.exec.operator.aggregate;

import io.quiver.exec.batch.ColumnReader;
import io.quiver.exec.batch.ColumnWriter;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** count(*) (no argument), count(x) (non-NULL x), and the FINAL step's sum of partial counts. */
final class CountAccumulator extends GroupedState {

  private final int channel;
  private final boolean merge;
  private long[] values = new long[0];

  /** @param channel the argument or partial-count column; -1 for count(*) */
  CountAccumulator(int channel, boolean merge) {
    this.channel = channel;
    this.merge = merge;
  }

  @Override
  protected void grow(int capacity) {
  }

  @Override
  protected int bytesPerGroup() {
    return 0;
  }

  @Override
  public void add(VectorSchemaRoot batch, int[] groupIds, int rowCount) {
    if (channel < 0) {
      for (int i = 0; i < rowCount; i++) {
        counts[groupIds[i]]++;
      }
      return;
    }
    FieldVector vector = batch.getVector(channel);
    if (vector instanceof NullVector) {
      return;
    }
    boolean nulls = vector.getNullCount() > 0;
    ArrowBuf validity = vector.getValidityBuffer();
    if (merge) {
      if (values.length < rowCount) {
        values = new long[rowCount];
      }
      ColumnReader.readLongs(vector, rowCount, values);
      for (int i = 0; i < rowCount; i++) {
        if (!nulls || ColumnReader.isValid(validity, i)) {
          counts[groupIds[i]] += values[i];
        }
      }
    } else if (!nulls) {
      for (int i = 0; i < rowCount; i++) {
        counts[groupIds[i]]++;
      }
    } else {
      for (int i = 0; i < rowCount; i++) {
        if (ColumnReader.isValid(validity, i)) {
          counts[groupIds[i]]++;
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
    ColumnWriter.writeLongs(output, counts, null, from, count);
  }
}
