package io.quiver.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The interactive shell (sqlline over a scripted input) and its history; the progress line of -e runs. */
class QuiverShellTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String input, String... args) {
    Console console = new Console(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new QuiverCli().run(args, console);
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void historyPersistsAcrossRuns(@TempDir Path directory) throws Exception {
    Path history = directory.resolve("nested").resolve("history");
    assertEquals(0, run("SELECT 41 + 1 AS answer;\n!quit\n", "--no-progress", "--history", history.toString()),
        stderr());
    assertTrue(stdout().contains("42"), stdout());
    assertTrue(Files.readString(history).contains("SELECT 41 + 1 AS answer;"), Files.readString(history));
    out.reset();
    assertEquals(0, run("SELECT r_name FROM region WHERE r_regionkey = 2;\n!quit\n", "--no-progress",
        "--history=" + history));
    assertTrue(stdout().contains("ASIA"), stdout());
    String both = Files.readString(history);
    assertTrue(both.contains("SELECT 41 + 1 AS answer;") && both.contains("r_regionkey = 2;"), both);
  }

  @Test
  void historyGoesToTheHomeDirectoryByDefault(@TempDir Path home) throws Exception {
    String previous = System.getProperty("user.home");
    System.setProperty("user.home", home.toString());
    try {
      assertEquals(home.resolve(".quiver").resolve("history"), ShellCommand.historyFile(null));
      assertEquals(0, run("SELECT 7 AS seven;\n!quit\n", "--no-progress"), stderr());
      assertTrue(Files.readString(home.resolve(".quiver").resolve("history")).contains("SELECT 7 AS seven;"));
    } finally {
      System.setProperty("user.home", previous);
    }
    assertEquals(Path.of("x", "h"), ShellCommand.historyFile(Path.of("x", "h").toString()));
  }

  @Test
  void tablesColumnsAndDescribeWorkInTheShell(@TempDir Path directory) {
    // sqlline's metadata commands look in the current catalog: USE the TPC-H schema first.
    assertEquals(0, run("USE tpch.tiny;\n!tables\n!columns nation\n!describe region\n!quit\n", "--no-progress",
        "--history", directory.resolve("h").toString()), stderr());
    String text = stdout();
    assertTrue(text.contains("lineitem") && text.contains("n_regionkey") && text.contains("r_comment"), text);
  }

  /**
   * A forced progress line on stderr while a query of some seconds runs (TPC-H sf1 lineitem);
   * stdout stays the clean CSV.
   */
  @Test
  void forcedProgressGoesToStderrOnlyAndIsWiped() {
    assertEquals(0, run("", "--progress", "--format", "csv", "-e",
        "SELECT count(*) AS n FROM tpch.sf1.lineitem WHERE l_quantity > 0"), stderr());
    assertEquals("n\r\n6001215\r\n", stdout());
    String progress = stderr();
    assertTrue(progress.contains("[Stage ") && progress.contains(") / "), progress);
    assertTrue(progress.startsWith("\r"), progress);
    // The last thing written wipes the line: spaces between two carriage returns.
    String last = progress.substring(progress.lastIndexOf('\r', progress.length() - 2));
    assertTrue(last.matches("\r +\r"), last);
  }

  @Test
  void noProgressWithoutATerminalOrWhenTurnedOff() {
    // Tests run without a terminal: the default is off.
    assertEquals(0, run("", "--format", "csv", "-e", "SELECT count(*) AS n FROM tpch.sf1.orders"));
    assertEquals("n\r\n1500000\r\n", stdout());
    assertEquals("", stderr());
    out.reset();
    assertEquals(0, run("", "--no-progress", "--format", "csv", "-e", "SELECT count(*) AS n FROM tpch.sf1.orders"));
    assertEquals("", stderr());
  }

  @Test
  void theEmbeddedUiPrintsItsAddressAndAServerKeepsItsOwn() {
    assertEquals(0, run("", "--ui", "0", "--format", "csv", "-e", "SELECT 1 AS x"), stderr());
    assertTrue(stderr().matches("(?s).*Quiver web UI at http://127\\.0\\.0\\.1:\\d+/ui/.*"), stderr());
    assertEquals("x\r\n1\r\n", stdout());
    assertEquals(QuiverCli.USAGE, run("", "--ui", "--url", "jdbc:quiver://127.0.0.1:1", "-e", "SELECT 1"));
    assertTrue(stderr().contains("--ui"), stderr());
  }
}
