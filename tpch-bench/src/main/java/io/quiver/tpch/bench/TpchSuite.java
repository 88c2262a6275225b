package io.quiver.tpch.bench;

import io.quiver.engine.Session;
import io.quiver.tpch.DuckDbTpchLoader;
import io.quiver.tpch.ParquetLoader;
import io.quiver.tpch.ReferenceAnswers;
import io.quiver.tpch.ResultRows;
import io.quiver.tpch.TpchQueryText;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * TPC-H: 22 queries over the {@code tpch} catalog. DuckDB generates its rows with the same tpch
 * library (as fast as reading them from Quiver). From SF10 on the queries read the generating
 * catalog: SF10's memory tables alone would take about 16 GiB.
 */
public record TpchSuite() implements BenchSuite {

  @Override
  public String name() {
    return "tpch";
  }

  @Override
  public String title() {
    return "TPC-H";
  }

  @Override
  public int queryCount() {
    return TpchQueryText.QUERY_COUNT;
  }

  @Override
  public List<Double> scaleFactors() {
    return List.of(0.01, 1.0, 10.0);
  }

  @Override
  public String queryText(int number, double scaleFactor) {
    return TpchQueryText.load(number, scaleFactor);
  }

  @Override
  public Optional<ResultRows> referenceAnswer(double scaleFactor, int number) {
    return ReferenceAnswers.load("tpch", scaleFactor, number);
  }

  @Override
  public List<String> tables() {
    return ParquetLoader.tpchTables();
  }

  @Override
  public boolean readsGeneratedTables(double scaleFactor) {
    return scaleFactor >= 10;
  }

  @Override
  public void loadDuckDb(Connection duckDb, double scaleFactor, Session quiver) throws SQLException {
    DuckDbTpchLoader.loadAll(duckDb, "main", scaleFactor);
  }
}
