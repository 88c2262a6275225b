package io.quiver.planner;

import io.quiver.exec.fragment.stage.StagePlan;
import io.quiver.exec.type.RowSchema;
import io.quiver.planner.explain.RowEstimates;
import io.quiver.planner.recursive.RecursiveStep;
import java.util.List;

/**
 * The outcome of planning one SQL statement.
 *
 * @param kind what the statement is
 * @param stagePlan the stage DAG to run (QUERY and EXPLAIN_ANALYZE; for EXPLAIN the DAG explained)
 * @param resultSchema the result columns (QUERY and EXPLAIN_ANALYZE: the query's; EXPLAIN: one VARCHAR
 *     column "plan")
 * @param explainText for EXPLAIN: the logical plan, the physical plan and the stage DAG, as text
 * @param planningNanos time spent parsing, validating, optimizing and fragmenting
 * @param recursiveSteps the recursive common table expressions the driver runs, in order, before
 *     the stage plan (which reads their result tables); empty for most queries
 * @param rowEstimates the optimizer's row estimates of the stage plan's nodes (EXPLAIN, EXPLAIN_ANALYZE)
 * @param json true for EXPLAIN (FORMAT JSON): the plan as JSON rather than text
 */
public record PlannedStatement(Kind kind, StagePlan stagePlan, RowSchema resultSchema, String explainText,
    long planningNanos, List<RecursiveStep> recursiveSteps, RowEstimates rowEstimates, boolean json) {

  public PlannedStatement {
    recursiveSteps = recursiveSteps == null ? List.of() : List.copyOf(recursiveSteps);
    rowEstimates = rowEstimates == null ? RowEstimates.NONE : rowEstimates;
  }

  /** A statement without row estimates, in text. */
  public PlannedStatement(Kind kind, StagePlan stagePlan, RowSchema resultSchema, String explainText,
      long planningNanos, List<RecursiveStep> recursiveSteps) {
    this(kind, stagePlan, resultSchema, explainText, planningNanos, recursiveSteps, RowEstimates.NONE, false);
  }

  /** A statement without recursive steps. */
  public PlannedStatement(Kind kind, StagePlan stagePlan, RowSchema resultSchema, String explainText,
      long planningNanos) {
    this(kind, stagePlan, resultSchema, explainText, planningNanos, List.of());
  }

  public enum Kind {
    QUERY,
    EXPLAIN,
    /** Run the query, discard its rows and show what its stages, tasks and operators did. */
    EXPLAIN_ANALYZE
  }
}
