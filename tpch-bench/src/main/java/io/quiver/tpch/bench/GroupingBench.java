package io.quiver.tpch.bench;

import io.quiver.tpch.DuckDbReference;
import io.quiver.tpch.DuckDbTpchLoader;
import io.trino.tpch.TpchTable;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * {@code quiver bench grouping [--sf 1] [--runs 3] [--slots N]}: a ROLLUP over three columns of
 * lineitem and a query with three COUNT(DISTINCT ...), on Quiver (a memory table) and DuckDB (the
 * same generated rows, through its appender) in the same run. Prints each engine's median wall time
 * (submit to last row read) and whether the answers agree. A benchmark, not a test: nothing asserts
 * on time.
 */
final class GroupingBench {

  static final List<String> COLUMNS = List.of("l_orderkey", "l_partkey", "l_suppkey", "l_quantity",
      "l_extendedprice", "l_returnflag", "l_linestatus", "l_shipmode");

  static final List<String[]> QUERIES = List.of(
      new String[] {"rollup3", "SELECT l_returnflag, l_linestatus, l_shipmode, count(*), sum(l_quantity), "
          + "sum(l_extendedprice) FROM bench.lineitem GROUP BY ROLLUP(l_returnflag, l_linestatus, l_shipmode)"},
      new String[] {"distinct3", "SELECT count(DISTINCT l_orderkey), count(DISTINCT l_partkey), "
          + "count(DISTINCT l_suppkey) FROM bench.lineitem"});

  private GroupingBench() {
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
          err.println("quiver bench grouping: unknown option " + args[i]);
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
      out.printf("%-10s %12s %12s %8s  %s%n", "query", "Quiver ms", "DuckDB ms", "ratio", "same answer");
      for (String[] query : QUERIES) {
        String quiverSql = query[1].replace("bench.lineitem", "memory.bench.lineitem");
        List<String> quiverRows = BenchQueries.rows(quiver, quiverSql);
        List<String> duckRows = BenchQueries.rows(duckDb, query[1]);
        double quiverMs = BenchQueries.median(quiver, quiverSql, runs);
        double duckMs = BenchQueries.median(duckDb, query[1], runs);
        out.printf("%-10s %12.0f %12.0f %8.2f  %s%n", query[0], quiverMs, duckMs, quiverMs / duckMs,
            quiverRows.equals(duckRows) ? "yes" : "NO: " + quiverRows + " vs " + duckRows);
      }
      return 0;
    } catch (SQLException e) {
      err.println("quiver bench grouping: " + e.getMessage());
      return 1;
    }
  }
}
