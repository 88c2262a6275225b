package io.quiver.exec.fragment.node;

/**
 * Where an aggregate sits in a two-phase plan: PARTIAL before the hash exchange (one row per group
 * per task, intermediate columns), FINAL after it (combines intermediate columns), SINGLE when the
 * input already holds all rows of each group.
 */
public enum AggregateStep {
  PARTIAL,
  FINAL,
  SINGLE
}
