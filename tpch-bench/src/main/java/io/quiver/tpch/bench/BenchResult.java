package io.quiver.tpch.bench;

import java.time.Instant;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * What one run of the benchmark measured.
 *
 * @param started when the run started
 * @param quiverLoadMillis loading every table into Quiver's memory catalog
 * @param quiverTableBytes the bytes Quiver's memory tables hold once loaded
 * @param duckDbLoadMillis loading every table into DuckDB; NaN without the comparison
 * @param duckDbVersion DuckDB's version; null without the comparison
 * @param peakHeapBytes the most Java heap in use, sampled through the whole run (both engines)
 * @param peakQuiverBytes the peak of Quiver's Arrow root allocator (memory tables and queries)
 * @param cores processors available to the JVM
 * @param spilledBytes bytes of shuffle output Quiver spilled to disk over the whole run
 * @param spilledOutputs map outputs that spilled
 */
public record BenchResult(BenchOptions options, Instant started, double quiverLoadMillis, long quiverTableBytes,
    double duckDbLoadMillis, String duckDbVersion, List<QueryMeasurement> queries, long peakHeapBytes,
    long peakQuiverBytes, int cores, long spilledBytes, long spilledOutputs) {

  public BenchResult {
    queries = List.copyOf(queries);
  }

  /** True when every query's answer was checked and correct. */
  public boolean allCorrect() {
    return queries.stream().allMatch(query -> query.quiver().outcome() == QueryOutcome.CORRECT);
  }

  public long correctCount() {
    return queries.stream().filter(query -> query.quiver().outcome() == QueryOutcome.CORRECT).count();
  }

  /** Geometric mean of Quiver's medians over the queries that ran. */
  public double quiverGeomean() {
    return geomean(query -> query.quiver().ran() ? query.quiver().medianMillis() : Double.NaN);
  }

  public double quiverTotal() {
    return total(query -> query.quiver().ran() ? query.quiver().medianMillis() : Double.NaN);
  }

  public double duckDbGeomean() {
    return geomean(query -> query.duckDb() != null && query.duckDb().ran() ? query.duckDb().medianMillis() : Double.NaN);
  }

  public double duckDbTotal() {
    return total(query -> query.duckDb() != null && query.duckDb().ran() ? query.duckDb().medianMillis() : Double.NaN);
  }

  /** Geometric mean of the ratios Quiver/DuckDB over the queries both ran. */
  public double ratioGeomean() {
    return geomean(QueryMeasurement::ratio);
  }

  /** The compared query with the highest Quiver/DuckDB ratio, if any query ran on both. */
  public java.util.Optional<QueryMeasurement> worstRatio() {
    return queries.stream().filter(query -> !Double.isNaN(query.ratio()))
        .max(java.util.Comparator.comparingDouble(QueryMeasurement::ratio));
  }

  /** Number of queries that count in {@link #ratioGeomean()}. */
  public long comparedCount() {
    return queries.stream().filter(query -> !Double.isNaN(query.ratio())).count();
  }

  private double geomean(ToDoubleFunction<QueryMeasurement> value) {
    double logSum = 0;
    int count = 0;
    for (QueryMeasurement query : queries) {
      double v = value.applyAsDouble(query);
      if (!Double.isNaN(v)) {
        // A query faster than the clock's resolution counts as 0.001 ms, not as zero.
        logSum += Math.log(Math.max(v, 0.001));
        count++;
      }
    }
    return count == 0 ? Double.NaN : Math.exp(logSum / count);
  }

  private double total(ToDoubleFunction<QueryMeasurement> value) {
    double sum = 0;
    int count = 0;
    for (QueryMeasurement query : queries) {
      double v = value.applyAsDouble(query);
      if (!Double.isNaN(v)) {
        sum += v;
        count++;
      }
    }
    return count == 0 ? Double.NaN : sum;
  }
}
