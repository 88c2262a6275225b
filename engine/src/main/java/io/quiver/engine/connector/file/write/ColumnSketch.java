package io.quiver.engine.connector.file.write;

import org.apache.arrow.vector.FieldVector;

/**
 * Estimates a column's distinct non-null values while it is written (HyperLogLog with 4096
 * one-byte registers, about 1.6% standard error), for the planner's join estimates over the
 * written table. Not thread-safe: one per writer thread, merged at the end.
 */
final class ColumnSketch {

  private static final int PRECISION = 12;
  private static final int REGISTERS = 1 << PRECISION;
  private static final double ALPHA = 0.7213 / (1 + 1.079 / REGISTERS);

  private final byte[] registers = new byte[REGISTERS];

  void addAll(FieldVector vector) {
    int rows = vector.getValueCount();
    boolean anyNull = vector.getNullCount() > 0;
    for (int i = 0; i < rows; i++) {
      if (anyNull && vector.isNull(i)) {
        continue;
      }
      long hash = spread(vector.hashCode(i));
      int register = (int) (hash >>> (64 - PRECISION));
      int rank = Math.min(Long.numberOfLeadingZeros(hash << PRECISION), 64 - PRECISION) + 1;
      if (rank > registers[register]) {
        registers[register] = (byte) rank;
      }
    }
  }

  void merge(ColumnSketch other) {
    for (int i = 0; i < REGISTERS; i++) {
      registers[i] = (byte) Math.max(registers[i], other.registers[i]);
    }
  }

  double estimate() {
    double sum = 0;
    int zeros = 0;
    for (byte rank : registers) {
      sum += Math.scalb(1.0, -rank);
      zeros += rank == 0 ? 1 : 0;
    }
    double estimate = ALPHA * REGISTERS * (double) REGISTERS / sum;
    if (estimate <= 2.5 * REGISTERS && zeros > 0) {
      return REGISTERS * Math.log((double) REGISTERS / zeros);
    }
    return estimate;
  }

  /** A 64-bit spread of a 32-bit hash (the MurmurHash3 finalizer). */
  private static long spread(long value) {
    long h = value;
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }
}
