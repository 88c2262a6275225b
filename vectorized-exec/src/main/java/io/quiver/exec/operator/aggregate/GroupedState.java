package io.quiver.exec.operator.aggregate;

import java.util.Arrays;

/** Shared part of the accumulators: how many non-NULL values each group has seen. */
abstract class GroupedState implements Accumulator {

  protected long[] counts = new long[0];
  private boolean[] valid = new boolean[0];
  private double[] doubleScratch = new double[0];
  private long[] longScratch = new long[0];

  /** A scratch array as long as the group arrays, for output computed per group (averages). */
  protected double[] doubleScratch() {
    if (doubleScratch.length < counts.length) {
      doubleScratch = new double[counts.length];
    }
    return doubleScratch;
  }

  protected long[] longScratch() {
    if (longScratch.length < counts.length) {
      longScratch = new long[counts.length];
    }
    return longScratch;
  }

  @Override
  public void ensureCapacity(int groupCount) {
    if (counts.length < groupCount) {
      int capacity = Math.max(groupCount, Math.max(16, counts.length * 2));
      counts = Arrays.copyOf(counts, capacity);
      grow(capacity);
    }
  }

  /** Per-group state and counts, by array capacity; subclasses say their bytes per group. */
  @Override
  public long estimatedBytes() {
    return counts.length * (8L + bytesPerGroup());
  }

  /** Heap bytes per group of the subclass's arrays (most hold one 8-byte value). */
  protected int bytesPerGroup() {
    return 8;
  }

  /** Grows the subclass's arrays to {@code capacity} groups. */
  protected abstract void grow(int capacity);

  /** Whether each group of {@code from..from+count)} has a value, indexed from {@code from}. */
  protected boolean[] hasValue(int from, int count) {
    if (valid.length < counts.length) {
      valid = new boolean[counts.length];
    }
    for (int i = from; i < from + count; i++) {
      valid[i] = counts[i] > 0;
    }
    return valid;
  }
}
