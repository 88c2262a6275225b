package io.quiver.planner;

import io.quiver.exec.fragment.stage.StagePlan;
import io.quiver.exec.type.RowSchema;

/**
 * The outcome of planning one SQL statement.
 *
 * @param kind what the statement is
 * @param stagePlan the stage DAG to run (QUERY only; null otherwise)
 * @param resultSchema the result columns (QUERY: the query's; EXPLAIN: one VARCHAR column "plan")
 * @param explainText for EXPLAIN: the logical plan, the physical plan and the stage DAG, as text
 * @param planningNanos time spent parsing, validating, optimizing and fragmenting
 */
public record PlannedStatement(Kind kind, StagePlan stagePlan, RowSchema resultSchema, String explainText,
    long planningNanos) {

  public enum Kind {
    QUERY,
    EXPLAIN
  }
}
