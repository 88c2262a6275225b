package io.quiver.exec.operator.aggregate;

import io.quiver.exec.batch.ColumnReader;
import io.quiver.exec.batch.ColumnWriter;
import io.quiver.exec.batch.ValueLayout;
import java.util.Arrays;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;

/**
 * The stored key values of one group-key column of a {@link MultiColumnGroupByHash}, one entry per
 * group, in primitive arrays; and the access to the current batch's values of that column.
 */
abstract class KeyColumn {

  protected boolean[] valid = new boolean[256];
  protected int size;

  /** Prepares row access to {@code vector} for the rows of the current batch. */
  abstract void load(FieldVector vector, int rowCount);

  /** True when the current batch's row equals the stored key of {@code group} (NULL equals NULL). */
  abstract boolean rowEquals(int group, int row);

  /** Stores the current batch's row as the key of the next group. */
  abstract void appendRow(int row);

  /** Writes the keys of groups {@code from..from+count)} into a fresh output vector. */
  abstract void write(int from, int count, FieldVector output);

  /** Bytes the stored keys take on the heap (array capacities). */
  long estimatedBytes() {
    return valid.length;
  }

  protected void growValid() {
    if (size == valid.length) {
      valid = Arrays.copyOf(valid, size * 2);
    }
  }

  static KeyColumn forVector(FieldVector vector) {
    ValueLayout layout = ValueLayout.of(vector);
    switch (layout) {
      case LONG:
      case BOOLEAN:
        return new LongKeys(false);
      case FLOAT:
      case DOUBLE:
        return new LongKeys(true);
      case DECIMAL:
        return new DecimalKeys();
      case BYTES:
        return new BytesKeys();
      case NULL:
        return new NullKeys();
      default:
        throw new IllegalStateException(layout.name());
    }
  }

  /** Integer-like keys, and floating-point keys by their normalized bits. */
  static final class LongKeys extends KeyColumn {
    private final boolean floating;
    private long[] keys = new long[256];
    private long[] rowValues = new long[0];
    private double[] rowDoubles = new double[0];
    private boolean[] rowValid = new boolean[0];

    LongKeys(boolean floating) {
      this.floating = floating;
    }

    @Override
    void load(FieldVector vector, int rowCount) {
      if (rowValues.length < rowCount) {
        rowValues = new long[rowCount];
        rowValid = new boolean[rowCount];
        if (floating) {
          rowDoubles = new double[rowCount];
        }
      }
      if (floating) {
        ColumnReader.readDoubles(vector, rowCount, rowDoubles);
        for (int i = 0; i < rowCount; i++) {
          double value = rowDoubles[i];
          rowValues[i] = Double.doubleToLongBits(value == 0.0d ? 0.0d : value);
        }
      } else {
        ColumnReader.readLongs(vector, rowCount, rowValues);
      }
      ColumnReader.readValidity(vector, rowCount, rowValid);
    }

    @Override
    boolean rowEquals(int group, int row) {
      return valid[group] == rowValid[row] && (!rowValid[row] || keys[group] == rowValues[row]);
    }

    @Override
    long estimatedBytes() {
      return super.estimatedBytes() + keys.length * 8L + rowValues.length * 8L + rowDoubles.length * 8L
          + rowValid.length;
    }

    @Override
    void appendRow(int row) {
      growValid();
      if (size == keys.length) {
        keys = Arrays.copyOf(keys, size * 2);
      }
      valid[size] = rowValid[row];
      keys[size++] = rowValid[row] ? rowValues[row] : 0;
    }

    @Override
    void write(int from, int count, FieldVector output) {
      if (floating) {
        double[] doubles = new double[count];
        for (int i = 0; i < count; i++) {
          doubles[i] = Double.longBitsToDouble(keys[from + i]);
        }
        ColumnWriter.writeDoubles(output, doubles, Arrays.copyOfRange(valid, from, from + count), 0, count);
      } else {
        ColumnWriter.writeLongs(output, keys, valid, from, count);
      }
    }
  }

  /** DECIMAL keys as the two halves of the 128-bit unscaled value. */
  static final class DecimalKeys extends KeyColumn {
    private long[] low = new long[256];
    private long[] high = new long[256];
    private ArrowBuf data;
    private boolean[] rowValid = new boolean[0];

    @Override
    void load(FieldVector vector, int rowCount) {
      data = vector.getDataBuffer();
      if (rowValid.length < rowCount) {
        rowValid = new boolean[rowCount];
      }
      ColumnReader.readValidity(vector, rowCount, rowValid);
    }

