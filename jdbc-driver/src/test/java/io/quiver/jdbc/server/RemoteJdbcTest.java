package io.quiver.jdbc.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A real server on loopback, used through the stock Avatica remote driver ({@code avatica}) and
 * Quiver's thin driver ({@code thin}): metadata, statements, prepared statements, large results,
 * cancel, timeouts and authentication.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RemoteJdbcTest {

  /** Runs until cancelled: TPC-H lineitem at scale factor 100 (600 million rows). */
  static final String LONG_QUERY = "SELECT count(*), sum(l_quantity) FROM tpch.sf100.lineitem";

  private ServerFixture fixture;

  @BeforeAll
  void start() throws Exception {
    fixture = new ServerFixture();
  }

  @AfterAll
  void stop() throws Exception {
    fixture.close();
  }

  // --- queries and metadata ------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"avatica", "thin"})
  void queryReturnsTypedValues(String kind) throws Exception {
    try (Connection connection = fixture.connect(kind);
         Statement statement = connection.createStatement();
         ResultSet rs = statement.executeQuery("SELECT n_nationkey, n_name, CAST(1.25 AS DECIMAL(5, 2)) AS d,"
             + " DATE '1995-03-15' AS ship_day, n_nationkey * 0.5e0 AS half, n_nationkey > 1 AS big"
             + " FROM tpch.tiny.nation WHERE n_nationkey < 3 ORDER BY n_nationkey")) {
      ResultSetMetaData md = rs.getMetaData();
      assertEquals(6, md.getColumnCount());
      assertEquals(Types.BIGINT, md.getColumnType(1));
      assertEquals(Types.VARCHAR, md.getColumnType(2));
      assertEquals(Types.DECIMAL, md.getColumnType(3));
      assertEquals(Types.DATE, md.getColumnType(4));
      List<String> rows = new ArrayList<>();
      while (rs.next()) {
        rows.add(rs.getLong(1) + "|" + rs.getString(2) + "|" + rs.getBigDecimal(3) + "|" + rs.getDate(4) + "|"
            + rs.getDouble(5) + "|" + rs.getBoolean(6));
      }
      assertEquals(List.of("0|ALGERIA|1.25|1995-03-15|0.0|false", "1|ARGENTINA|1.25|1995-03-15|0.5|false",
          "2|BRAZIL|1.25|1995-03-15|1.0|true"), rows);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"avatica", "thin"})
  void metadataComesFromTheCatalog(String kind) throws Exception {
    try (Connection connection = fixture.connect(kind)) {
      DatabaseMetaData md = connection.getMetaData();
      // The stock driver names itself ("Avatica") here; the thin one names the server.
      assertEquals(kind.equals("thin") ? "Quiver" : "Avatica", md.getDatabaseProductName());
      assertTrue(strings(md.getCatalogs(), "TABLE_CAT").contains("tpch"));
      assertEquals(List.of("sf1", "sf10", "sf100", "sf1000", "tiny"), strings(md.getSchemas("tpch", null), "TABLE_SCHEM"));
      assertEquals(List.of("customer", "lineitem", "nation", "orders", "part", "partsupp", "region", "supplier"),
          strings(md.getTables("tpch", "tiny", "%", new String[] {"TABLE"}), "TABLE_NAME"));
      assertTrue(strings(md.getTableTypes(), "TABLE_TYPE").contains("TABLE"));
      try (ResultSet columns = md.getColumns("tpch", "tiny", "nation", "%")) {
        List<String> seen = new ArrayList<>();
        while (columns.next()) {
          seen.add(columns.getString("COLUMN_NAME") + ":" + columns.getInt("DATA_TYPE") + ":"
              + columns.getInt("ORDINAL_POSITION"));
        }
        assertEquals(List.of("n_nationkey:-5:1", "n_name:12:2", "n_regionkey:-5:3", "n_comment:12:4"), seen);
      }
      assertTrue(strings(md.getTypeInfo(), "TYPE_NAME").containsAll(List.of("BIGINT", "VARCHAR", "DATE")));
      // TPC-H's declared key: the thin driver asks the server; the stock driver's client never does
      // (Avatica's protocol has no request for it) and answers with no rows
      List<String> key = strings(md.getPrimaryKeys("tpch", "tiny", "nation"), "COLUMN_NAME");
      assertEquals(kind.equals("thin") ? List.of("n_nationkey") : List.of(), key);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"avatica", "thin"})
  void schemaChosenPerConnection(String kind) throws Exception {
    try (Connection first = fixture.connect(kind); Connection second = fixture.connect(kind)) {
      first.setSchema("sf1");
      assertEquals("sf1", first.getSchema());
      assertEquals(1, scalar(second, "SELECT count(*) FROM region") > 0 ? 1 : 0);
      assertEquals(25L, scalar(first, "SELECT count(*) FROM nation"));
      assertEquals(150_000L, scalar(first, "SELECT count(*) FROM customer"));
      assertEquals(1_500L, scalar(second, "SELECT count(*) FROM customer"));
    }
  }

  @Test
  void thinUrlCarriesSchemaAndCredentials() throws Exception {
    String url = fixture.thinUrl() + "/tpch.sf1;user=" + ServerFixture.ALICE + ";password=" + ServerFixture.ALICE_PASSWORD;
    try (Connection connection = java.sql.DriverManager.getConnection(url)) {
      assertEquals(150_000L, scalar(connection, "SELECT count(*) FROM customer"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"avatica", "thin"})
  void errorsKeepTheirSqlState(String kind) throws Exception {
    try (Connection connection = fixture.connect(kind); Statement statement = connection.createStatement()) {
      SQLException unknown = assertThrows(SQLException.class, () -> statement.executeQuery("SELECT * FROM nosuch"));
      assertEquals("42P01", unknown.getSQLState());
      assertTrue(unknown.getMessage().contains("nosuch"), unknown.getMessage());
      SQLException syntax = assertThrows(SQLException.class, () -> statement.executeQuery("SELEC 1"));
      assertEquals("42601", syntax.getSQLState());
      assertEquals(25L, scalar(connection, "SELECT count(*) FROM tpch.tiny.nation"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"avatica", "thin"})
  void preparedStatementsBindParameters(String kind) throws Exception {
    try (Connection connection = fixture.connect(kind);
         PreparedStatement prepared = connection.prepareStatement(
             "SELECT count(*) FROM tpch.tiny.lineitem WHERE l_quantity > ? AND l_returnflag = ?"
                 + " AND l_shipdate < ? AND l_discount <= ? AND l_tax < ?")) {
      long expected = scalar(connection, "SELECT count(*) FROM tpch.tiny.lineitem WHERE l_quantity > 40"
          + " AND l_returnflag = 'R' AND l_shipdate < DATE '1995-01-01' AND l_discount <= 0.05 AND l_tax < 0.04e0");
      prepared.setInt(1, 40);
      prepared.setString(2, "R");
      prepared.setDate(3, Date.valueOf("1995-01-01"));
      prepared.setBigDecimal(4, new BigDecimal("0.05"));
      prepared.setDouble(5, 0.04);
      try (ResultSet rs = prepared.executeQuery()) {
        assertTrue(rs.next());
        assertEquals(expected, rs.getLong(1));
        assertTrue(expected > 0);
      }
      // Again with other values, and a string that needs quoting.
      prepared.setInt(1, 0);
      prepared.setString(2, "x' OR 'a' = 'a");
      try (ResultSet rs = prepared.executeQuery()) {
        assertTrue(rs.next());
        assertEquals(0L, rs.getLong(1));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"avatica", "thin"})
  void preparedStatementWithNullParameter(String kind) throws Exception {
    try (Connection connection = fixture.connect(kind);
         PreparedStatement prepared = connection.prepareStatement("SELECT ? IS NULL, ? + 1")) {
      prepared.setNull(1, Types.INTEGER);
      prepared.setLong(2, 41L);
      try (ResultSet rs = prepared.executeQuery()) {
        assertTrue(rs.next());
        assertTrue(rs.getBoolean(1));
        assertEquals(42L, rs.getLong(2));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"avatica", "thin"})
  void largeResultArrivesInFrames(String kind) throws Exception {
    String sql = "SELECT o_orderkey, o_totalprice FROM tpch.sf1.orders LIMIT 100000";
    long expectedSum = 0;
    try (Connection embedded = fixture.embedded(); Statement statement = embedded.createStatement();
         ResultSet rs = statement.executeQuery(sql)) {
      while (rs.next()) {
        expectedSum += rs.getLong(1);
      }
    }
    try (Connection connection = fixture.connect(kind); Statement statement = connection.createStatement()) {
      statement.setFetchSize(1000);
      long rows = 0;
      long sum = 0;
      try (ResultSet rs = statement.executeQuery(sql)) {
        while (rs.next()) {
          rows++;
          sum += rs.getLong(1);
        }
      }
      assertEquals(100_000L, rows);
      assertEquals(expectedSum, sum);
      statement.setMaxRows(10);
      try (ResultSet rs = statement.executeQuery(sql)) {
        int count = 0;
        while (rs.next()) {
          count++;
        }
        assertEquals(10, count);
      }
    }
  }

  // --- cancel and timeouts -------------------------------------------------------------------

  @Test
  void thinDriverCancelStopsTheServerQuery() throws Exception {
    try (Connection connection = fixture.thin(ServerFixture.ALICE, ServerFixture.ALICE_PASSWORD);
         Statement statement = connection.createStatement()) {
      CompletableFuture<Object> running = runInBackground(statement, LONG_QUERY);
      awaitRunning(running);
      statement.cancel();
      SQLException failure = failureOf(running);
      assertEquals("57014", failure.getSQLState(), failure.getMessage());
      // The connection and the statement still work.
      try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM tpch.tiny.nation")) {
        assertTrue(rs.next());
        assertEquals(25L, rs.getLong(1));
      }
    }
  }

  @Test
  void thinDriverCancelWhileRowsAreReadIs57014() throws Exception {
    try (Connection connection = fixture.connect("thin"); Statement statement = connection.createStatement()) {
      statement.setFetchSize(10);
      ResultSet rows = statement.executeQuery("SELECT l_orderkey FROM tpch.tiny.lineitem");
      assertTrue(rows.next());
      statement.cancel();
      SQLException cancelled = assertThrows(SQLException.class, () -> {
        while (rows.next()) {
          // until the cancel is seen
        }
      });
      assertEquals("57014", cancelled.getSQLState(), cancelled.toString());
    }
  }

  @Test
  void thinDriverQueryTimeout() throws Exception {
    try (Connection connection = fixture.thin(ServerFixture.ALICE, ServerFixture.ALICE_PASSWORD);
         Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(1);
      SQLException failure = assertThrows(SQLException.class, () -> statement.executeQuery(LONG_QUERY));
      assertInstanceOf(SQLTimeoutException.class, failure, failure.toString());
      assertEquals("57014", failure.getSQLState());
      statement.setQueryTimeout(0);
      assertEquals(25L, scalar(connection, "SELECT count(*) FROM tpch.tiny.nation"));
    }
  }

  @Test
  void thinDriverPreparedStatementCancel() throws Exception {
    try (Connection connection = fixture.thin(ServerFixture.ALICE, ServerFixture.ALICE_PASSWORD);
         PreparedStatement prepared = connection.prepareStatement(LONG_QUERY + " WHERE l_quantity > ?")) {
      prepared.setInt(1, 0);
      CompletableFuture<Object> running = CompletableFuture.supplyAsync(() -> {
        try (ResultSet rs = prepared.executeQuery()) {
          return rs.next();
        } catch (SQLException e) {
          return e;
        }
      });
      awaitRunning(running);
      prepared.cancel();
      assertEquals("57014", failureOf(running).getSQLState());
      // The statement executes again (and times out: the scan is long).
      prepared.setInt(1, 1000);
      prepared.setQueryTimeout(1);
      SQLException timeout = assertThrows(SQLException.class, prepared::executeQuery);
      assertInstanceOf(SQLTimeoutException.class, timeout, timeout.toString());
    }
  }

  /**
   * Only the thin driver: the stock driver's {@code Statement.close()} waits for the lock that the
   * executing thread holds until the server answers (closing its connection works, below).
   */
  @Test
  void closingTheStatementStopsTheQuery() throws Exception {
    try (Connection connection = fixture.connect("thin")) {
      Statement statement = connection.createStatement();
      CompletableFuture<Object> running = runInBackground(statement, LONG_QUERY);
      awaitRunning(running);
      statement.close();
      assertInstanceOf(SQLException.class, running.get(60, TimeUnit.SECONDS));
      assertEquals(25L, scalar(connection, "SELECT count(*) FROM tpch.tiny.nation"));
    }
  }

  @Test
  void closingTheConnectionStopsTheQuery() throws Exception {
    int before = fixture.server.openConnections();
    Connection connection = fixture.connect("avatica");
    Statement statement = connection.createStatement();
    CompletableFuture<Object> running = runInBackground(statement, LONG_QUERY);
    awaitRunning(running);
    connection.close();
    assertInstanceOf(SQLException.class, running.get(60, TimeUnit.SECONDS));
    assertEquals(before, fixture.server.openConnections());
  }

  // --- authentication ------------------------------------------------------------------------

  @Test
  void wrongAndMissingPasswordsAreRefused() throws Exception {
    SQLException thinWrong = assertThrows(SQLException.class,
        () -> fixture.thin(ServerFixture.ALICE, "wrong"));
    assertInstanceOf(SQLInvalidAuthorizationSpecException.class, thinWrong);
    assertEquals("28000", thinWrong.getSQLState());
    SQLException thinUnknown = assertThrows(SQLException.class, () -> fixture.thin("mallory", "x"));
    assertEquals("28000", thinUnknown.getSQLState());
    SQLException thinMissing = assertThrows(SQLException.class,
        () -> new io.quiver.jdbc.QuiverDriver().connect(fixture.thinUrl(), new java.util.Properties()));
    assertEquals("28000", thinMissing.getSQLState());
    Exception stockWrong = assertThrows(Exception.class, () -> fixture.avatica(ServerFixture.ALICE, "wrong"));
    assertTrue(String.valueOf(stockWrong.getMessage()).contains("401"), stockWrong.toString());
    Exception stockMissing = assertThrows(Exception.class,
        () -> java.sql.DriverManager.getConnection(fixture.avaticaUrl()));
    assertTrue(String.valueOf(stockMissing.getMessage()).contains("401"), stockMissing.toString());
    // The right password still works after the wrong ones, and a password may hold a colon.
    try (Connection connection = fixture.thin(ServerFixture.BOB, ServerFixture.BOB_PASSWORD)) {
      assertEquals(25L, scalar(connection, "SELECT count(*) FROM tpch.tiny.nation"));
    }
  }

  @Test
  void plainHttpAnswersWithChallenges() throws Exception {
    HttpURLConnection anonymous = post("/", null, new byte[0]);
    assertEquals(401, anonymous.getResponseCode());
    assertTrue(anonymous.getHeaderField("WWW-Authenticate").startsWith("Basic realm="));
    assertTrue(errorText(anonymous).contains("requires a user name and password"));
    HttpURLConnection wrong = post("/", "alice:nope", new byte[0]);
    assertEquals(401, wrong.getResponseCode());
    assertTrue(errorText(wrong).contains("wrong user name or password"));
    HttpURLConnection garbage = post("/", "alice:x", "hello".getBytes(StandardCharsets.UTF_8));
    assertEquals(401, garbage.getResponseCode());
    HttpURLConnection get = open("/", ServerFixture.ALICE + ":" + ServerFixture.ALICE_PASSWORD);
    get.setRequestMethod("GET");
    assertEquals(405, get.getResponseCode());
  }

  @Test
  void cancelRouteChecksItsCallerAndArguments() throws Exception {
    String alice = ServerFixture.ALICE + ":" + ServerFixture.ALICE_PASSWORD;
    String bob = ServerFixture.BOB + ":" + ServerFixture.BOB_PASSWORD;
    assertEquals(401, post("/quiver/cancel?connection=x&statement=1", null, new byte[0]).getResponseCode());
    assertEquals(400, post("/quiver/cancel", alice, new byte[0]).getResponseCode());
    assertEquals(400, post("/quiver/cancel?connection=x&statement=abc", alice, new byte[0]).getResponseCode());
    assertEquals(404, post("/quiver/cancel?connection=nosuch&statement=1", alice, new byte[0]).getResponseCode());
    try (Connection connection = fixture.connect("thin")) {
      String id = connection.unwrap(org.apache.calcite.avatica.AvaticaConnection.class).id;
      // Another user cannot even see the connection.
      assertEquals(404, post("/quiver/cancel?connection=" + id + "&statement=1", bob, new byte[0]).getResponseCode());
      assertEquals(200, post("/quiver/cancel?connection=" + id + "&statement=1", alice, new byte[0]).getResponseCode());
      assertEquals(25L, scalar(connection, "SELECT count(*) FROM tpch.tiny.nation"));
    }
  }

  @Test
  void nonLoopbackBindWithoutTlsIsRefused() {
    UserFile users = UserFile.parse(List.of(UserFile.line("u", PasswordHash.create("p".toCharArray(), 10))), "t");
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> QuiverServer.start(fixture.engine, new QuiverServer.Options("0.0.0.0", 0, users, null, null, false)));
    assertTrue(refused.getMessage().contains("without TLS"), refused.getMessage());
  }

  // --- helpers -------------------------------------------------------------------------------

  static long scalar(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
      assertTrue(rs.next());
      long value = rs.getLong(1);
      assertFalse(rs.next());
      return value;
    }
  }

  static List<String> strings(ResultSet rs, String column) throws SQLException {
    List<String> values = new ArrayList<>();
    try (rs) {
      while (rs.next()) {
        values.add(rs.getString(column));
      }
    }
    return values;
  }

  /** Runs the query in another thread; completes with the first row's flag or the SQLException. */
  static CompletableFuture<Object> runInBackground(Statement statement, String sql) {
    return CompletableFuture.supplyAsync(() -> {
      try (ResultSet rs = statement.executeQuery(sql)) {
        return rs.next();
      } catch (SQLException e) {
        return e;
      }
    });
  }

  /** Gives the query time to reach the server and start; it must still be running then. */
  static void awaitRunning(CompletableFuture<Object> running) throws InterruptedException {
    Thread.sleep(700);
    assertFalse(running.isDone(), () -> "the long query ended early: " + running.join());
  }

  static SQLException failureOf(CompletableFuture<Object> running)
      throws InterruptedException, ExecutionException, java.util.concurrent.TimeoutException {
    Object outcome = running.get(60, TimeUnit.SECONDS);
    return assertInstanceOf(SQLException.class, outcome, String.valueOf(outcome));
  }

  private HttpURLConnection open(String path, String credentials) throws Exception {
    HttpURLConnection connection = (HttpURLConnection) URI.create(fixture.server.url() + path).toURL().openConnection();
    if (credentials != null) {
      connection.setRequestProperty("Authorization",
          "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    return connection;
  }

  private HttpURLConnection post(String path, String credentials, byte[] body) throws Exception {
    HttpURLConnection connection = open(path, credentials);
    connection.setRequestMethod("POST");
    connection.setDoOutput(true);
    connection.getOutputStream().write(body);
    return connection;
  }

  private static String errorText(HttpURLConnection connection) throws Exception {
    try (var in = connection.getErrorStream()) {
      return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @SuppressWarnings("unused")
  private static void assertNoValue(Object value) {
    assertNull(value);
  }
}
