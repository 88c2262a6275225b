package io.quiver.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.engine.Quiver;
import io.quiver.engine.QuiverConfig;
import io.quiver.jdbc.server.PasswordHash;
import io.quiver.jdbc.server.QuiverServer;
import io.quiver.jdbc.server.UserFile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code quiver -e ... --url} against a real server, and {@code quiver passwd}. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuiverCliServerTest {

  private Quiver engine;
  private QuiverServer server;
  private ByteArrayOutputStream out;
  private ByteArrayOutputStream err;

  @BeforeAll
  void start() throws Exception {
    engine = Quiver.local(QuiverConfig.defaults().withSlots(1).withShufflePartitions(2));
    server = QuiverServer.start(engine, QuiverServer.Options.loopback(0, UserFile.parse(
        List.of(UserFile.line("dana", PasswordHash.create("dana-pw".toCharArray(), 1000))), "test users")));
  }

  @AfterAll
  void stop() throws Exception {
    server.close();
    engine.close();
  }

  @BeforeEach
  void clear() {
    out = new ByteArrayOutputStream();
    err = new ByteArrayOutputStream();
  }

  private int run(String stdin, String... args) {
    Console console = new Console(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new QuiverCli().run(args, console);
  }

  @Test
  void scriptAgainstTheServerWithTheThinDriver() {
    int status = run("", "--url", "jdbc:quiver://127.0.0.1:" + server.port(), "--user", "dana", "--password",
        "dana-pw", "--schema", "tpch.sf1", "--format", "csv", "-e",
        "SELECT count(*) AS regions FROM region; SELECT count(*) AS customers FROM customer");
    assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
    assertEquals("regions\r\n5\r\ncustomers\r\n150000\r\n", out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void scriptAgainstTheServerWithTheStockDriver() {
    int status = run("", "--url", "jdbc:avatica:remote:url=" + server.url()
            + ";serialization=protobuf;authentication=BASIC;avatica_user=dana;avatica_password=dana-pw",
        "--schema", "tpch.tiny", "--format", "csv", "-e", "SELECT n_name FROM nation WHERE n_nationkey = 7");
    assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
    assertEquals("n_name\r\nGERMANY\r\n", out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void theProgressLineFollowsTheServersStages() {
    // sf1's orders take seconds to generate on one slot: long enough for the line to show
    int status = run("", "--url", "jdbc:quiver://127.0.0.1:" + server.port(), "--user", "dana", "--password",
        "dana-pw", "--progress", "--format", "csv", "-e",
        "SELECT o_orderstatus, count(*) AS n FROM tpch.sf1.orders GROUP BY o_orderstatus ORDER BY 1");
    assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
    assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("o_orderstatus,n\r\nF,"), out.toString(StandardCharsets.UTF_8));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("[Stage 0:"), "a bar on stderr: "
        + err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void wrongPasswordFailsWithSqlState28000() {
    int status = run("", "--url", "jdbc:quiver://127.0.0.1:" + server.port(), "--user", "dana", "--password",
        "nope", "-e", "SELECT 1");
    assertEquals(1, status);
    assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("ERROR 28000:"), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void passwdPrintsALineTheServerAccepts() {
    assertEquals(0, run("s3cret\n", "passwd", "erin", "--iterations", "2000"));
    String line = out.toString(StandardCharsets.UTF_8).strip();
    assertTrue(line.startsWith("erin:pbkdf2-sha256:2000:"), line);
    UserFile users = UserFile.parse(List.of(line), "printed");
    assertEquals(1, users.size());
    clear();
    assertEquals(1, run("", "passwd", "erin"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("no password"));
    assertEquals(QuiverCli.USAGE, run("x\n", "passwd", "bad:name"));
    assertEquals(QuiverCli.USAGE, run("x\n", "passwd"));
    assertEquals(QuiverCli.USAGE, run("x\n", "passwd", "erin", "--iterations", "0"));
  }

  /** The interactive shell (sqlline) over the server, fed a script on stdin: thin and stock URLs. */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"thin", "stock"})
  void scriptedSqllineSessionAgainstTheServer(String kind, @org.junit.jupiter.api.io.TempDir java.nio.file.Path home)
      throws Exception {
    String url = kind.equals("thin") ? "jdbc:quiver://127.0.0.1:" + server.port()
        : "jdbc:avatica:remote:url=" + server.url() + ";serialization=protobuf;authentication=BASIC"
            + ";avatica_user=dana;avatica_password=dana-pw";
    java.nio.file.Path history = home.resolve("history");
    int status = run("USE tpch.tiny;\n!tables\n!columns region\nSELECT count(*) AS customers FROM tpch.sf1.customer;\n"
        + "!quit\n",
        "--url", url, "--user", "dana", "--password", "dana-pw", "--history", history.toString());
    String text = out.toString(StandardCharsets.UTF_8);
    assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
    assertTrue(text.contains("lineitem") && text.contains("r_comment") && text.contains("150000"), text);
    assertTrue(java.nio.file.Files.readString(history).contains("tpch.sf1.customer"));
  }
}
