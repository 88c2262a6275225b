package io.quiver.tpch.bench;

import io.quiver.engine.QueryResult;
import io.quiver.engine.QuiverConfig;
import io.quiver.engine.Session;
import io.quiver.engine.driver.LocalQuiver;
import io.quiver.tpch.DuckDbTpchLoader;
import io.quiver.tpch.ResultRows;
import io.trino.tpch.TpchTable;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Window functions on Quiver and DuckDB over the same TPC-H SF1 lineitem, in one process (not a
 * test: it prints timings). Run from the worktree's root:
 *
 * <pre>
 * ./mvnw -q -B -o -pl tpch-bench -am test-compile
 * java -Xmx8g --add-opens=java.base/java.nio=ALL-UNNAMED \
 *   -cp "tpch-bench/target/test-classes:tpch-bench/target/classes:$(cat tpch-bench/target/classpath.txt)" \
 *   io.quiver.tpch.bench.WindowBenchmark [runs]
 * </pre>
 *
 * Each query runs once to warm up, then {@code runs} times (default 3); the median is printed. The
 * sliding-frame series shows that a frame of n PRECEDING rows costs about the same for every n.
 */
public final class WindowBenchmark {

  private static final List<String[]> QUERIES = List.of(
      new String[] {"row_number by supplier",
          "SELECT count(*), sum(rn) FROM (SELECT ROW_NUMBER() OVER (PARTITION BY l_suppkey ORDER BY l_extendedprice"
              + " DESC) AS rn FROM lineitem) AS w"},
      new String[] {"top 3 per supplier",
          "SELECT count(*), sum(l_extendedprice) FROM (SELECT l_extendedprice, ROW_NUMBER() OVER (PARTITION BY"
              + " l_suppkey ORDER BY l_extendedprice DESC) AS rn FROM lineitem) AS w WHERE rn <= 3"},
      new String[] {"7-row moving average",
          "SELECT count(*), sum(ma) FROM (SELECT AVG(l_extendedprice) OVER (ORDER BY l_orderkey, l_linenumber ROWS"
              + " BETWEEN 6 PRECEDING AND CURRENT ROW) AS ma FROM lineitem) AS w"},
      new String[] {"7-row moving average by supplier",
          "SELECT count(*), sum(ma) FROM (SELECT AVG(l_extendedprice) OVER (PARTITION BY l_suppkey ORDER BY"
              + " l_orderkey, l_linenumber ROWS BETWEEN 6 PRECEDING AND CURRENT ROW) AS ma FROM lineitem) AS w"});

  private WindowBenchmark() {
  }

  public static void main(String[] args) throws SQLException {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    int slots = Runtime.getRuntime().availableProcessors();
    QuiverConfig defaults = QuiverConfig.defaults();
    QuiverConfig config = new QuiverConfig(slots, 2 * slots, defaults.batchSize(), defaults.memoryLimitBytes());
    try (LocalQuiver quiver = new LocalQuiver(config);
         Session session = quiver.openSession();
         Connection duckDb = DriverManager.getConnection("jdbc:duckdb:")) {
      long start = System.nanoTime();
      execute(session, "CREATE SCHEMA memory.wb");
      execute(session, "CREATE TABLE memory.wb.lineitem AS SELECT l_orderkey, l_linenumber, l_suppkey,"
          + " l_extendedprice FROM tpch.sf1.lineitem");
      execute(session, "CREATE TABLE memory.wb.series AS SELECT o_orderkey AS t, o_totalprice AS x FROM"
          + " tpch.sf1.orders WHERE o_orderkey < 4000000");
      session.setSchema("memory.wb");
      System.out.printf(Locale.ROOT, "Quiver: loaded in %.1f s (%d slots)%n", (System.nanoTime() - start) / 1e9, slots);
      start = System.nanoTime();
      try (Statement statement = duckDb.createStatement()) {
        statement.execute("SET threads = " + slots);
      }
      DuckDbTpchLoader.load(duckDb, "wb", 1, TpchTable.LINE_ITEM,
          Set.of("l_orderkey", "l_linenumber", "l_suppkey", "l_extendedprice"));
      try (Statement statement = duckDb.createStatement()) {
        statement.execute("USE wb");
      }
      DuckDbTpchLoader.load(duckDb, "wb", 1, TpchTable.ORDERS, Set.of("o_orderkey", "o_totalprice"));
      try (Statement statement = duckDb.createStatement()) {
        statement.execute("CREATE TABLE wb.series AS SELECT o_orderkey AS t, o_totalprice AS x FROM wb.orders"
            + " WHERE o_orderkey < 4000000");
      }
      System.out.printf(Locale.ROOT, "DuckDB: loaded in %.1f s (threads=%d)%n", (System.nanoTime() - start) / 1e9,
          slots);
      System.out.println(ResultRows.query(duckDb, "SELECT count(*) FROM series").rows() + " rows in series");

      System.out.printf(Locale.ROOT, "%-36s %12s %12s %8s%n", "query (SF1 lineitem, 6M rows)", "quiver ms",
          "duckdb ms", "ratio");
      for (String[] query : QUERIES) {
        report(query[0], session, duckDb, query[1], runs);
      }
      System.out.printf(Locale.ROOT, "%n%-36s %12s %12s %8s%n", "sliding frame over 1M rows", "quiver ms",
          "duckdb ms", "ratio");
      for (int preceding : List.of(10, 100, 1000, 10_000, 100_000)) {
        String frame = "(ORDER BY t ROWS BETWEEN " + preceding + " PRECEDING AND CURRENT ROW)";
        report("SUM, " + preceding + " preceding", session, duckDb,
            "SELECT count(*), sum(s) FROM (SELECT SUM(x) OVER " + frame + " AS s FROM series) AS w", runs);
        report("MIN, " + preceding + " preceding", session, duckDb,
            "SELECT count(*), sum(m) FROM (SELECT MIN(x) OVER " + frame + " AS m FROM series) AS w", runs);
      }
    }
  }

  private static void report(String name, Session session, Connection duckDb, String sql, int runs)
      throws SQLException {
    List<Double> quiverTimes = new ArrayList<>();
    List<Double> duckDbTimes = new ArrayList<>();
    String quiverAnswer = null;
    String duckDbAnswer = null;
    for (int run = 0; run <= runs; run++) {
      long start = System.nanoTime();
      try (QueryResult result = session.execute(sql)) {
        quiverAnswer = ResultRows.read(result).rows().toString();
      }
      double quiverMs = (System.nanoTime() - start) / 1e6;
      start = System.nanoTime();
      duckDbAnswer = ResultRows.query(duckDb, sql).rows().toString();
      double duckDbMs = (System.nanoTime() - start) / 1e6;
      if (run > 0) {
        quiverTimes.add(quiverMs);
        duckDbTimes.add(duckDbMs);
      }
    }
    double quiver = median(quiverTimes);
    double duck = median(duckDbTimes);
    System.out.printf(Locale.ROOT, "%-36s %12.1f %12.1f %8.2f   quiver %s duckdb %s%n", name, quiver, duck,
        quiver / duck, quiverAnswer, duckDbAnswer);
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  private static void execute(Session session, String sql) {
    try (QueryResult result = session.execute(sql)) {
      ResultRows.read(result);
    }
  }
}
