package io.quiver.jdbc.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.engine.QuiverConfig;
import io.quiver.engine.driver.LocalQuiver;
import io.quiver.jdbc.QuiverDriver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Authorization through a real server on loopback: what an unprivileged user is refused (42501
 * naming the object and the privilege) and what it may see in JDBC metadata, information_schema and
 * system.runtime; GRANT and REVOKE; views read with their owner's rights; roles; who may grant; and
 * grants that survive a restart.
 */
class AuthorizationServerTest {

  @TempDir
  Path data;

  private LocalQuiver engine;
  private QuiverServer server;

  private static final List<String> USER_LINES = lines();

  private static List<String> lines() {
    return List.of(
        UserFile.line("root", PasswordHash.create("root-pw".toCharArray(), 1000)) + " role=admin",
        UserFile.line("alice", PasswordHash.create("alice-pw".toCharArray(), 1000)),
        UserFile.line("bob", PasswordHash.create("bob-pw".toCharArray(), 1000)),
        UserFile.line("carol", PasswordHash.create("carol-pw".toCharArray(), 1000)) + " role=analyst");
  }

  @BeforeEach
  void start() throws Exception {
    startServer();
  }

  private void startServer() throws Exception {
    engine = new LocalQuiver(QuiverConfig.defaults().withSlots(2).withShufflePartitions(2)
        .withDataDirectories(List.of(data)));
    server = QuiverServer.start(engine, QuiverServer.Options.loopback(0, UserFile.parse(USER_LINES, "users")));
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
    engine.close();
  }

  private Connection connect(String user) throws SQLException {
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

  /** Every row, its values joined by tabs. */
  private static List<String> rows(Connection connection, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      int columns = rows.getMetaData().getColumnCount();
      while (rows.next()) {
        StringBuilder row = new StringBuilder();
        for (int c = 1; c <= columns; c++) {
          row.append(c == 1 ? "" : "\t").append(rows.getString(c));
        }
        values.add(row.toString());
      }
    }
    return values;
  }

  /** The statement fails with 42501 and a message naming every one of {@code named}. */
  private static void refused(Connection connection, String sql, String... named) {
    SQLException error = assertThrows(SQLException.class, () -> column(connection, sql), sql);
    assertEquals("42501", error.getSQLState(), sql + ": " + error.getMessage());
    for (String name : named) {
      assertTrue(error.getMessage().contains(name), sql + ": '" + name + "' missing in " + error.getMessage());
    }
  }

  private static List<String> tables(Connection connection, String schema) throws SQLException {
    List<String> names = new ArrayList<>();
    try (ResultSet rows = connection.getMetaData().getTables("memory", schema, "%", null)) {
      while (rows.next()) {
        names.add(rows.getString("TABLE_NAME"));
      }
    }
    return names;
  }

  @Test
  void constraintsOfATableAreShownOnlyToThoseWhoMayUseIt() throws Exception {
    try (Connection root = connect("root"); Connection bob = connect("bob")) {
      run(root, "CREATE TABLE memory.default.parent (id INTEGER PRIMARY KEY, code VARCHAR UNIQUE)");
      run(root, "CREATE TABLE memory.default.child (id INTEGER PRIMARY KEY, "
          + "parent_id INTEGER REFERENCES memory.default.parent (id), CHECK (id > 0))");
      String constraints = "SELECT table_name || ' ' || constraint_type FROM information_schema.table_constraints "
          + "WHERE table_name IN ('parent', 'child') ORDER BY 1";
      List<String> all = List.of("child CHECK", "child FOREIGN KEY", "child PRIMARY KEY", "parent PRIMARY KEY",
          "parent UNIQUE");
      assertEquals(all, column(root, constraints));
      assertEquals(List.of(), column(bob, constraints));
      assertEquals(List.of(), column(bob, "SELECT column_name FROM information_schema.key_column_usage "
          + "WHERE table_name IN ('parent', 'child')"));

      run(root, "GRANT SELECT ON memory.default.parent TO bob");
      assertEquals(List.of("parent PRIMARY KEY", "parent UNIQUE"), column(bob, constraints));
      // the foreign key belongs to child, which bob still may not use
      String foreignKeys = "SELECT count(*) FROM information_schema.referential_constraints";
      assertEquals(List.of("1"), column(root, foreignKeys));
      assertEquals(List.of("0"), column(bob, foreignKeys));
    }
  }

