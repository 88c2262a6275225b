package io.quiver.planner.physical;

import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;

/**
 * Work estimates of physical nodes. Calcite's Volcano cost compares the row-count component only,
 * so all work is expressed there, in units of "rows touched once in memory".
 */
public final class CostModel {

  /** Moving a row through an exchange: serialize, write, read, deserialize. */
  public static final double EXCHANGE_ROW = 4.0;
  /** Reading a value of one column from a connector. */
  public static final double SCAN_VALUE = 0.2;
  /** Evaluating a predicate or projection on a row. */
  public static final double EXPRESSION_ROW = 0.3;
  /** Hashing a row into an aggregation table. */
  public static final double AGGREGATE_ROW = 1.0;
  /** Inserting a row into a join's hash table. */
  public static final double BUILD_ROW = 2.0;
  /** Looking a row up in a join's hash table. */
  public static final double PROBE_ROW = 1.0;
  /** Comparing a row in a sort (times log2 of the row count). */
  public static final double SORT_ROW = 1.0;

  private CostModel() {
  }

  public static RelOptCost cost(RelOptPlanner planner, double work, double rows) {
    return planner.getCostFactory().makeCost(work, rows, 0);
  }
}
