package io.quiver.exec.operator.aggregate;

import io.quiver.exec.batch.ColumnReader;
import io.quiver.exec.batch.ColumnWriter;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** min and max over REAL and DOUBLE (NaN sorts above every number, as in PostgreSQL). */
final class DoubleMinMaxAccumulator extends GroupedState {

  private final boolean max;
  private final int channel;
  private double[] extremes = new double[0];
  private double[] values = new double[0];

  DoubleMinMaxAccumulator(boolean max, int channel) {
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
      values = new double[rowCount];
    }
    ColumnReader.readDoubles(vector, rowCount, values);
    boolean nulls = vector.getNullCount() > 0;
    ArrowBuf validity = vector.getValidityBuffer();
    for (int i = 0; i < rowCount; i++) {
      if (!nulls || ColumnReader.isValid(validity, i)) {
        int group = groupIds[i];
        double value = values[i];
        if (counts[group]++ == 0) {
          extremes[group] = value;
        } else {
          int comparison = Double.compare(value, extremes[group]);
          if (max ? comparison > 0 : comparison < 0) {
            extremes[group] = value;
          }
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
    ColumnWriter.writeDoubles(output, extremes, hasValue(from, count), from, count);
  }
}
