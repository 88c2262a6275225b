package io.quiver.tpch.bench;

import io.quiver.engine.Session;
import io.quiver.tpch.ReferenceAnswers;
import io.quiver.tpch.ResultRows;
import io.quiver.tpcds.QuiverToDuckDb;
import io.quiver.tpcds.TpcdsQueryText;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * TPC-DS: 99 queries over the {@code tpcds} catalog's 24 tables. DuckDB gets Quiver's rows copied
 * ({@link QuiverToDuckDb}) rather than generated again: the tpcds generator makes some 10,000 to
 * 40,000 rows a second, so SF1's 19 million rows take minutes. From SF10 on the queries read the
 * generating catalog.
 */
public record TpcdsSuite() implements BenchSuite {

  /** The 24 tables. */
  public static final List<String> TABLES = List.of("call_center", "catalog_page", "catalog_returns",
      "catalog_sales", "customer", "customer_address", "customer_demographics", "date_dim", "household_demographics",
      "income_band", "inventory", "item", "promotion", "reason", "ship_mode", "store", "store_returns", "store_sales",
      "time_dim", "warehouse", "web_page", "web_returns", "web_sales", "web_site");

  @Override
  public String name() {
    return "tpcds";
  }

  @Override
  public String title() {
    return "TPC-DS";
  }

  @Override
  public int queryCount() {
    return TpcdsQueryText.QUERY_COUNT;
  }

  @Override
  public List<Double> scaleFactors() {
    return List.of(0.01, 1.0, 10.0);
  }

  @Override
  public String queryText(int number, double scaleFactor) {
    return TpcdsQueryText.load(number);
  }

  @Override
  public String duckDbQueryText(int number, double scaleFactor) {
    return TpcdsQueryText.loadForDuckDb(number);
  }

  @Override
  public Optional<ResultRows> referenceAnswer(double scaleFactor, int number) {
    return ReferenceAnswers.load("tpcds", scaleFactor, number);
  }

  @Override
  public List<String> tables() {
    return TABLES;
  }

  @Override
  public boolean readsGeneratedTables(double scaleFactor) {
    return scaleFactor >= 10;
  }

  @Override
  public void loadDuckDb(Connection duckDb, double scaleFactor, Session quiver) throws SQLException {
    for (String table : TABLES) {
      QuiverToDuckDb.copy(quiver, table, duckDb, "main." + table);
    }
  }
}
