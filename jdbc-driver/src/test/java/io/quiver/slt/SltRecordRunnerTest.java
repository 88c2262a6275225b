package io.quiver.slt;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The runner itself, checked against DuckDB (an independent JDBC driver) so it works before Quiver does. */
class SltRecordRunnerTest {

  private static Connection connection;
  private final SltRecordRunner runner = new SltRecordRunner(true);

  @BeforeAll
  static void connect() throws SQLException {
    connection = DriverManager.getConnection("jdbc:duckdb:");
  }

  @AfterAll
  static void disconnect() throws SQLException {
    connection.close();
  }

  @Test
  void passesMatchingResults() {
    run("""
        query ITNRBD
        SELECT 1, 'a b', 1.50, 2.0::DOUBLE, true, DATE '1995-03-15'
        ----
        1\ta b\t1.50\t2.000\ttrue\t1995-03-15
        """);
  }

  @Test
  void rendersNullAndTheEmptyString() {
    run("""
        query TI
        SELECT '', NULL::INTEGER
        ----
        (empty) NULL
        """);
  }

  @Test
  void failsOnAWrongValueAndShowsBothSides() {
    AssertionFailedError error = assertThrows(AssertionFailedError.class, () -> run("""
        query I
        SELECT 2
        ----
        3
        """));
    assertTrue(error.getMessage().startsWith("t.slt:1: wrong result"), error.getMessage());
    assertTrue(error.getMessage().contains("---- expected\n3\n---- actual\n2"), error.getMessage());
  }

  @Test
  void failsOnMissingAndExtraRows() {
    assertThrows(AssertionFailedError.class, () -> run("query I\nSELECT 1 UNION ALL SELECT 2\n----\n1\n"));
    assertThrows(AssertionFailedError.class, () -> run("query I\nSELECT 1\n----\n1\n1\n"));
    assertThrows(AssertionFailedError.class, () -> run("query I\nSELECT 1\n"));
  }

  @Test
  void failsOnAWrongColumnCountOrType() {
    AssertionFailedError count = assertThrows(AssertionFailedError.class, () -> run("query II\nSELECT 1\n"));
    assertTrue(count.getMessage().contains("expected 2 column(s)"), count.getMessage());
    AssertionFailedError type = assertThrows(AssertionFailedError.class, () -> run("query I\nSELECT 'x'\n----\nx\n"));
    assertTrue(type.getMessage().contains("not 'I'"), type.getMessage());
    assertDoesNotThrow(() -> new SltRecordRunner(false).run(SltParser.parse("t.slt", "query I\nSELECT 'x'\n----\nx\n").get(0), connection));
  }

  @Test
  void theQuestionMarkAcceptsAnyType() {
    run("query ???\nSELECT 1, 'x', 2.5::DOUBLE\n----\n1 x 2.5\n");
  }

  @Test
  void nosortComparesInOrder() {
    run("query I\nSELECT x FROM (VALUES (2), (1)) t(x) ORDER BY x\n----\n1\n2\n");
    assertThrows(AssertionFailedError.class,
        () -> run("query I\nSELECT x FROM (VALUES (2), (1)) t(x) ORDER BY x\n----\n2\n1\n"));
  }

  @Test
  void rowsortIgnoresRowOrderButNotRowContents() {
    run("query IT rowsort\nSELECT * FROM (VALUES (2, 'b'), (1, 'a')) t(x, y)\n----\n1 a\n2 b\n");
    assertThrows(AssertionFailedError.class,
        () -> run("query IT rowsort\nSELECT * FROM (VALUES (2, 'b'), (1, 'a')) t(x, y)\n----\n1 b\n2 a\n"));
  }

  @Test
  void valuesortIgnoresRowBoundaries() {
    run("query IT valuesort\nSELECT * FROM (VALUES (2, 'b'), (1, 'a')) t(x, y)\n----\n1 b\n2 a\n");
  }

  @Test
  void statementOkFailsOnAnError() {
    AssertionFailedError error = assertThrows(AssertionFailedError.class, () -> run("statement ok\nSELEC 1\n"));
    assertTrue(error.getMessage().contains("expected the statement to succeed"), error.getMessage());
  }

  @Test
  void statementErrorMatchesTheMessage() {
    run("statement error (?i)syntax error\nSELEC 1\n");
    run("statement error\nSELEC 1\n");
    AssertionFailedError wrongMessage = assertThrows(AssertionFailedError.class,
        () -> run("statement error division by zero\nSELEC 1\n"));
    assertTrue(wrongMessage.getMessage().contains("expected an error message matching"), wrongMessage.getMessage());
  }

  @Test
  void statementErrorFailsWhenTheStatementSucceeds() {
    AssertionFailedError error = assertThrows(AssertionFailedError.class, () -> run("statement error\nSELECT 1\n"));
    assertTrue(error.getMessage().contains("expected an error, but the statement succeeded"), error.getMessage());
  }

  @Test
  void statementErrorSeesErrorsRaisedWhileRowsAreRead() {
    // DuckDB raises a conversion error while producing rows, after the statement started.
    run("statement error (?i)conversion\nSELECT CAST(s AS INTEGER) FROM (VALUES ('1'), ('x')) t(s)\n");
  }

  @Test
  void statementErrorChecksTheSqlState() {
    // DuckDB reports no SQLState, so any expected SQLState fails.
    AssertionFailedError error = assertThrows(AssertionFailedError.class, () -> run("statement error SQLSTATE 42601\nSELEC 1\n"));
    assertTrue(error.getMessage().contains("expected SQLState 42601"), error.getMessage());
  }

  @Test
  void sqlStatesMatchExactlyOrByPrefix() {
    assertTrue(SltRecordRunner.sqlStateMatches("22012", "22012"));
    assertTrue(SltRecordRunner.sqlStateMatches("42", "42P01"));
    assertTrue(!SltRecordRunner.sqlStateMatches("22012", "22003"));
    assertTrue(!SltRecordRunner.sqlStateMatches("42", "22003"));
    assertTrue(!SltRecordRunner.sqlStateMatches("42", null));
  }

  @Test
  void rendersDecimalsAtTheColumnScale() {
    assertEquals("1.50", SltValueRenderer.renderDecimal(new BigDecimal("1.5"), 2));
    assertEquals("1.50", SltValueRenderer.renderDecimal(new BigDecimal("1.50"), 2));
    assertEquals("100", SltValueRenderer.renderDecimal(new BigDecimal("1E+2"), 0));
    // A value with more digits than the column's scale is shown as it is, not rounded away.
    assertEquals("1.505", SltValueRenderer.renderDecimal(new BigDecimal("1.505"), 2));
  }

  @Test
  void rendersDoublesInRColumnsWithThreeDecimals() {
    assertEquals("0.333", SltValueRenderer.renderDouble(1.0 / 3, 'R'));
    assertEquals("-1.500", SltValueRenderer.renderDouble(-1.5, 'R'));
    assertEquals("Infinity", SltValueRenderer.renderDouble(Double.POSITIVE_INFINITY, 'R'));
    assertEquals("NaN", SltValueRenderer.renderDouble(Double.NaN, 'R'));
    assertEquals("0.5", SltValueRenderer.renderDouble(0.5, '?'));
  }

  @Test
  void formatsRowsWithTabsOnlyWhenNeeded() {
    assertEquals("1 a\n2\tb c", SltRecordRunner.format(List.of(List.of("1", "a"), List.of("2", "b c"))));
  }

  private void run(String text) {
    List<SltRecord> records = SltParser.parse("t.slt", text);
    assertEquals(1, records.size());
    runner.run(records.get(0), connection);
  }
}
