package io.quiver.exec.operator.join;

import io.quiver.exec.batch.ColumnReader;
import io.quiver.exec.batch.ValueLayout;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;

/**
 * One key column of a {@link JoinHashTable} with composite or non-integer keys: the build side's
 * values of that column, and equality of a probe row's value with a build row's. NULLs are dealt
 * with by the table (a row with a NULL key is never compared), so only non-NULL values reach here.
 */
abstract class JoinKeyColumn {

  /** Reads the key column {@code column} of every build row. */
  abstract void loadBuild(BuildRows rows, int column);

  /** Prepares access to the probe batch's key vector for its first {@code count} rows. */
  abstract void loadProbe(FieldVector vector, int count);

  /** True when probe row {@code probeRow}'s key equals build row {@code buildRow}'s (both non-NULL). */
  abstract boolean equal(int probeRow, int buildRow);

  static JoinKeyColumn forLayout(ValueLayout layout) {
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

  static void checkLayout(ValueLayout expected, FieldVector probe) {
    ValueLayout actual = ValueLayout.of(probe);
    boolean compatible = actual == expected || actual == ValueLayout.NULL
        || (isIntegral(actual) && isIntegral(expected)) || (isFloating(actual) && isFloating(expected));
    if (!compatible) {
      throw new QuiverException(ErrorCode.NOT_SUPPORTED, "join key " + probe.getField().getName() + " of type "
          + probe.getField().getType() + " cannot be compared with a build key of layout " + expected);
    }
  }

  private static boolean isIntegral(ValueLayout layout) {
    return layout == ValueLayout.LONG || layout == ValueLayout.BOOLEAN;
  }

  private static boolean isFloating(ValueLayout layout) {
    return layout == ValueLayout.FLOAT || layout == ValueLayout.DOUBLE;
  }

  /** Reads the values of a LONG/BOOLEAN vector, or the normalized bits of a FLOAT/DOUBLE one. */
  static void readNormalized(FieldVector vector, int count, boolean floating, long[] out, double[] doubles) {
    if (floating) {
      ColumnReader.readDoubles(vector, count, doubles);
      for (int i = 0; i < count; i++) {
        double value = doubles[i];
        // -0.0 equals 0.0 and every NaN is the same value, as KeyHashing hashes them
        out[i] = Double.doubleToLongBits(value == 0.0d ? 0.0d : value);
      }
    } else {
      ColumnReader.readLongs(vector, count, out);
    }
  }

  /** Integer-like keys widened to long; floating keys by their normalized bits. */
  static final class LongKeys extends JoinKeyColumn {
    private final boolean floating;
    private long[] build = new long[0];
    private long[] probe = new long[0];
    private double[] doubles = new double[0];

    LongKeys(boolean floating) {
      this.floating = floating;
    }

    @Override
    void loadBuild(BuildRows rows, int column) {
      build = new long[rows.rowCount()];
      long[] chunkValues = new long[Math.min(rows.rowCount(), rows.chunkCapacity())];
      double[] chunkDoubles = floating ? new double[chunkValues.length] : null;
      for (int c = 0; c < rows.chunkCount(); c++) {
        int count = rows.chunk(c).getRowCount();
        readNormalized(rows.chunk(c).getVector(column), count, floating, chunkValues, chunkDoubles);
        System.arraycopy(chunkValues, 0, build, rows.rowId(c, 0), count);
      }
    }

    @Override
    void loadProbe(FieldVector vector, int count) {
      if (probe.length < count) {
        probe = new long[count];
        doubles = floating ? new double[count] : doubles;
      }
      if (ValueLayout.of(vector) != ValueLayout.NULL) {
        readNormalized(vector, count, floating, probe, doubles);
      }
    }

    @Override
    boolean equal(int probeRow, int buildRow) {
      return probe[probeRow] == build[buildRow];
    }
  }

  /** DECIMAL keys as the two halves of the 128-bit unscaled value. */
  static final class DecimalKeys extends JoinKeyColumn {
    private long[] low = new long[0];
    private long[] high = new long[0];
    private ArrowBuf probe;

    @Override
    void loadBuild(BuildRows rows, int column) {
      low = new long[rows.rowCount()];
      high = new long[rows.rowCount()];
      for (int c = 0; c < rows.chunkCount(); c++) {
        int count = rows.chunk(c).getRowCount();
        ArrowBuf data = rows.chunk(c).getVector(column).getDataBuffer();
        int base = rows.rowId(c, 0);
        for (int i = 0; i < count; i++) {
          low[base + i] = data.getLong(i * 16L);
          high[base + i] = data.getLong(i * 16L + 8);
        }
      }
    }

    @Override
    void loadProbe(FieldVector vector, int count) {
      probe = vector.getDataBuffer();
    }

    @Override
    boolean equal(int probeRow, int buildRow) {
      return probe.getLong(probeRow * 16L) == low[buildRow] && probe.getLong(probeRow * 16L + 8) == high[buildRow];
    }
  }

  /** Text and binary keys, compared byte for byte in the build chunks' own buffers. */
  static final class BytesKeys extends JoinKeyColumn {
    private int chunkShift;
    private ArrowBuf[] buildOffsets = new ArrowBuf[0];
    private ArrowBuf[] buildData = new ArrowBuf[0];
    private ArrowBuf probeOffsets;
    private ArrowBuf probeData;

    @Override
    void loadBuild(BuildRows rows, int column) {
      chunkShift = rows.chunkShift();
      buildOffsets = new ArrowBuf[rows.chunkCount()];
      buildData = new ArrowBuf[rows.chunkCount()];
      for (int c = 0; c < rows.chunkCount(); c++) {
        FieldVector vector = rows.chunk(c).getVector(column);
        buildOffsets[c] = vector.getOffsetBuffer();
        buildData[c] = vector.getDataBuffer();
      }
    }

    @Override
    void loadProbe(FieldVector vector, int count) {
      probeOffsets = vector.getOffsetBuffer();
      probeData = vector.getDataBuffer();
    }

    @Override
    boolean equal(int probeRow, int buildRow) {
      int probeStart = probeOffsets.getInt(probeRow * 4L);
      int length = probeOffsets.getInt(probeRow * 4L + 4) - probeStart;
      int chunk = buildRow >>> chunkShift;
      int position = buildRow & ((1 << chunkShift) - 1);
      ArrowBuf offsets = buildOffsets[chunk];
      int buildStart = offsets.getInt(position * 4L);
      if (offsets.getInt(position * 4L + 4) - buildStart != length) {
        return false;
      }
      ArrowBuf data = buildData[chunk];
      int i = 0;
      for (; i + 8 <= length; i += 8) {
        if (probeData.getLong(probeStart + i) != data.getLong(buildStart + i)) {
          return false;
        }
      }
      for (; i < length; i++) {
        if (probeData.getByte(probeStart + i) != data.getByte(buildStart + i)) {
          return false;
        }
      }
      return true;
    }
  }

  /** Keys of the NULL type: never compared, since every value is NULL. */
  static final class NullKeys extends JoinKeyColumn {
    @Override
    void loadBuild(BuildRows rows, int column) {
    }

    @Override
    void loadProbe(FieldVector vector, int count) {
    }

    @Override
    boolean equal(int probeRow, int buildRow) {
      return false;
    }
  }
}
