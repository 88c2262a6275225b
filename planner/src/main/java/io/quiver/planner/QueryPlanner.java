package io.quiver.planner;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import java.util.List;
import org.apache.calcite.schema.SchemaPlus;

/**
 * Plans SQL: parse, validate against the catalog, logical rewrites, cost-based physical planning in
 * the Quiver convention, and fragmenting into a stage DAG. Thread-safe; one per engine.
 * (Placeholder until the planner lands.)
 */
public final class QueryPlanner {

  /**
   * @param rootSchema the catalog: catalogs are sub-schemas of the root, schemas are theirs, and
   *     connector tables are {@link io.quiver.sql.catalog.ConnectorTable}s
   */
  public QueryPlanner(SchemaPlus rootSchema, PlannerSettings settings) {
  }

  /**
   * Plans one statement.
   *
   * @param sql the statement text
   * @param defaultSchemaPath where unqualified table names resolve, for example [tpch, tiny]
   * @throws QuiverException SYNTAX_ERROR, TABLE_NOT_FOUND, COLUMN_NOT_FOUND, ... with line and column
   */
  public PlannedStatement plan(String sql, List<String> defaultSchemaPath) {
    throw new QuiverException(ErrorCode.NOT_SUPPORTED, "planner not built yet");
  }
}
