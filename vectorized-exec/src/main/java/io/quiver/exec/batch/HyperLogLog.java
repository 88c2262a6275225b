package io.quiver.exec.batch;

/**
 * The HyperLogLog cardinality sketch (Flajolet et al., with linear counting for small counts) over
 * byte registers held by the caller: {@code 2^precision} registers starting at some offset of a
 * byte array. Values enter as well-mixed 64-bit hashes ({@link KeyHashing}); the standard error of
 * an estimate is about {@code 1.04 / sqrt(2^precision)}.
 */
public final class HyperLogLog {

  private HyperLogLog() {
  }

  /** Records a hash in the registers {@code registers[offset .. offset + 2^precision)}. */
  public static void add(byte[] registers, int offset, int precision, long hash) {
    int register = (int) (hash >>> (64 - precision));
    int rank = Math.min(Long.numberOfLeadingZeros(hash << precision), 64 - precision) + 1;
    if (rank > registers[offset + register]) {
      registers[offset + register] = (byte) rank;
    }
  }

  /** Takes the registers of {@code other} into {@code registers} (the sketch of the union). */
  public static void merge(byte[] registers, int offset, byte[] other, int otherOffset, int precision) {
    int count = 1 << precision;
    for (int i = 0; i < count; i++) {
      if (other[otherOffset + i] > registers[offset + i]) {
        registers[offset + i] = other[otherOffset + i];
      }
    }
  }

  /** The estimated number of distinct hashes recorded (0 when none). */
  public static double estimate(byte[] registers, int offset, int precision) {
    int count = 1 << precision;
    double sum = 0;
    int zeros = 0;
    for (int i = 0; i < count; i++) {
      byte rank = registers[offset + i];
      sum += 1.0 / (1L << rank);
      if (rank == 0) {
        zeros++;
      }
    }
    double alpha = 0.7213 / (1 + 1.079 / count);
    double estimate = alpha * count * count / sum;
    if (estimate <= 2.5 * count && zeros > 0) {
      return count * Math.log((double) count / zeros);
    }
    return estimate;
  }
}
