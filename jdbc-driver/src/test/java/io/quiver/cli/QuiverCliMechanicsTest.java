package io.quiver.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.jdbc.QuiverDriver;
import io.quiver.jdbc.fake.FakeQuiver;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The command line's own behaviour over the fake engine: formats, errors, exit status, usage. */
class QuiverCliMechanicsTest {

  private final FakeQuiver engine = new FakeQuiver();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @AfterEach
  void closeEngine() {
    assertEquals(0, engine.openResults());
    engine.close();
  }

  private int run(String... args) {
    QuiverCli cli = new QuiverCli();
    cli.register(new ShellCommand((url, info) -> {
      Properties properties = new Properties();
      properties.putAll(info);
      String suffix = url.substring(QuiverDriver.CONNECT_STRING_PREFIX.length());
      for (String pair : suffix.split(";")) {
        String[] parts = pair.split("=", 2);
        properties.setProperty(parts[0], parts[1]);
      }
      return QuiverDriver.connect(engine, properties);
    }));
    Console console = new Console(new ByteArrayInputStream(new byte[0]),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return cli.run(args, console);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void csvHasAHeaderAndOneLinePerRow() {
    assertEquals(0, run("-e", "range 3 batch 2", "--format", "csv"));
    assertEquals("n\r\n0\r\n1\r\n2\r\n", out());
    assertEquals("", err());
  }

  @Test
  void csvWritesEveryTypeAndNullsAsEmptyFields() {
    assertEquals(0, run("--format=csv", "-e", "types"));
    String[] lines = out().split("\r\n");
    assertEquals("c_boolean,c_tinyint,c_smallint,c_integer,c_bigint,c_real,c_double,c_decimal,c_char,c_varchar,"
        + "c_date,c_time,c_timestamp", lines[0]);
    assertEquals("true,-7,300,123456,9000000000,1.5,2.25,1234.50,ab,héllo,1995-03-15,13:45:30.25,"
        + "1995-03-15 13:45:30.25", lines[1]);
    assertEquals(",,,,,,,,,,,,", lines[2]);
  }

  @Test
  void tableIsBoxedWithARowCount() {
    assertEquals(0, run("-e", "range 2 batch 2"));
    assertEquals(String.join(System.lineSeparator(),
        "+---+",
        "| n |",
        "+---+",
        "| 0 |",
        "| 1 |",
        "+---+",
        "(2 rows)", ""), out());
  }

  @Test
  void severalStatementsRunInOrderAndAFailureStopsWithItsSqlState() {
    assertEquals(1, run("--format", "csv", "-e", "range 1 batch 1; selec oops; range 2 batch 2"));
    assertEquals("n\r\n0\r\n", out(), "the statement after the failure does not run");
    assertEquals("ERROR 42601: Non-query expression encountered in illegal context (at line 1, column 1)"
        + System.lineSeparator(), err());
  }

  @Test
  void failureWhileFetchingIsReportedToo() {
    assertEquals(1, run("--format", "csv", "-e", "fail after 3"));
    assertTrue(err().startsWith("ERROR 22012: "), err());
  }

  @Test
  void unknownSchemaFailsBeforeAnyStatement() {
    assertEquals(1, run("--schema", "nope", "-e", "range 1 batch 1"));
    assertTrue(err().startsWith("ERROR 3F000: "), err());
  }

  @Test
  void statementWithoutRowsPrintsOk() {
    assertEquals(0, run("-e", "create table t (x int)"));
    assertEquals("OK" + System.lineSeparator(), out());
  }

  @Test
  void wrongUsageExitsWithStatusTwo() {
    assertEquals(QuiverCli.USAGE, run("--bogus"));
    assertTrue(err().contains("unknown option '--bogus'"), err());
    assertEquals(QuiverCli.USAGE, run("-e"));
    assertEquals(QuiverCli.USAGE, run("--format", "xml", "-e", "range 1 batch 1"));
    assertEquals(QuiverCli.USAGE, run("frobnicate"));
    assertEquals(QuiverCli.USAGE, run("server"));
    assertTrue(err().contains("--users FILE is required"), err());
    for (String[] admission : new String[][] {{"--max-queries", "-1"}, {"--queue-timeout", "soon"},
        {"--query-memory", "lots"}, {"--user-memory", "-2g"}, {"--max-queries-per-user"}}) {
      List<String> args = new java.util.ArrayList<>(List.of("server", "--users", "users.txt"));
      args.addAll(List.of(admission));
      assertEquals(QuiverCli.USAGE, run(args.toArray(String[]::new)), String.join(" ", admission));
      assertTrue(err().contains(admission[0]), err());
    }
    assertEquals(QuiverCli.USAGE, run("bench"));
    assertTrue(err().contains("quiver bench: run it through the quiver script"), err());
    assertEquals(QuiverCli.USAGE, run("executor"));
    assertTrue(err().contains("--driver HOST:PORT is required"), err());
  }

  @Test
  void helpListsTheSubcommands() {
    assertEquals(0, run("--help"));
    for (String name : List.of("shell", "server", "bench", "executor", "passwd")) {
      assertTrue(out().contains("  " + name), out());
    }
  }

  @Test
  void splitterKeepsSemicolonsInsideLiteralsAndComments() {
    assertEquals(List.of("select 'a;b'", "select \"x;y\" -- c;d\nfrom t", "select 2 /* ; */"),
        StatementSplitter.split("select 'a;b'; select \"x;y\" -- c;d\nfrom t;; select 2 /* ; */ ; -- end;"));
  }
}
