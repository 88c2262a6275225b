package io.quiver.tpch.bench;

import io.quiver.tpch.DuckDbReference;
import io.quiver.tpch.DuckDbTpchLoader;
import io.trino.tpch.TpchTable;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * {@code quiver bench window [--sf 1] [--runs 3] [--slots N]}: window functions over lineitem on
 * Quiver (a memory table) and DuckDB (the same generated rows, through its appender) in the same
 * run: ROW_NUMBER per supplier by price, a 7-row moving average per supplier by ship date, and a
 * running and a 7-row sliding standard deviation (computed through the aggregate's accumulator).
 * Each is wrapped in an aggregate so the result is one row. Prints each engine's median wall time
 * (submit to last row read) and whether the answers agree (numbers within a relative 1e-6: AVG of a
 * DECIMAL is a DECIMAL in Quiver and a DOUBLE in DuckDB). A benchmark, not a test: nothing asserts
 * on time.
 */
final class WindowBench {

  static final List<String> COLUMNS = List.of("l_orderkey", "l_linenumber", "l_suppkey", "l_extendedprice",
      "l_shipdate");

  /** Ties in the ORDER BY keys are broken by the line's key so that ROWS frames have one answer. */
  private static final String BY_DATE = "PARTITION BY l_suppkey ORDER BY l_shipdate, l_orderkey, l_linenumber";

  static final List<String[]> QUERIES = List.of(
      new String[] {"row_number", "SELECT count(*), sum(r) FROM (SELECT ROW_NUMBER() OVER (PARTITION BY l_suppkey"
          + " ORDER BY l_extendedprice DESC) AS r FROM bench.lineitem) AS w"},
      new String[] {"moving_avg7", "SELECT count(*), sum(a) FROM (SELECT AVG(l_extendedprice) OVER (" + BY_DATE
          + " ROWS BETWEEN 6 PRECEDING AND CURRENT ROW) AS a FROM bench.lineitem) AS w"},
      new String[] {"running_stddev", "SELECT count(s), sum(s) FROM (SELECT stddev_samp(l_extendedprice) OVER ("
          + BY_DATE + " ROWS UNBOUNDED PRECEDING) AS s FROM bench.lineitem) AS w"},
      new String[] {"sliding_stddev7", "SELECT count(s), sum(s) FROM (SELECT stddev_samp(l_extendedprice) OVER ("
          + BY_DATE + " ROWS BETWEEN 6 PRECEDING AND CURRENT ROW) AS s FROM bench.lineitem) AS w"});

  private WindowBench() {
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    String sf = "1";
    int runs = 3;
    int slots = Runtime.getRuntime().availableProcessors();
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--sf" -> sf = args[i + 1];
        case "--runs" -> runs = Integer.parseInt(args[i + 1]);
        case "--slots" -> slots = Integer.parseInt(args[i + 1]);
        default -> {
          err.println("quiver bench window: unknown option " + args[i]);
          return TpchBenchMain.USAGE;
        }
      }
    }
    String schema = sf.equals("0.01") ? "tiny" : "sf" + sf;
    double scaleFactor = sf.equals("0.01") ? 0.01 : Double.parseDouble(sf);
    try (Connection quiver = DriverManager.getConnection("jdbc:quiver:slots=" + slots);
        Connection duckDb = DuckDbReference.open()) {
      long start = System.nanoTime();
      BenchQueries.execute(quiver, "CREATE SCHEMA IF NOT EXISTS memory.bench");
      BenchQueries.execute(quiver, "DROP TABLE IF EXISTS memory.bench.lineitem");
      BenchQueries.execute(quiver, "CREATE TABLE memory.bench.lineitem AS SELECT " + String.join(", ", COLUMNS)
          + " FROM tpch." + schema + ".lineitem");
      out.printf("load: Quiver %.1f s", (System.nanoTime() - start) / 1e9);
      start = System.nanoTime();
      BenchQueries.execute(duckDb, "SET threads = " + slots);
      DuckDbTpchLoader.load(duckDb, "bench", scaleFactor, TpchTable.LINE_ITEM, Set.copyOf(COLUMNS));
      out.printf(", DuckDB %.1f s (lineitem SF%s, %d slots/threads)%n", (System.nanoTime() - start) / 1e9, sf, slots);
      out.printf("%-16s %12s %12s %8s  %s%n", "query", "Quiver ms", "DuckDB ms", "ratio", "same answer");
      for (String[] query : QUERIES) {
        String quiverSql = query[1].replace("bench.lineitem", "memory.bench.lineitem");
        List<String> quiverRows = BenchQueries.rows(quiver, quiverSql);
        List<String> duckRows = BenchQueries.rows(duckDb, query[1]);
        double quiverMs = BenchQueries.median(quiver, quiverSql, runs);
        double duckMs = BenchQueries.median(duckDb, query[1], runs);
        out.printf("%-16s %12.0f %12.0f %8.2f  %s%n", query[0], quiverMs, duckMs, quiverMs / duckMs,
            close(quiverRows, duckRows) ? "yes" : "NO: " + quiverRows + " vs " + duckRows);
      }
      return 0;
    } catch (SQLException e) {
      err.println("quiver bench window: " + e.getMessage());
      return 1;
    }
  }

  /** Whether two answers ({@link BenchQueries#rows}) have the same values, numbers within a relative 1e-6. */
  private static boolean close(List<String> left, List<String> right) {
    if (left.size() != right.size()) {
      return false;
    }
    for (int r = 0; r < left.size(); r++) {
      String[] a = left.get(r).split("\\|");
      String[] b = right.get(r).split("\\|");
      if (a.length != b.length) {
        return false;
      }
      for (int i = 0; i < a.length; i++) {
        if (a[i].equals(b[i])) {
          continue;
        }
        try {
          BigDecimal x = new BigDecimal(a[i]);
          BigDecimal y = new BigDecimal(b[i]);
          BigDecimal tolerance = x.abs().max(BigDecimal.ONE).multiply(new BigDecimal("1e-6"));
          if (x.subtract(y).abs().compareTo(tolerance) > 0) {
            return false;
          }
        } catch (NumberFormatException e) {
          return false;
        }
      }
    }
    return true;
  }
}
