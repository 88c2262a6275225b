package io.quiver.exec.operator.aggregate;

import io.quiver.exec.batch.ColumnReader;
import io.quiver.exec.batch.ColumnWriter;
import io.quiver.exec.batch.HyperLogLog;
import io.quiver.exec.batch.KeyHashing;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * One HyperLogLog sketch per group that has seen a value (groups without values hold none); each
 * sketch's registers are charged to the task allocator when it is created.
 */
final class HyperLogLogAccumulator implements Accumulator {

  private static final int PRECISION = ApproxCountDistinctAggregate.PRECISION;
  private static final int REGISTERS = 1 << PRECISION;

  private final int channel;
  private final boolean merge;
  private final MemoryCharge charge;
  private byte[][] sketches = new byte[0][];
  private long sketchCount;
  private long[] hashes = new long[0];
  private long[] scratch = new long[0];
  private boolean[] valid = new boolean[0];
  private byte[] partial = new byte[REGISTERS];

  /** @param channel the argument; for the FINAL step the partial sketch column */
  HyperLogLogAccumulator(int channel, boolean merge, BufferAllocator allocator) {
    this.channel = channel;
    this.merge = merge;
    this.charge = new MemoryCharge(allocator, "the sketches of approx_count_distinct");
  }

  @Override
  public void ensureCapacity(int groupCount) {
    if (sketches.length < groupCount) {
      int capacity = Math.max(groupCount, Math.max(16, sketches.length * 2));
      sketches = Arrays.copyOf(sketches, capacity);
      charge.atLeast(sketchCount * REGISTERS + (long) capacity * Long.BYTES);
    }
  }

  private byte[] sketch(int group) {
    byte[] sketch = sketches[group];
    if (sketch == null) {
      sketchCount++;
      charge.atLeast(sketchCount * REGISTERS + (long) sketches.length * Long.BYTES);
      sketch = new byte[REGISTERS];
      sketches[group] = sketch;
    }
    return sketch;
  }

  @Override
  public void add(VectorSchemaRoot batch, int[] groupIds, int rowCount) {
    FieldVector vector = batch.getVector(channel);
    if (vector instanceof NullVector) {
      return;
    }
    if (valid.length < rowCount) {
      valid = new boolean[rowCount];
      hashes = new long[rowCount];
      scratch = new long[rowCount];
    }
    ColumnReader.readValidity(vector, rowCount, valid);
    if (merge) {
      ArrowBuf data = vector.getDataBuffer();
      ArrowBuf offsets = vector.getOffsetBuffer();
      for (int i = 0; i < rowCount; i++) {
        if (valid[i]) {
          int start = offsets.getInt(i * 4L);
          data.getBytes(start, partial, 0, REGISTERS);
          HyperLogLog.merge(sketch(groupIds[i]), 0, partial, 0, PRECISION);
        }
      }
      return;
    }
    KeyHashing.hashColumn(vector, rowCount, hashes, true, scratch);
    for (int i = 0; i < rowCount; i++) {
      if (valid[i]) {
        HyperLogLog.add(sketch(groupIds[i]), 0, PRECISION, hashes[i]);
      }
    }
  }

  @Override
  public void writeIntermediate(List<FieldVector> outputs, int from, int count) {
    VarBinaryVector output = (VarBinaryVector) outputs.get(0);
    output.allocateNew(Math.max(1, count) * (long) REGISTERS, Math.max(1, count));
    for (int i = 0; i < count; i++) {
      byte[] sketch = sketches[from + i];
      if (sketch == null) {
        output.setNull(i);
      } else {
        output.setSafe(i, sketch);
      }
    }
    output.setValueCount(count);
  }

  @Override
  public void writeFinal(FieldVector output, int from, int count) {
    long[] estimates = new long[count];
    for (int i = 0; i < count; i++) {
      byte[] sketch = sketches[from + i];
      estimates[i] = sketch == null ? 0 : Math.round(HyperLogLog.estimate(sketch, 0, PRECISION));
    }
    ColumnWriter.writeLongs(output, estimates, null, 0, count);
  }

  @Override
  public void close() {
    sketches = new byte[0][];
    charge.close();
  }
}
