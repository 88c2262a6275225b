package io.quiver.jdbc.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.engine.QueryResult;
import io.quiver.engine.QuiverConfig;
import io.quiver.engine.Session;
import io.quiver.engine.driver.LocalQuiver;
import io.quiver.exec.error.QuiverException;
import io.quiver.jdbc.QuiverDriver;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Temporary tables belong to the session that made them, whoever runs it (engine sessions,
 * embedded JDBC connections, server sessions of users without any grant): other sessions never
 * see them, and the session's end (close, or the server expiring an idle connection) drops them and
 * frees their memory.
 */
class TemporaryTablesServerTest {

  @TempDir
  Path data;

  private LocalQuiver engine;
  private QuiverServer server;

  @BeforeEach
  void start() {
    engine = new LocalQuiver(QuiverConfig.defaults().withSlots(2).withShufflePartitions(2)
        .withDataDirectories(List.of(data)));
  }

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
    engine.close();
  }

  private void startServer(Duration idleTimeout) throws Exception {
    UserFile users = UserFile.parse(List.of(
        UserFile.line("root", PasswordHash.create("root-pw".toCharArray(), 1000)) + " role=admin",
        UserFile.line("alice", PasswordHash.create("alice-pw".toCharArray(), 1000)),
        UserFile.line("bob", PasswordHash.create("bob-pw".toCharArray(), 1000))), "users");
    server = QuiverServer.start(engine, new QuiverServer.Options(QuiverServer.DEFAULT_BIND, 0, users, null, null,
        false, idleTimeout));
  }

  private Connection remote(String user) throws SQLException {
    Properties info = new Properties();
    info.setProperty("user", user);
    info.setProperty("password", user + "-pw");
    return new QuiverDriver().connect("jdbc:quiver://127.0.0.1:" + server.port(), info);
  }

  private static void run(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static List<String> column(Connection connection, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }

  private static String sqlState(Connection connection, String sql) {
    return assertThrows(SQLException.class, () -> column(connection, sql), sql).getSQLState();
  }

  /** Waits (a bounded while) until the engine holds no more memory than {@code bytes}. */
  private void awaitAllocated(long bytes) throws InterruptedException {
    for (int i = 0; i < 600 && engine.allocatedBytes() > bytes; i++) {
      Thread.sleep(50);
    }
    assertEquals(bytes, engine.allocatedBytes(), "memory the dropped temporary tables held");
  }

  private static final String TEMPORARY_SCHEMAS = "SELECT table_schema || '.' || table_name FROM "
      + "information_schema.tables WHERE table_schema LIKE 'pg\\_temp\\_%' ESCAPE '\\' ORDER BY 1";

  @Test
  void serverUsersWithoutGrantsHaveTheirOwnTemporaryTables() throws Exception {
    startServer(QuiverServer.DEFAULT_IDLE_TIMEOUT);
    long before = engine.allocatedBytes();
    try (Connection alice = remote("alice"); Connection bob = remote("bob")) {
      run(alice, "CREATE TEMP TABLE t (id INTEGER PRIMARY KEY, v VARCHAR)");
      run(alice, "INSERT INTO t SELECT n_nationkey, n_name FROM tpch.tiny.nation");
      run(alice, "CREATE TEMPORARY VIEW v AS SELECT count(*) AS c FROM t");
      assertEquals(List.of("25"), column(alice, "SELECT c FROM v"));
      List<String> aliceSees = column(alice, TEMPORARY_SCHEMAS);
      assertEquals(2, aliceSees.size(), aliceSees.toString());
      String schema = aliceSees.get(0).substring(0, aliceSees.get(0).indexOf('.'));

      // Bob sees none of it, by any name.
      assertEquals("42P01", sqlState(bob, "SELECT * FROM t"));
      assertEquals("42P01", sqlState(bob, "SELECT * FROM v"));
      assertTrue(sqlState(bob, "SELECT * FROM memory." + schema + ".t").startsWith("42P01")
          || sqlState(bob, "SELECT * FROM memory." + schema + ".t").equals("3F000"));
      assertEquals("3F000", sqlState(bob, "INSERT INTO memory." + schema + ".t VALUES (99, 'x')"));
      assertEquals("3F000", sqlState(bob, "DROP TABLE memory." + schema + ".t"));
      assertEquals("3F000", sqlState(bob, "CREATE TABLE memory." + schema + ".mine (a INTEGER)"));
      assertEquals(List.of(), column(bob, TEMPORARY_SCHEMAS));
      assertEquals(List.of(), column(bob, "SELECT schema_name FROM information_schema.schemata WHERE schema_name = '"
          + schema + "'"));

      // Bob's own temporary t, beside Alice's.
      run(bob, "CREATE TEMP TABLE t AS SELECT r_name AS v FROM tpch.tiny.region");
      assertEquals(List.of("5"), column(bob, "SELECT count(*) FROM t"));
      assertEquals(List.of("25"), column(alice, "SELECT count(*) FROM t"));
      run(bob, "UPDATE t SET v = 'x'");
      assertEquals(List.of("25"), column(alice, "SELECT count(DISTINCT v) FROM t"));
    }
    awaitAllocated(before);
    try (Connection root = remote("root")) {
      assertEquals(List.of(), column(root, TEMPORARY_SCHEMAS));
      assertEquals(List.of(), column(root, "SELECT schema_name FROM information_schema.schemata "
          + "WHERE schema_name LIKE 'pg\\_temp%' ESCAPE '\\'"));
    }
  }

  @Test
  void anExpiredServerSessionDropsItsTemporaryTables() throws Exception {
    startServer(Duration.ofMillis(500));
    long before = engine.allocatedBytes();
    Connection alice = remote("alice");
    try {
      run(alice, "CREATE TEMP TABLE t AS SELECT * FROM tpch.tiny.orders");
      assertTrue(engine.allocatedBytes() > before);
      awaitAllocated(before);
    } finally {
      try {
        alice.close();
      } catch (SQLException e) {
        // the server closed it already
      }
    }
  }

  @Test
  void embeddedConnectionsAndSessionsSeeOnlyTheirOwn() throws Exception {
    long baseline;
    try (Connection setup = QuiverDriver.connect(engine, new Properties())) {
      run(setup, "CREATE TABLE shared (a INTEGER)");
      run(setup, "INSERT INTO shared VALUES (1)");
      baseline = engine.allocatedBytes();
    }
    try (Connection first = QuiverDriver.connect(engine, new Properties());
        Connection second = QuiverDriver.connect(engine, new Properties());
        Session session = engine.openSession()) {
      run(first, "CREATE TEMP TABLE shared (a INTEGER)");
      run(first, "INSERT INTO shared VALUES (2), (3)");
      assertEquals(List.of("2", "3"), column(first, "SELECT a FROM shared ORDER BY a"));
      assertEquals(List.of("1"), column(second, "SELECT a FROM shared"));
      assertEquals(1, rowCount(session, "SELECT a FROM shared"));
      session.execute("CREATE TEMP TABLE shared AS SELECT * FROM tpch.tiny.nation").close();
      assertEquals(25, rowCount(session, "SELECT * FROM shared"));
      assertEquals(List.of("2", "3"), column(first, "SELECT a FROM shared ORDER BY a"));
      QuiverException error = assertThrows(QuiverException.class,
          () -> session.execute("CREATE TEMP TABLE memory.default.x (a INTEGER)").close());
      assertTrue(error.getMessage().contains("named schema"), error.getMessage());
      first.close();
      assertEquals(List.of("1"), column(second, "SELECT a FROM shared"));
      assertEquals(25, rowCount(session, "SELECT * FROM shared"));
    }
    awaitAllocated(baseline);
    try (Connection check = QuiverDriver.connect(engine, new Properties())) {
      assertEquals(List.of("1"), column(check, "SELECT a FROM shared"));
      run(check, "DROP TABLE shared");
      assertEquals("42P01", sqlState(check, "SELECT a FROM shared"));
    }
  }

  private static int rowCount(Session session, String sql) {
    int rows = 0;
    try (QueryResult result = session.execute(sql)) {
      while (result.loadNextBatch()) {
        rows += result.root().getRowCount();
      }
    }
    return rows;
  }
}
