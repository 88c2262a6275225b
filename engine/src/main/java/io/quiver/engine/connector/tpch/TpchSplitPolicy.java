package io.quiver.engine.connector.tpch;

/**
 * How many splits a TPC-H table is cut into. Small tables are one split (a task per handful of rows
 * costs more than it saves). Any larger table gets at least one split per executor slot so every
 * slot generates rows, and enough splits that one stays near {@link #TARGET_ROWS_PER_SPLIT} rows,
 * which keeps tasks short enough to balance and to cancel.
 */
public final class TpchSplitPolicy {

  /** Tables with at most this many rows are read by one task. */
  public static final long MAX_ROWS_UNSPLIT = 4_096;

  public static final long TARGET_ROWS_PER_SPLIT = 250_000;

  private final int slots;

  public TpchSplitPolicy(int slots) {
    if (slots < 1) {
      throw new IllegalArgumentException("slots must be at least 1, was " + slots);
    }
    this.slots = slots;
  }

  public int splitCount(long rows) {
    if (rows <= MAX_ROWS_UNSPLIT) {
      return 1;
    }
    long bySize = (rows + TARGET_ROWS_PER_SPLIT - 1) / TARGET_ROWS_PER_SPLIT;
    // No split smaller than about a thousand rows, however many slots there are.
    long bySlots = Math.min(slots, rows / 1_024);
    return (int) Math.min(Integer.MAX_VALUE, Math.max(bySize, Math.max(1, bySlots)));
  }
}
