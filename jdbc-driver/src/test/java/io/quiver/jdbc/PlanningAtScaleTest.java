package io.quiver.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Statements as BI tools send them: IN lists of 10,000 constants (numbers, text, dates) and NOT IN
 * plan and run as hash-set lookups; an expression of 1,000 terms plans; a statement still being
 * planned stops when it is cancelled or times out. Times are printed, never asserted.
 */
class PlanningAtScaleTest {

  private static Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:quiver:");
  }

  private static long count(Statement statement, String sql) throws SQLException {
    long start = System.nanoTime();
    try (ResultSet resultSet = statement.executeQuery(sql)) {
      assertTrue(resultSet.next());
      long count = resultSet.getLong(1);
      System.out.printf("%,d characters planned and run in %d ms%n", sql.length(),
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
      return count;
    }
  }

  @Test
  void inListsOfTenThousandConstantsPlanAndRun() throws SQLException {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      String numbers = IntStream.range(0, 10_000).mapToObj(i -> Integer.toString(i * 3)).collect(Collectors.joining(", "));
      assertEquals(count(statement, "SELECT count(*) FROM orders WHERE MOD(o_orderkey, 3) = 0 AND o_orderkey < 30000"),
          count(statement, "SELECT count(*) FROM orders WHERE o_orderkey IN (" + numbers + ")"));
      assertEquals(count(statement, "SELECT count(*) FROM orders WHERE NOT (MOD(o_orderkey, 3) = 0 AND o_orderkey < 30000)"),
          count(statement, "SELECT count(*) FROM orders WHERE o_orderkey NOT IN (" + numbers + ")"));

      String clerks = IntStream.range(0, 10_000).filter(i -> i % 2 == 0)
          .mapToObj(i -> String.format("'Clerk#%09d'", i)).collect(Collectors.joining(", "));
      assertEquals(count(statement, "SELECT count(*) FROM orders WHERE MOD(CAST(SUBSTRING(o_clerk FROM 7) AS INTEGER), 2) = 0"),
          count(statement, "SELECT count(*) FROM orders WHERE o_clerk IN (" + clerks + ")"));

      String dates = IntStream.range(0, 10_000).filter(i -> i % 7 == 0)
          .mapToObj(i -> "DATE '" + java.time.LocalDate.of(1992, 1, 1).plusDays(i) + "'")
          .collect(Collectors.joining(", "));
      assertEquals(count(statement, "SELECT count(*) FROM orders WHERE MOD(DATEDIFF(o_orderdate, DATE '1992-01-01'), 7) = 0"),
          count(statement, "SELECT count(*) FROM orders WHERE o_orderdate IN (" + dates + ")"));

      String equalities = IntStream.range(0, 2_000).mapToObj(i -> "o_custkey = " + i).collect(Collectors.joining(" OR "));
      assertEquals(count(statement, "SELECT count(*) FROM orders WHERE o_custkey < 2000"),
          count(statement, "SELECT count(*) FROM orders WHERE " + equalities));
    }
  }

  @Test
  void anInListWithNullFollowsSqlNullSemantics() throws SQLException {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      String list = IntStream.range(1, 100).mapToObj(Integer::toString).collect(Collectors.joining(", "));
      assertEquals(0, count(statement, "SELECT count(*) FROM nation WHERE n_nationkey NOT IN (" + list + ", NULL)"));
      assertEquals(24, count(statement, "SELECT count(*) FROM nation WHERE n_nationkey IN (" + list + ", NULL)"));
    }
  }

  @Test
  void anExpressionOfAThousandTermsPlans() throws SQLException {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      String sum = IntStream.range(0, 1_000).mapToObj(i -> "1").collect(Collectors.joining(" + "));
      assertEquals(1_000, count(statement, "SELECT " + sum));
      String nested = "n_nationkey" + " + 1".repeat(1_000);
      assertEquals(1_000, count(statement, "SELECT min(" + nested + ") FROM nation"));
    }
  }

  /** A union of many branches: seconds of rule firings, every one of them a point where planning stops. */
  private static String slowToPlan() {
    return "SELECT count(*) FROM (" + IntStream.range(0, 400)
        .mapToObj(i -> "SELECT n_nationkey FROM nation WHERE n_regionkey = " + (i % 5) + " AND n_nationkey > " + i)
        .collect(Collectors.joining(" UNION ALL ")) + ") t";
  }

  @Test
  void cancelStopsAStatementThatIsStillPlanned() throws Exception {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      CompletableFuture<SQLException> failure = CompletableFuture.supplyAsync(() -> {
        try (ResultSet ignored = statement.executeQuery(slowToPlan())) {
          return null;
        } catch (SQLException e) {
          return e;
        }
      });
      Thread.sleep(1_000);
      assertFalse(failure.isDone(), "the statement should still be planned after a second");
      long cancelled = System.nanoTime();
      statement.cancel();
      SQLException error = failure.get(60, TimeUnit.SECONDS);
      System.out.printf("planning stopped %d ms after the cancel%n",
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - cancelled));
      assertNotNull(error, "the cancelled statement succeeded");
      assertEquals("57014", error.getSQLState(), error.getMessage());
      // The connection is still good.
      assertEquals(25, count(statement, "SELECT count(*) FROM nation"));
    }
  }

  @Test
  void theQueryTimeoutStopsPlanning() throws Exception {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(1);
      long start = System.nanoTime();
      SQLException error = null;
      try (ResultSet ignored = statement.executeQuery(slowToPlan())) {
        // planned within the timeout on a fast machine: nothing to check
      } catch (SQLException e) {
        error = e;
      }
      System.out.printf("timed-out statement returned after %d ms%n",
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
      if (error != null) {
        assertEquals("57014", error.getSQLState(), error.getMessage());
      }
    }
  }
}