  @Test
  void anUnprivilegedUserIsRefusedUntilGrantedAndAgainAfterRevoke() throws Exception {
    try (Connection root = connect("root"); Connection bob = connect("bob")) {
      run(root, "CREATE TABLE memory.default.secret AS SELECT n_nationkey AS k, n_name AS name FROM tpch.tiny.nation");
      run(root, "COPY (SELECT 1 AS x) TO 'one.csv'");

      refused(bob, "SELECT count(*) FROM memory.default.secret", "table memory.default.secret", "SELECT");
      refused(bob, "SELECT * FROM tpch.tiny.region r JOIN secret s ON r.r_regionkey = s.k", "secret", "SELECT");
      refused(bob, "EXPLAIN SELECT * FROM memory.default.secret", "secret", "SELECT");
      refused(bob, "DROP TABLE memory.default.secret", "table memory.default.secret", "DROP");
      refused(bob, "INSERT INTO memory.default.secret VALUES (99, 'X')", "table memory.default.secret", "INSERT");
      refused(bob, "DELETE FROM memory.default.secret", "table memory.default.secret", "DELETE");
      refused(bob, "UPDATE memory.default.secret SET k = 0", "table memory.default.secret", "UPDATE");
      refused(bob, "TRUNCATE memory.default.secret", "table memory.default.secret", "DELETE");
      refused(bob, "COPY (SELECT 1 AS x) TO 'bob.csv'", "COPY", "FILES");
      refused(bob, "COPY memory.default.secret TO 'bob.csv'", "COPY", "FILES");
      refused(bob, "SELECT * FROM read_csv('one.csv')", "read_csv", "FILES");
      refused(bob, "SELECT * FROM read_parquet('nothing.parquet')", "read_parquet", "FILES");
      refused(bob, "CREATE TABLE memory.default.f (x INTEGER) WITH (format = 'csv', location = 'f.csv')", "FILES");
      refused(bob, "SHOW COLUMNS FROM memory.default.secret", "secret");
      assertFalse(Files.exists(data.resolve("bob.csv")));

      assertFalse(tables(bob, "default").contains("secret"));
      assertTrue(tables(root, "default").contains("secret"));
      assertEquals(List.of(), column(bob, "SELECT table_name FROM information_schema.tables WHERE table_name = 'secret'"));
      assertEquals(List.of(), column(bob, "SELECT column_name FROM information_schema.columns WHERE table_name = 'secret'"));
      assertEquals(List.of("secret"), column(root,
          "SELECT table_name FROM information_schema.tables WHERE table_name = 'secret'"));

      // A refused statement started no job: no task ran for it.
      assertEquals(List.of("0"), column(root, "SELECT count(*) FROM system.runtime.jobs WHERE job_id IN "
          + "(SELECT query_id FROM system.runtime.queries WHERE error_code = '42501')"));

      run(root, "GRANT SELECT, INSERT ON memory.default.secret TO bob");
      assertEquals(List.of("25"), column(bob, "SELECT count(*) FROM memory.default.secret"));
      run(bob, "INSERT INTO memory.default.secret VALUES (99, 'X')");
      assertEquals(List.of("26"), column(bob, "SELECT count(*) FROM secret"));
      assertTrue(tables(bob, "default").contains("secret"));
      assertEquals(List.of("secret"), column(bob,
          "SELECT table_name FROM information_schema.tables WHERE table_name = 'secret'"));
      assertEquals(List.of("k", "name"), column(bob,
          "SELECT column_name FROM information_schema.columns WHERE table_name = 'secret' ORDER BY ordinal_position"));
      try (ResultSet columns = bob.getMetaData().getColumns("memory", "default", "secret", "%")) {
        assertTrue(columns.next());
      }
      refused(bob, "DROP TABLE memory.default.secret", "DROP");

      run(root, "REVOKE SELECT ON memory.default.secret FROM bob");
      refused(bob, "SELECT count(*) FROM memory.default.secret", "table memory.default.secret", "SELECT");
      // INSERT alone still lets bob add rows, and see that the table is there
      run(bob, "INSERT INTO memory.default.secret VALUES (100, 'Y')");
      assertTrue(tables(bob, "default").contains("secret"));
      run(root, "REVOKE INSERT ON memory.default.secret FROM bob");
      refused(bob, "INSERT INTO memory.default.secret VALUES (101, 'Z')", "INSERT");
      assertFalse(tables(bob, "default").contains("secret"));
      assertEquals(List.of(), column(bob, "SELECT table_name FROM information_schema.tables WHERE table_name = 'secret'"));

      run(root, "GRANT FILES TO bob");
      assertEquals(List.of("1"), column(bob, "SELECT * FROM read_csv('one.csv')"));
      run(bob, "COPY (SELECT 2 AS x) TO 'bob.csv'");
      assertTrue(Files.exists(data.resolve("bob.csv")));
      run(root, "REVOKE FILES FROM bob");
      refused(bob, "SELECT * FROM read_csv('one.csv')", "read_csv", "FILES");

      run(root, "GRANT DROP ON SCHEMA memory.default TO bob");
      run(bob, "DROP TABLE memory.default.secret");
      run(root, "REVOKE DROP ON SCHEMA memory.default FROM bob");
    }
  }

