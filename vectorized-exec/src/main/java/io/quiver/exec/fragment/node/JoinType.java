package io.quiver.exec.fragment.node;

/**
 * The join kinds a {@link HashJoinNode} runs. "Probe" is the streamed side, "build" the side held in
 * a hash table.
 */
public enum JoinType {
  /** Probe rows joined with every matching build row. */
  INNER,
  /** INNER plus probe rows with no match, build columns NULL. */
  PROBE_OUTER,
  /** INNER plus build rows no probe row matched, probe columns NULL (emitted after the probe side ends). */
  BUILD_OUTER,
  /** PROBE_OUTER and BUILD_OUTER together. */
  FULL_OUTER,
  /** Probe rows that have at least one match; probe columns only. */
  SEMI,
  /** Probe rows that have no match; probe columns only. */
  ANTI,
  /**
   * NOT IN semantics: like ANTI, but when the build side has a row with a NULL key no probe row
   * passes, and a probe row with a NULL key passes only when the build side is empty.
   */
  NULL_AWARE_ANTI;

  /** True when the output holds only the probe side's columns. */
  public boolean probeColumnsOnly() {
    return this == SEMI || this == ANTI || this == NULL_AWARE_ANTI;
  }
}
