package io.quiver.tpch.soak;

import io.quiver.tpch.AnswerComparison;
import io.quiver.tpch.ReferenceAnswers;
import io.quiver.tpch.ResultRows;
import io.quiver.tpch.TpchQueryText;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One soak client: a JDBC connection (one session on the server) that, until told to stop, runs a
 * random mix of checked TPC-H queries, DDL/DML cycles on memory tables whose contents it checks,
 * and long queries it cancels. Anything unexpected counts against it in {@link SoakCounters}; a
 * connection that fails is a failed session, and the client opens a new one.
 */
final class SoakClient implements Runnable {

  /** A query long enough to be cancelled (TPC-H Q1 over sf1 rows generated as they are read). */
  private static final String LONG_QUERY = TpchQueryText.load(1, 1).replace("lineitem", "tpch.sf1.lineitem");

  private final int number;
  private final Supplier<Connection> connections;
  private final SoakCounters counters;
  private final Random random;
  private volatile boolean stopped;
  private int tables;

  SoakClient(int number, Supplier<Connection> connections, SoakCounters counters, long seed) {
    this.number = number;
    this.connections = connections;
    this.counters = counters;
    this.random = new Random(seed);
  }

  void stop() {
    stopped = true;
  }

  @Override
  public void run() {
    Connection connection = null;
    while (!stopped) {
      try {
        if (connection == null) {
          connection = connections.get();
        }
        int dice = random.nextInt(100);
        if (dice < 55) {
          tpchQuery(connection);
        } else if (dice < 80) {
          tableCycle(connection);
        } else {
          cancelledQuery(connection);
        }
      } catch (SQLException | RuntimeException e) {
        counters.failedSession("client " + number, e);
        close(connection);
        connection = null;
      }
    }
    close(connection);
  }

  private void tpchQuery(Connection connection) throws SQLException {
    int query = 1 + random.nextInt(TpchQueryText.QUERY_COUNT);
    ResultRows expected = ReferenceAnswers.load(0.01, query).orElseThrow();
    long start = System.nanoTime();
    ResultRows actual = ResultRows.query(connection, TpchQueryText.load(query, 0.01));
    counters.tpch(System.nanoTime() - start);
    List<String> differences = AnswerComparison.differences(expected, actual);
    if (!differences.isEmpty()) {
      counters.wrongAnswer("client " + number + " Q" + query + ": " + differences.get(0));
    }
  }

  /** CREATE TABLE AS, INSERT, a checked count and sum, DROP: on a table of its own. */
  private void tableCycle(Connection connection) throws SQLException {
    String table = "memory.soak.c" + number + "_t" + (tables++);
    int first = random.nextInt(7);
    int second = (first + 1 + random.nextInt(6)) % 7;
    try (Statement statement = connection.createStatement()) {
      statement.executeUpdate("CREATE TABLE " + table + " AS SELECT o_orderkey, o_totalprice FROM tpch.tiny.orders "
          + "WHERE o_orderkey % 7 = " + first);
      statement.executeUpdate("INSERT INTO " + table + " SELECT o_orderkey, o_totalprice FROM tpch.tiny.orders "
          + "WHERE o_orderkey % 7 = " + second);
      ResultRows stored = ResultRows.query(connection, "SELECT count(*), sum(o_totalprice) FROM " + table);
      ResultRows expected = ResultRows.query(connection, "SELECT count(*), sum(o_totalprice) FROM tpch.tiny.orders "
          + "WHERE o_orderkey % 7 IN (" + first + ", " + second + ")");
      List<String> differences = AnswerComparison.differences(expected, stored);
      if (!differences.isEmpty()) {
        counters.wrongAnswer("client " + number + " " + table + ": " + differences.get(0));
      }
      statement.executeUpdate("DROP TABLE " + table);
    }
    counters.tableCycle();
  }

  /** A long query cancelled after a moment; then the session must still answer. */
  private void cancelledQuery(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      CompletableFuture<Void> cancel = CompletableFuture.runAsync(() -> {
        try {
          Thread.sleep(50 + random.nextInt(450));
          statement.cancel();
        } catch (InterruptedException | SQLException e) {
          throw new IllegalStateException(e);
        }
      });
      try (ResultSet result = statement.executeQuery(LONG_QUERY)) {
        while (result.next()) {
          // it finished before the cancel came: fine
        }
        counters.cancel(false);
      } catch (SQLException e) {
        if (!"57014".equals(e.getSQLState())) {
          throw e;
        }
        counters.cancel(true);
      }
      try {
        cancel.get(60, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new IllegalStateException("the cancel did not go through", e);
      }
    }
    try (Statement statement = connection.createStatement();
         ResultSet result = statement.executeQuery("SELECT count(*) FROM tpch.tiny.nation")) {
      if (!result.next() || result.getLong(1) != 25) {
        counters.wrongAnswer("client " + number + ": the session answered wrongly after a cancel");
      }
    }
  }

  private static void close(Connection connection) {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        // gone either way
      }
    }
  }
}