  @Test
  void creatorsOwnWhatTheyCreateAndOthersSeeNothingOfIt() throws Exception {
    try (Connection alice = connect("alice"); Connection bob = connect("bob")) {
      // the defaults of a first start: everyone reads tpch and creates in memory.default
      assertEquals(List.of("25"), column(bob, "SELECT count(*) FROM tpch.tiny.nation"));
      run(alice, "CREATE TABLE memory.default.mine (x INTEGER)");
      run(alice, "INSERT INTO mine VALUES (1), (2)");
      run(alice, "UPDATE mine SET x = x + 10 WHERE x = 1");
      run(alice, "DELETE FROM mine WHERE x = 2");
      assertEquals(List.of("11"), column(alice, "SELECT x FROM mine"));
      refused(bob, "SELECT * FROM memory.default.mine", "mine", "SELECT");
      assertFalse(tables(bob, "default").contains("mine"));
      assertTrue(tables(alice, "default").contains("mine"));
      assertTrue(rows(alice, "SHOW GRANTS").contains("alice\tOWNERSHIP\tTABLE\tmemory.default.mine"));
      assertTrue(rows(bob, "SHOW GRANTS").contains("PUBLIC\tSELECT\tCATALOG\ttpch"));
      refused(bob, "CREATE SCHEMA memory.bobs", "catalog memory", "CREATE");
      run(alice, "DROP TABLE mine");
      assertFalse(rows(alice, "SHOW GRANTS").stream().anyMatch(row -> row.contains("memory.default.mine")));
    }
  }

  @Test
  void viewsReadWithTheirOwnersRights() throws Exception {
    try (Connection root = connect("root"); Connection alice = connect("alice"); Connection bob = connect("bob")) {
      run(alice, "CREATE TABLE memory.default.base AS SELECT r_regionkey AS k, r_name AS name FROM tpch.tiny.region");
      run(alice, "CREATE VIEW memory.default.names AS SELECT name FROM memory.default.base WHERE k < 2");
      run(alice, "GRANT SELECT ON memory.default.names TO bob");
      // bob reads the view (alice's rights on base), not the table under it
      assertEquals(List.of("AFRICA", "AMERICA"), column(bob, "SELECT name FROM memory.default.names ORDER BY name"));
      refused(bob, "SELECT * FROM memory.default.base", "table memory.default.base", "SELECT");
      assertTrue(tables(bob, "default").contains("names"));
      assertFalse(tables(bob, "default").contains("base"));

      // a view over a table its owner may read only while a grant lasts
      run(root, "CREATE TABLE memory.default.salaries AS SELECT 1 AS id, 100 AS amount");
      refused(alice, "CREATE VIEW memory.default.pay AS SELECT amount FROM memory.default.salaries", "salaries",
          "SELECT");
      run(root, "GRANT SELECT ON memory.default.salaries TO alice");
      run(alice, "CREATE VIEW memory.default.pay AS SELECT amount FROM memory.default.salaries");
      run(alice, "GRANT SELECT ON memory.default.pay TO bob");
      assertEquals(List.of("100"), column(bob, "SELECT amount FROM memory.default.pay"));
      run(root, "REVOKE SELECT ON memory.default.salaries FROM alice");
      refused(bob, "SELECT amount FROM memory.default.pay", "table memory.default.salaries", "SELECT",
          "owner of view memory.default.pay");
      // a user with every right reads the view still: the view's owner lacks the right, not the reader
      refused(root, "SELECT amount FROM memory.default.pay", "owner of view memory.default.pay");
    }
  }

