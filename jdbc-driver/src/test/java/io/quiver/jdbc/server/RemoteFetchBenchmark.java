package io.quiver.jdbc.server;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * How fast a big result comes through each driver (not a test: it prints timings): 1,000,000 rows of
 * 4 columns (BIGINT, BIGINT, DECIMAL, DATE) of TPC-H SF1 lineitem, every value read with
 * {@code getObject}, through the embedded driver, the thin driver and the stock Avatica driver
 * against a server on loopback in the same JVM, at several fetch sizes. Run from the worktree's root:
 *
 * <pre>
 * ./mvnw -q -B -o -pl jdbc-driver -am package -DskipTests
 * java -Xmx4g --add-opens=java.base/java.nio=ALL-UNNAMED \
 *   -cp "jdbc-driver/target/test-classes:jdbc-driver/target/classes:$(cat jdbc-driver/target/classpath.txt)" \
 *   io.quiver.jdbc.server.RemoteFetchBenchmark [runs [fetch sizes of the thin driver, comma-separated]]
 * </pre>
 *
 * Each configuration runs once to warm up, then {@code runs} times (default 3); the median is
 * printed with the ratio to the embedded driver's median at its default fetch size. The stock
 * driver runs at its default fetch size and at the thin driver's.
 */
public final class RemoteFetchBenchmark {

  static final String QUERY = "SELECT l_orderkey, l_partkey, l_extendedprice, l_shipdate FROM tpch.sf1.lineitem"
      + " LIMIT 1000000";

  private RemoteFetchBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    String sizes = args.length > 1 ? args[1] : "-1,100,500,1000,2000,5000,20000";
    try (ServerFixture fixture = new ServerFixture()) {
      double embedded = report(fixture, "embedded", -1, runs, 0);
      for (String size : sizes.split(",")) {
        report(fixture, "thin", Integer.parseInt(size.strip()), runs, embedded);
      }
      report(fixture, "avatica", -1, runs, embedded);
      report(fixture, "avatica", 1000, runs, embedded);
    }
  }

  /** Prints and returns the median seconds of a driver at a fetch size (-1: the driver's default). */
  private static double report(ServerFixture fixture, String kind, int fetchSize, int runs, double baseline)
      throws SQLException {
    List<Double> seconds = new ArrayList<>();
    int defaultFetchSize = 0;
    for (int run = -1; run < runs; run++) {
      try (Connection connection = fixture.connect(kind); Statement statement = connection.createStatement()) {
        defaultFetchSize = statement.getFetchSize();
        if (fetchSize >= 0) {
          statement.setFetchSize(fetchSize);
        }
        long started = System.nanoTime();
        long rows = 0;
        try (ResultSet rs = statement.executeQuery(QUERY)) {
          while (rs.next()) {
            for (int i = 1; i <= 4; i++) {
              rs.getObject(i);
            }
            rows++;
          }
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        if (rows != 1_000_000) {
          throw new IllegalStateException(kind + " returned " + rows + " rows");
        }
        if (run >= 0) {
          seconds.add(elapsed);
        }
      }
    }
    Collections.sort(seconds);
    double median = seconds.get(seconds.size() / 2);
    System.out.printf(Locale.ROOT, "%-9s fetch size %-22s median %6.2f s%s  (runs %s)%n", kind,
        fetchSize < 0 ? "default (" + defaultFetchSize + ")" : String.valueOf(fetchSize), median,
        baseline > 0 ? String.format(Locale.ROOT, "  %.2fx embedded", median / baseline) : "", seconds);
    return median;
  }
}
