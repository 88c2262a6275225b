package io.quiver.tpch.bench;

/**
 * One query's measurements.
 *
 * @param number the TPC-H query number, 1 to 22
 * @param quiver Quiver's runs
 * @param duckDb DuckDB's runs; null without {@code --compare duckdb}
 */
public record QueryMeasurement(int number, EngineTiming quiver, EngineTiming duckDb) {

  /** Quiver's median over DuckDB's; NaN unless both ran. */
  public double ratio() {
    if (duckDb == null || !quiver.ran() || !duckDb.ran()) {
      return Double.NaN;
    }
    return quiver.medianMillis() / duckDb.medianMillis();
  }
}