  @Test
  void onlyOwnersAndAdminsGrantAndRolesReceiveGrants() throws Exception {
    try (Connection root = connect("root"); Connection alice = connect("alice"); Connection bob = connect("bob");
         Connection carol = connect("carol")) {
      run(alice, "CREATE TABLE memory.default.shared AS SELECT 7 AS seven");
      refused(bob, "GRANT SELECT ON memory.default.shared TO bob", "table memory.default.shared", "owner");
      refused(bob, "REVOKE SELECT ON memory.default.shared FROM alice", "owner");
      refused(bob, "GRANT FILES TO bob", "admin", "FILES");
      refused(alice, "GRANT SELECT ON CATALOG tpch TO bob", "catalog tpch");
      refused(bob, "SHOW GRANTS FOR alice", "own");

      run(alice, "GRANT SELECT ON memory.default.shared TO analyst");
      assertEquals(List.of("7"), column(carol, "SELECT seven FROM memory.default.shared"));
      refused(bob, "SELECT seven FROM memory.default.shared", "SELECT");
      List<String> carols = column(carol, "SHOW GRANTS");
      assertTrue(carols.contains("analyst"), carols.toString());
      assertTrue(column(root, "SHOW GRANTS FOR analyst").contains("analyst"));
      assertEquals("root\tALL PRIVILEGES\tALL\t*", rows(root, "SHOW GRANTS").get(0));

      // PUBLIC reaches everyone; ALL PRIVILEGES on a schema reaches every table in it
      run(alice, "GRANT SELECT ON memory.default.shared TO PUBLIC");
      assertEquals(List.of("7"), column(bob, "SELECT seven FROM memory.default.shared"));
      run(root, "CREATE SCHEMA memory.team");
      run(root, "CREATE TABLE memory.team.t AS SELECT 1 AS one");
      refused(bob, "SELECT * FROM memory.team.t", "SELECT");
      assertFalse(rows(bob, "SHOW SCHEMAS FROM memory").contains("memory\tteam"));
      run(root, "GRANT ALL PRIVILEGES ON SCHEMA memory.team TO bob");
      assertTrue(rows(bob, "SHOW SCHEMAS FROM memory").contains("memory\tteam"));
      assertEquals(List.of("1"), column(bob, "SELECT one FROM memory.team.t"));
      run(bob, "CREATE TABLE memory.team.bobs AS SELECT 2 AS two");
      run(bob, "DROP TABLE memory.team.t");

      // wrong usage through the server
      SQLException unknown = assertThrows(SQLException.class,
          () -> run(root, "GRANT SELECT ON memory.default.shared TO nobody"));
      assertEquals("42704", unknown.getSQLState());
      SQLException missing = assertThrows(SQLException.class,
          () -> run(root, "GRANT SELECT ON memory.default.gone TO bob"));
      assertEquals("42P01", missing.getSQLState());
    }
  }

  @Test
  void usersSeeTheirOwnQueriesAndAdminsEveryones() throws Exception {
    try (Connection root = connect("root"); Connection alice = connect("alice"); Connection bob = connect("bob")) {
      column(alice, "SELECT 'alice was here' AS marker");
      column(bob, "SELECT 'bob was here' AS marker");
      String seen = "SELECT DISTINCT user_name FROM system.runtime.queries ORDER BY user_name";
      assertEquals(List.of("bob"), column(bob, seen));
      assertTrue(column(root, seen).containsAll(List.of("alice", "bob", "root")));
      List<String> bobsJobs = column(bob, "SELECT DISTINCT job_id FROM system.runtime.tasks");
      List<String> bobsQueries = column(bob, "SELECT query_id FROM system.runtime.queries");
      assertTrue(bobsQueries.containsAll(bobsJobs), bobsJobs + " not all in " + bobsQueries);
      List<String> alicesQueries = column(alice, "SELECT query_id FROM system.runtime.queries");
      for (String id : alicesQueries) {
        assertFalse(bobsQueries.contains(id));
      }
      assertFalse(column(bob, "SELECT job_id FROM system.runtime.jobs").stream().anyMatch(alicesQueries::contains));

      // the web UI shows the same: bob's queries to bob, everyone's to an admin
      String bobsPage = ui("bob", "/ui/api/queries");
      String rootsPage = ui("root", "/ui/api/queries");
      assertTrue(bobsPage.contains("bob was here") && !bobsPage.contains("alice was here"), bobsPage);
      assertTrue(rootsPage.contains("bob was here") && rootsPage.contains("alice was here"));
      String alicesQuery = alicesQueries.get(0);
      assertTrue(ui("bob", "/ui/api/jobs/" + alicesQuery).startsWith("404"));
    }
  }

