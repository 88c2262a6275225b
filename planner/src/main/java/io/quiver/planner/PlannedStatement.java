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
 * @param stagePlan the stage DAG to run (for EXPLAIN the DAG explained)
 * @param resultSchema the result columns (QUERY: the query's; EXPLAIN: one VARCHAR column "plan")
 * @param explainText for EXPLAIN: the logical plan, the physical plan and the stage DAG, as text
 * @param planningNanos time spent parsing, validating, optimizing and fragmenting
 * @param recursiveSteps the recursive common table expressions the driver runs, in order, before
 *     the stage plan (which reads their result tables); empty for most queries
 * @param rowEstimates the optimizer's row estimates of the stage plan's nodes (for EXPLAIN and
 *     EXPLAIN ANALYZE, which the driver runs as a query)
 * @param tablesRead the tables and views the statement names itself (not those inside its views),
 *     by full name [catalog, schema, table]: what a view made of it depends on
 */
public record PlannedStatement(Kind kind, StagePlan stagePlan, RowSchema resultSchema, String explainText,
    long planningNanos, List<RecursiveStep> recursiveSteps, RowEstimates rowEstimates, List<List<String>> tablesRead) {

  public PlannedStatement {
    recursiveSteps = recursiveSteps == null ? List.of() : List.copyOf(recursiveSteps);
    rowEstimates = rowEstimates == null ? RowEstimates.NONE : rowEstimates;
    tablesRead = tablesRead == null ? List.of() : List.copyOf(tablesRead);
  }

  /** A statement without row estimates. */
  public PlannedStatement(Kind kind, StagePlan stagePlan, RowSchema resultSchema, String explainText,
      long planningNanos, List<RecursiveStep> recursiveSteps, List<List<String>> tablesRead) {
    this(kind, stagePlan, resultSchema, explainText, planningNanos, recursiveSteps, RowEstimates.NONE, tablesRead);
  }

  /** A statement without recursive steps whose tables are not known. */
  public PlannedStatement(Kind kind, StagePlan stagePlan, RowSchema resultSchema, String explainText,
      long planningNanos) {
    this(kind, stagePlan, resultSchema, explainText, planningNanos, List.of(), RowEstimates.NONE, List.of());
  }

  public enum Kind {
    QUERY,
    EXPLAIN
  }
}
