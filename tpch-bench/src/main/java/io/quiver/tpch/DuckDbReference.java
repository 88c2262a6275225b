package io.quiver.tpch;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * An in-memory DuckDB set up to answer as Quiver's SQL semantics say where the two engines choose
 * differently and a query leaves the choice to the engine: without NULLS FIRST/LAST, an ORDER BY puts
 * NULLs last ascending and first descending (PostgreSQL's order, which Quiver follows; DuckDB's own
 * default is NULLs last both ways). Every comparison with DuckDB opens its connection here, so that
 * a query sorting NULL sums descending (TPC-DS q71 at SF1) is compared, not reported wrong.
 */
public final class DuckDbReference {

  private DuckDbReference() {
  }

  /** A new in-memory DuckDB with Quiver's NULL order. */
  public static Connection open() throws SQLException {
    Connection duckDb = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement statement = duckDb.createStatement()) {
      statement.execute("SET default_null_order = 'nulls_last_on_asc_first_on_desc'");
    } catch (SQLException e) {
      duckDb.close();
      throw e;
    }
    return duckDb;
  }
}