  /** The body of a UI request as {@code user}, or its status code when not 200. */
  private String ui(String user, String path) throws Exception {
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    String credentials = java.util.Base64.getEncoder().encodeToString((user + ":" + user + "-pw")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    java.net.http.HttpResponse<String> response = http.send(java.net.http.HttpRequest.newBuilder(
        java.net.URI.create(server.url() + path)).header("Authorization", "Basic " + credentials).GET().build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    return response.statusCode() == 200 ? response.body() : response.statusCode() + " " + response.body();
  }

  @Test
  void grantsSurviveARestart() throws Exception {
    try (Connection root = connect("root")) {
      run(root, "REVOKE SELECT ON CATALOG tpch FROM PUBLIC");
      run(root, "GRANT SELECT ON CATALOG tpch TO carol");
      run(root, "GRANT FILES TO alice");
      run(root, "CREATE TABLE memory.default.gone_after_restart (x INTEGER)");
      run(root, "GRANT SELECT ON memory.default.gone_after_restart TO bob");
    }
    assertTrue(Files.exists(data.resolve(".quiver").resolve("grants.json")));
    stop();
    startServer();
    try (Connection bob = connect("bob"); Connection carol = connect("carol"); Connection alice = connect("alice")) {
      refused(bob, "SELECT count(*) FROM tpch.tiny.nation", "table tpch.tiny.nation", "SELECT");
      assertEquals(List.of("25"), column(carol, "SELECT count(*) FROM tpch.tiny.nation"));
      run(alice, "COPY (SELECT 1 AS x) TO 'alice.csv'");
      // the memory table is gone with the restart, and so is its grant: a new table of that name starts bare
      run(alice, "CREATE TABLE memory.default.gone_after_restart (x INTEGER)");
      refused(bob, "SELECT * FROM memory.default.gone_after_restart", "SELECT");
    }
  }

  @Test
  void onlyTheTableOwnerOrAnAdminIndexesATable() throws Exception {
    try (Connection alice = connect("alice"); Connection bob = connect("bob"); Connection root = connect("root")) {
      run(alice, "CREATE TABLE memory.default.owned (k INTEGER, v INTEGER)");
      run(alice, "INSERT INTO memory.default.owned VALUES (1, 1), (2, 1)");
      run(alice, "GRANT SELECT, INSERT, UPDATE, DELETE ON memory.default.owned TO bob");
      // Bob may change the rows but not what the table accepts: CREATE on memory.default (PUBLIC's) is not enough.
      refused(bob, "CREATE INDEX owned_v ON memory.default.owned (v)", "memory.default.owned", "bob", "owner");
      refused(bob, "CREATE UNIQUE INDEX owned_k ON owned (k)", "memory.default.owned", "owner");
      run(alice, "CREATE UNIQUE INDEX owned_k ON memory.default.owned (k)");
      refused(bob, "DROP INDEX memory.default.owned_k", "memory.default.owned", "owner");
      refused(bob, "DROP INDEX owned_k", "memory.default.owned", "owner");
      SQLException duplicate = assertThrows(SQLException.class,
          () -> run(bob, "INSERT INTO memory.default.owned VALUES (1, 5)"));
      assertEquals("23505", duplicate.getSQLState(), duplicate.getMessage());
      // An admin may; the owner may drop what an admin made.
      run(root, "CREATE INDEX owned_v ON memory.default.owned (v)");
      run(alice, "DROP INDEX memory.default.owned_v");
      run(alice, "DROP INDEX owned_k");
      run(bob, "INSERT INTO memory.default.owned VALUES (1, 5)");
      // Bob indexes his own tables, temporary ones included.
      run(bob, "CREATE TABLE memory.default.bobs (a INTEGER)");
      run(bob, "CREATE INDEX bobs_a ON bobs (a)");
      run(bob, "DROP INDEX bobs_a");
      run(bob, "CREATE TEMP TABLE scratch (a INTEGER)");
      run(bob, "CREATE UNIQUE INDEX scratch_a ON scratch (a)");
      run(bob, "DROP INDEX scratch_a");
      refused(alice, "CREATE INDEX bobs_a ON memory.default.bobs (a)", "memory.default.bobs", "owner");
    }
  }
}
