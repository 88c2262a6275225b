package io.quiver.exec.fragment.node;

/**
 * The functions a {@link WindowNode} computes. Ranking functions look only at the order of the rows
 * in their partition (and their peers, the rows equal on every ORDER BY key); value functions pick a
 * row's value; {@link #AGGREGATE} folds the rows of each row's frame with an
 * {@link AggregateFunction}.
 */
public enum WindowFunction {
  /** 1, 2, 3, ... in partition order. BIGINT. */
  ROW_NUMBER,
  /** 1 + the number of rows before the row's first peer. BIGINT. */
  RANK,
  /** 1 + the number of peer groups before the row's. BIGINT. */
  DENSE_RANK,
  /** (RANK - 1) / (partition rows - 1), 0 for a one-row partition. DOUBLE. */
  PERCENT_RANK,
  /** (rows up to the row's last peer) / partition rows. DOUBLE. */
  CUME_DIST,
  /** The bucket (1..n) of the row when the partition is cut into n nearly equal runs. */
  NTILE,
  /** The value {@code parameter} rows before, or the default. */
  LAG,
  /** The value {@code parameter} rows after, or the default. */
  LEAD,
  /** The value of the frame's first row. */
  FIRST_VALUE,
  /** The value of the frame's last row. */
  LAST_VALUE,
  /** The value of the frame's {@code parameter}-th row. */
  NTH_VALUE,
  /** An aggregate function over the frame. */
  AGGREGATE;

  /** True for the functions whose value depends on the frame. */
  public boolean usesFrame() {
    return this == FIRST_VALUE || this == LAST_VALUE || this == NTH_VALUE || this == AGGREGATE;
  }

  /** True for the functions that take an integer constant ({@link WindowCall#parameter()}). */
  public boolean hasParameter() {
    return this == NTILE || this == LAG || this == LEAD || this == NTH_VALUE;
  }
}
