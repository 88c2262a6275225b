package io.quiver.engine.driver;

import io.quiver.planner.PlannedStatement;
import io.quiver.planner.PlannerSettings;
import io.quiver.planner.QueryPlanner;
import java.util.List;
import org.apache.calcite.schema.SchemaPlus;

/**
 * How the driver plans a statement: {@link QueryPlanner#plan} outside tests; tests may plan by hand.
 * Implementations are thread-safe.
 */
@FunctionalInterface
public interface StatementPlanner {

  PlannedStatement plan(String sql, List<String> defaultSchemaPath);

  /** Makes the planner of an engine from its catalog. */
  @FunctionalInterface
  interface Factory {

    /** The Calcite planner: {@link QueryPlanner}. */
    Factory QUERY_PLANNER = (rootSchema, settings) -> new QueryPlanner(rootSchema, settings)::plan;

    StatementPlanner create(SchemaPlus rootSchema, PlannerSettings settings);
  }
}
