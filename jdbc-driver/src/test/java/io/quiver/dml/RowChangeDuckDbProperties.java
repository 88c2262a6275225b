package io.quiver.dml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Any random sequence of INSERT, UPDATE, DELETE and MERGE on a memory table leaves the same rows as
 * the same sequence on DuckDB (2.0.0.1, test scope), each statement succeeding on both with the
 * same update count or failing on both.
 */
class RowChangeDuckDbProperties {

  @Provide
  Arbitrary<List<String>> statements() {
    Arbitrary<String> key = Arbitraries.integers().between(0, 5).map(k -> "CAST(" + k + " AS INTEGER)")
        .injectNull(0.15).map(k -> k == null ? "CAST(NULL AS INTEGER)" : k);
    Arbitrary<String> small = Arbitraries.integers().between(-3, 6).map(Object::toString);
    Arbitrary<String> row = Combinators.combine(key, key).as((a, b) -> "(" + a + ", " + b + ")");
    Arbitrary<String> rows = row.list().ofMinSize(1).ofMaxSize(4).map(list -> String.join(", ", list));
    Arbitrary<String> condition = Arbitraries.oneOf(
        small.map(c -> "k = " + c),
        small.map(c -> "v > " + c),
        small.map(c -> "k + v <= " + c),
        Arbitraries.just("v IS NULL"),
        Arbitraries.just("k IN (SELECT v FROM t)"),
        small.map(c -> "k < " + c + " OR v IS NULL"));
    Arbitrary<String> insert = rows.map(values -> "INSERT INTO t VALUES " + values);
    Arbitrary<String> update = Combinators.combine(
        Arbitraries.of("v = v + 1", "v = k", "k = v, v = k", "v = NULL", "k = k * 2", "v = (SELECT max(k) FROM t)"),
        condition.injectNull(0.2)).as((set, where) -> "UPDATE t SET " + set + (where == null ? "" : " WHERE " + where));
    Arbitrary<String> delete = condition.injectNull(0.1)
        .map(where -> "DELETE FROM t" + (where == null ? "" : " WHERE " + where));
    Arbitrary<String> matched = Arbitraries.of(
        "", " WHEN MATCHED THEN UPDATE SET v = s.v", " WHEN MATCHED THEN DELETE",
        " WHEN MATCHED AND s.v > 2 THEN DELETE WHEN MATCHED THEN UPDATE SET v = t.v + s.v",
        " WHEN MATCHED AND t.v IS NULL THEN UPDATE SET v = 0");
    Arbitrary<String> notMatched = Arbitraries.of(
        "", " WHEN NOT MATCHED THEN INSERT VALUES (s.k, s.v)", " WHEN NOT MATCHED AND s.v > 1 THEN INSERT (k) VALUES (s.k)");
    Arbitrary<String> merge = Combinators.combine(rows, matched, notMatched)
        .filter((values, m, n) -> !(m.isEmpty() && n.isEmpty()))
        .as((values, m, n) -> "MERGE INTO t USING (VALUES " + values + ") AS s(k, v) ON t.k = s.k" + m + n);
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, insert), net.jqwik.api.Tuple.of(3, update), net.jqwik.api.Tuple.of(2, delete),
        net.jqwik.api.Tuple.of(3, merge)).list();
  }

  @Property(tries = 25)
  void sameRowsAsDuckDb(@ForAll("statements") @Size(min = 1, max = 10) List<String> statements) throws SQLException {
    compare("CREATE TABLE t (k INTEGER, v INTEGER)", statements);
  }

  /**
   * The same over a table with NOT NULL, CHECK and DEFAULT: a statement that would store a NULL key,
   * a negative key or a v of 6 or more fails on both engines (and changes nothing on both); MERGE's
   * INSERT (k) takes v's DEFAULT, which the CHECK allows.
   */
  @Property(tries = 25)
  void sameRowsAsDuckDbWithConstraints(@ForAll("statements") @Size(min = 1, max = 10) List<String> statements)
      throws SQLException {
    compare("CREATE TABLE t (k INTEGER NOT NULL CHECK (k >= 0), v INTEGER DEFAULT 4, CHECK (v < 6))", statements);
  }

  private void compare(String createTable, List<String> statements) throws SQLException {
    try (Connection quiver = DriverManager.getConnection("jdbc:quiver:");
         Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
      try (Statement statement = quiver.createStatement()) {
        // The embedded engine is shared by the JVM's connections: a schema of this test's own.
        statement.execute("DROP SCHEMA IF EXISTS memory.dml_property CASCADE");
        statement.execute("CREATE SCHEMA memory.dml_property");
        statement.execute("USE memory.dml_property");
      }
      for (Connection connection : List.of(quiver, duck)) {
        try (Statement statement = connection.createStatement()) {
          statement.execute(createTable);
          statement.execute("INSERT INTO t VALUES (1, 1), (2, NULL), (3, 3)");
        }
      }
      List<String> trace = new ArrayList<>();
      for (String sql : statements) {
        Outcome q = run(quiver, sql);
        Outcome d = run(duck, sql);
        trace.add(sql + "  -- quiver " + q + ", duckdb " + d);
        net.jqwik.api.statistics.Statistics.collect(sql.substring(0, sql.indexOf(' ')), q.failed() ? "failed" : "ok");
        if (q.failed() != d.failed() || (!q.failed() && q.count() != d.count())) {
          fail("the engines disagree:\n" + String.join("\n", trace));
        }
      }
      assertEquals(rows(duck), rows(quiver), () -> "final rows differ after:\n" + String.join("\n", trace));
    }
  }

  /** A statement's update count, or its failure. */
  record Outcome(long count, String error) {
    boolean failed() {
      return error != null;
    }

    @Override
    public String toString() {
      return error != null ? "failed: " + error : count + " rows";
    }
  }

  private static Outcome run(Connection connection, String sql) {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
      return new Outcome(statement.getLargeUpdateCount(), null);
    } catch (SQLException e) {
      return new Outcome(-1, e.getSQLState() + " " + e.getMessage());
    }
  }

  private static List<String> rows(Connection connection) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement();
         ResultSet result = statement.executeQuery("SELECT k, v FROM t")) {
      while (result.next()) {
        rows.add(Objects.toString(result.getObject(1)) + "," + Objects.toString(result.getObject(2)));
      }
    }
    rows.sort(null);
    return rows;
  }
}
