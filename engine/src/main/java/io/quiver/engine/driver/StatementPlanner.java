package io.quiver.engine.driver;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.planner.ParameterTypes;
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

  /**
   * The types of a parsed query's {@code ?} markers ({@link QueryPlanner#parameterTypes}); a planner
   * that cannot tell throws NOT_SUPPORTED.
   */
  default ParameterTypes parameterTypes(SqlNode query, List<List<String>> schemaPaths) {
    throw new QuiverException(ErrorCode.NOT_SUPPORTED, "this planner cannot type parameters");
  }

  /** Makes the planner of an engine from its catalog. */
  @FunctionalInterface
  interface Factory {

    /** The Calcite planner: {@link QueryPlanner}. */
    Factory QUERY_PLANNER = (rootSchema, settings) -> {
      QueryPlanner planner = new QueryPlanner(rootSchema, settings);
      return new StatementPlanner() {
        @Override
        public PlannedStatement plan(SqlNode query, boolean explain, List<List<String>> schemaPaths) {
          return planner.plan(query, explain, schemaPaths);
        }

        @Override
        public ParameterTypes parameterTypes(SqlNode query, List<List<String>> schemaPaths) {
          return planner.parameterTypes(query, schemaPaths);
        }
      };
    };

    StatementPlanner create(SchemaPlus rootSchema, PlannerSettings settings);
  }
}