    @Override
    boolean rowEquals(int group, int row) {
      if (valid[group] != rowValid[row]) {
        return false;
      }
      return !rowValid[row]
          || (low[group] == data.getLong(row * 16L) && high[group] == data.getLong(row * 16L + 8));
    }

    @Override
    void appendRow(int row) {
      growValid();
      if (size == low.length) {
        low = Arrays.copyOf(low, size * 2);
        high = Arrays.copyOf(high, size * 2);
      }
      valid[size] = rowValid[row];
      low[size] = rowValid[row] ? data.getLong(row * 16L) : 0;
      high[size++] = rowValid[row] ? data.getLong(row * 16L + 8) : 0;
    }

    @Override
    void write(int from, int count, FieldVector output) {
      ColumnWriter.writeDecimals(output, low, high, valid, from, count);
    }

    @Override
    long estimatedBytes() {
      return super.estimatedBytes() + (low.length + high.length) * 8L + rowValid.length;
    }
  }

  /** Text and binary keys, their bytes kept in one growing arena. */
  static final class BytesKeys extends KeyColumn {
    /** Reads 8 arena bytes as one long in the byte order Arrow buffers use (little-endian). */
    private static final java.lang.invoke.VarHandle LONG_VIEW =
        java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    private byte[] arena = new byte[4096];
    private int arenaSize;
    private int[] starts = new int[257];
    private ArrowBuf data;
    private ArrowBuf offsets;
    private boolean[] rowValid = new boolean[0];

    @Override
    void load(FieldVector vector, int rowCount) {
      data = vector.getDataBuffer();
      offsets = vector.getOffsetBuffer();
      if (rowValid.length < rowCount) {
        rowValid = new boolean[rowCount];
      }
      ColumnReader.readValidity(vector, rowCount, rowValid);
    }

    @Override
    boolean rowEquals(int group, int row) {
      if (valid[group] != rowValid[row]) {
        return false;
      }
      if (!rowValid[row]) {
        return true;
      }
      int start = offsets.getInt(row * 4L);
      int length = offsets.getInt((row + 1) * 4L) - start;
      int keyStart = starts[group];
      if (starts[group + 1] - keyStart != length) {
        return false;
      }
      int i = 0;
      for (; i + 8 <= length; i += 8) {
        if ((long) LONG_VIEW.get(arena, keyStart + i) != data.getLong(start + i)) {
          return false;
        }
      }
      for (; i < length; i++) {
        if (arena[keyStart + i] != data.getByte(start + i)) {
          return false;
        }
      }
      return true;
    }

    @Override
    long estimatedBytes() {
      return super.estimatedBytes() + arena.length + starts.length * 4L + rowValid.length;
    }

    @Override
    void appendRow(int row) {
      growValid();
      if (size + 1 == starts.length) {
        starts = Arrays.copyOf(starts, starts.length * 2);
      }
      valid[size] = rowValid[row];
      int length = 0;
      if (rowValid[row]) {
        int start = offsets.getInt(row * 4L);
        length = offsets.getInt((row + 1) * 4L) - start;
        if (arenaSize + length > arena.length) {
          arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaSize + length));
        }
        data.getBytes(start, arena, arenaSize, length);
      }
      starts[size] = arenaSize;
      arenaSize += length;
      starts[++size] = arenaSize;
    }

    @Override
    void write(int from, int count, FieldVector output) {
      BaseVariableWidthVector vector = (BaseVariableWidthVector) output;
      int bytes = starts[from + count] - starts[from];
      vector.allocateNew(Math.max(bytes, 1), Math.max(count, 1));
      ArrowBuf outData = vector.getDataBuffer();
      ArrowBuf outOffsets = vector.getOffsetBuffer();
      ArrowBuf outValidity = vector.getValidityBuffer();
      if (bytes > 0) {
        outData.setBytes(0, arena, starts[from], bytes);
      }
      int base = starts[from];
      for (int i = 0; i <= count; i++) {
        outOffsets.setInt(i * 4L, starts[from + i] - base);
      }
      for (int i = 0; i < count; i++) {
        if (valid[from + i]) {
          outValidity.setByte(i >>> 3, outValidity.getByte(i >>> 3) | (1 << (i & 7)));
        }
      }
      vector.setLastSet(count - 1);
      vector.setValueCount(count);
    }
  }

  /** Keys of the NULL type: every value is NULL. */
  static final class NullKeys extends KeyColumn {
    @Override
    void load(FieldVector vector, int rowCount) {
    }

    @Override
    boolean rowEquals(int group, int row) {
      return true;
    }

    @Override
    void appendRow(int row) {
      size++;
    }

    @Override
    void write(int from, int count, FieldVector output) {
      output.setValueCount(count);
    }
  }
}
