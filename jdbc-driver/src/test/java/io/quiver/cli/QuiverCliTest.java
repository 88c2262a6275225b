package io.quiver.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** {@code quiver -e} in-process against the real embedded engine, as the script runs it. */
class QuiverCliTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    Console console = new Console(new ByteArrayInputStream(new byte[0]),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new QuiverCli().run(args, console);
  }

  private static void assumeQueriesRun() throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:quiver:");
         Statement statement = connection.createStatement();
         ResultSet rs = statement.executeQuery("SELECT 1")) {
      rs.next();
    } catch (SQLException e) {
      assumeTrue(!String.valueOf(e.getMessage()).contains("not built yet"), "the engine cannot plan queries yet");
    }
  }

  @Test
  void csvOfAQuery() throws SQLException {
    assumeQueriesRun();
    int status = run("--format", "csv", "-e",
        "SELECT n_nationkey, n_name FROM nation WHERE n_nationkey < 3 ORDER BY n_nationkey");
    assertEquals("", err.toString(StandardCharsets.UTF_8));
    assertEquals(0, status);
    assertEquals("n_nationkey,n_name\r\n0,ALGERIA\r\n1,ARGENTINA\r\n2,BRAZIL\r\n", out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void schemaOptionAndTwoStatements() throws SQLException {
    assumeQueriesRun();
    int status = run("--schema", "tpch.sf1", "--format=csv", "-e",
        "SELECT count(*) AS regions FROM region; SELECT count(*) AS nations FROM nation");
    assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
    assertEquals("regions\r\n5\r\nnations\r\n25\r\n", out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void tableOfAQuery() throws SQLException {
    assumeQueriesRun();
    assertEquals(0, run("-e", "SELECT r_regionkey, r_name FROM region WHERE r_regionkey = 1"));
    String n = System.lineSeparator();
    assertEquals("+-------------+---------+" + n
        + "| r_regionkey | r_name  |" + n
        + "+-------------+---------+" + n
        + "|           1 | AMERICA |" + n
        + "+-------------+---------+" + n
        + "(1 row)" + n, out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void failingStatementExitsNonZeroWithItsSqlState() throws SQLException {
    assumeQueriesRun();
    int status = run("--format", "csv", "-e", "SELECT count(*) FROM region; SELECT * FROM no_such_table");
    assertEquals(1, status);
    assertEquals("count\r\n5\r\n".replace("count", firstLine()), out.toString(StandardCharsets.UTF_8));
    String error = err.toString(StandardCharsets.UTF_8);
    assertTrue(error.startsWith("ERROR 42P01: "), error);
    assertTrue(error.contains("no_such_table"), error);
  }

  private String firstLine() {
    String text = out.toString(StandardCharsets.UTF_8);
    return text.substring(0, text.indexOf('\r'));
  }

  @Test
  void unknownSchemaExitsNonZero() {
    assertEquals(1, run("--schema", "tpch.sf3", "-e", "SELECT 1"));
    assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("ERROR 3F000: "), err.toString(StandardCharsets.UTF_8));
  }
}
