package io.quiver.tpch;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.trino.tpch.TpchTable;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.AssertionFailedError;

/**
 * TPC-H answers of Quiver checked against DuckDB over the same data: DuckDB gets what
 * {@code io.trino.tpch} generates (loaded by {@link DuckDbTpchLoader}), Quiver reads its own
 * {@code tpch} catalog, which generates the same rows. Every row and value is compared as
 * {@link AnswerComparison} says (exact decimals exactly, doubles within 1e-9 relative).
 *
 * <p>At {@code tpch.tiny} all 22 queries run; at {@code tpch.sf1} Q1 and Q6, for which DuckDB
 * gets only the seven lineitem columns they read ({@code -Dquiver.tpch.sf1=false} leaves the sf1
 * comparison out). Without a driver for {@code jdbc:quiver:} on the class path, or while its
 * engine is a placeholder ("not built yet"), the DuckDB side still runs (so the query texts are
 * checked) and the comparison is skipped.
 */
class TpchAnswerTest {

  private static final String QUIVER_URL = "jdbc:quiver:";

  /** The columns of lineitem that Q1 and Q6 read. */
  private static final Set<String> Q1_Q6_COLUMNS = Set.of("l_quantity", "l_extendedprice", "l_discount",
      "l_tax", "l_returnflag", "l_linestatus", "l_shipdate");

  private static Connection duckDbTiny;

  @AfterAll
  static void closeDuckDb() throws SQLException {
    if (duckDbTiny != null) {
      duckDbTiny.close();
      duckDbTiny = null;
    }
  }

  @TestFactory
  Stream<DynamicTest> tinyAnswersMatchDuckDb() {
    return IntStream.rangeClosed(1, TpchQueryText.QUERY_COUNT).mapToObj(number ->
        DynamicTest.dynamicTest(TpchQueryText.fileName(number) + " tpch.tiny", () -> {
          String sql = TpchQueryText.load(number);
          ResultRows expected = ResultRows.query(duckDbTiny(), sql);
          assertFalse(expected.rows().isEmpty() && number != 15, "DuckDB returned no rows for " + TpchQueryText.fileName(number));
          assumeQuiverDriver();
          ResultRows actual;
          try (Connection quiver = quiver("tpch.tiny")) {
            actual = ResultRows.query(quiver, sql);
          }
          assertSameAnswer(TpchQueryText.fileName(number) + " at tpch.tiny", sql, expected, actual);
        }));
  }

  @Test
  void sf1Q1AndQ6MatchDuckDb() throws Exception {
    Assumptions.assumeTrue(Boolean.parseBoolean(System.getProperty("quiver.tpch.sf1", "true")),
        "the sf1 comparison is turned off (-Dquiver.tpch.sf1=false)");
    assumeQuiverDriver();
    int[] queries = {1, 6};
    // DuckDB loads and answers in the background while Quiver answers from its own generator.
    ExecutorService background = Executors.newSingleThreadExecutor();
    try {
      Future<List<ResultRows>> duckDbAnswers = background.submit(() -> {
        try (Connection duckDb = DriverManager.getConnection("jdbc:duckdb:")) {
          DuckDbTpchLoader.load(duckDb, "main", 1.0, TpchTable.LINE_ITEM, Q1_Q6_COLUMNS);
          List<ResultRows> answers = new ArrayList<>();
          for (int number : queries) {
            answers.add(ResultRows.query(duckDb, TpchQueryText.load(number)));
          }
          return answers;
        }
      });
      List<ResultRows> quiverAnswers = new ArrayList<>();
      try (Connection quiver = quiver("tpch.sf1")) {
        for (int number : queries) {
          quiverAnswers.add(ResultRows.query(quiver, TpchQueryText.load(number)));
        }
      }
      List<ResultRows> expected = duckDbAnswers.get();
      List<String> failures = new ArrayList<>();
      for (int i = 0; i < queries.length; i++) {
        try {
          assertSameAnswer(TpchQueryText.fileName(queries[i]) + " at tpch.sf1", TpchQueryText.load(queries[i]),
              expected.get(i), quiverAnswers.get(i));
        } catch (AssertionFailedError e) {
          failures.add(e.getMessage());
        }
      }
      if (!failures.isEmpty()) {
        throw new AssertionFailedError(String.join("\n\n", failures));
      }
    } finally {
      background.shutdownNow();
    }
  }

  private static void assertSameAnswer(String what, String sql, ResultRows expected, ResultRows actual) {
    List<String> differences = AnswerComparison.differences(expected, actual);
    if (!differences.isEmpty()) {
      throw new AssertionFailedError(what + ": Quiver's answer differs from DuckDB's\n"
          + String.join("\n", differences.subList(0, Math.min(20, differences.size())))
          + (differences.size() > 20 ? "\n... " + (differences.size() - 20) + " more" : "")
          + "\n" + sql);
    }
  }

  private static synchronized Connection duckDbTiny() throws SQLException {
    if (duckDbTiny == null) {
      Connection connection = DriverManager.getConnection("jdbc:duckdb:");
      DuckDbTpchLoader.loadAll(connection, "main", 0.01);
      duckDbTiny = connection;
    }
    return duckDbTiny;
  }

  private static Connection quiver(String schema) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("schema", schema);
    return DriverManager.getConnection(QUIVER_URL, properties);
  }

  /**
   * Skips (does not fail) while there is no driver for jdbc:quiver:, or while the engine behind it
   * is still a placeholder that answers "not built yet".
   */
  private static void assumeQuiverDriver() {
    try {
      DriverManager.getDriver(QUIVER_URL);
    } catch (SQLException e) {
      Assumptions.abort("no JDBC driver for " + QUIVER_URL + " on the class path yet");
    }
    try (Connection connection = DriverManager.getConnection(QUIVER_URL);
         java.sql.Statement statement = connection.createStatement();
         java.sql.ResultSet resultSet = statement.executeQuery("SELECT 1")) {
      while (resultSet.next()) {
        resultSet.getObject(1);
      }
    } catch (SQLException e) {
      if (String.valueOf(e.getMessage()).contains("not built yet")) {
        Assumptions.abort("the engine is still a placeholder: " + e.getMessage());
      }
    }
  }
}
