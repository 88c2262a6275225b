package io.quiver.engine.driver;

import io.quiver.planner.PlannedStatement;
import io.quiver.planner.PlannerSettings;
import io.quiver.planner.QueryPlanner;
import java.util.List;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.sql.SqlNode;

/**
 * How the driver plans a parsed query: {@link QueryPlanner#plan(SqlNode, boolean, List)} outside
 * tests; tests may plan by hand. Implementations are thread-safe.
 */
@FunctionalInterface
public interface StatementPlanner {

  /**
   * Plans a query as the parser read it. The validator rewrites the nodes it validates: plan each
   * parse once.
   *
   * @param explain true for EXPLAIN: the plans as text instead of a plan to run
   * @param schemaPaths where unqualified names resolve, in order ([catalog, schema], [catalog], [])
   */
  PlannedStatement plan(SqlNode query, boolean explain, List<List<String>> schemaPaths);

  /** Makes the planner of an engine from its catalog. */
  @FunctionalInterface
  interface Factory {

    /** The Calcite planner: {@link QueryPlanner}. */
    Factory QUERY_PLANNER = (rootSchema, settings) -> new QueryPlanner(rootSchema, settings)::plan;

    StatementPlanner create(SchemaPlus rootSchema, PlannerSettings settings);
  }
}
