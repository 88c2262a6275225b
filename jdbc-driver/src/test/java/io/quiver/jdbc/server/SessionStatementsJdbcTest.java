package io.quiver.jdbc.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * USE, SET, RESET, SHOW and DESCRIBE behave alike through the embedded driver, Quiver's thin
 * driver and the stock Avatica driver against a real server on loopback: the session on the
 * server is the one they change, each connection has its own, and SHOW answers are result sets.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionStatementsJdbcTest {

  private ServerFixture fixture;

  @BeforeAll
  void start() throws Exception {
    fixture = new ServerFixture();
    try (Connection connection = fixture.embedded(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA memory.jdbc_session");
      statement.execute("CREATE TABLE memory.jdbc_session.t (k INTEGER NOT NULL, v VARCHAR)");
      statement.execute("INSERT INTO memory.jdbc_session.t VALUES (1, 'one'), (2, 'two')");
    }
  }

  @AfterAll
  void stop() throws Exception {
    fixture.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"embedded", "avatica", "thin"})
  void useAndSetChangeTheServersSession(String kind) throws SQLException {
    try (Connection connection = fixture.connect(kind); Statement statement = connection.createStatement()) {
      assertFalse(statement.execute("USE memory.jdbc_session"));
      assertEquals(0, statement.getUpdateCount());
      assertEquals(List.of("memory.jdbc_session"), rows(statement, "SHOW schema"));
      assertEquals(List.of("1|one", "2|two"), rows(statement, "SELECT k, v FROM t ORDER BY k"));
      assertEquals("jdbc_session", connection.getSchema());
      assertEquals("memory", connection.getCatalog());
      assertEquals(0, statement.executeUpdate("SET shuffle_partitions = 3"));
      assertEquals(List.of("3"), rows(statement, "SHOW shuffle_partitions"));
      assertEquals(List.of("memory.jdbc_session"), rows(statement, "SHOW schema"));
      SQLException unknown = assertThrows(SQLException.class, () -> statement.execute("SET nope = 1"));
      assertEquals("42704", unknown.getSQLState());
      SQLException invalid = assertThrows(SQLException.class, () -> statement.execute("SET shuffle_partitions = 0"));
      assertEquals("22023", invalid.getSQLState());
      statement.execute("RESET ALL");
      assertEquals(List.of("25"), rows(statement, "SELECT count(*) FROM nation"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"embedded", "avatica", "thin"})
  void showAnswersAreResultSets(String kind) throws SQLException {
    try (Connection connection = fixture.connect(kind); Statement statement = connection.createStatement()) {
      assertEquals(List.of("t|BASE TABLE"), rows(statement, "SHOW TABLES FROM memory.jdbc_session"));
      assertEquals(List.of("k|INTEGER|NO", "v|VARCHAR|YES"), rows(statement, "DESCRIBE memory.jdbc_session.t"));
      assertTrue(rows(statement, "SHOW CATALOGS").contains("memory"));
      try (ResultSet rs = statement.executeQuery("SHOW COLUMNS FROM memory.jdbc_session.t")) {
        ResultSetMetaData md = rs.getMetaData();
        assertEquals(3, md.getColumnCount());
        assertEquals("column_name", md.getColumnLabel(1));
      }
      try (PreparedStatement prepared = connection.prepareStatement("SHOW TABLES FROM memory.jdbc_session")) {
        assertEquals("table_name", prepared.getMetaData().getColumnLabel(1));
        try (ResultSet rs = prepared.executeQuery()) {
          assertTrue(rs.next());
          assertEquals("t", rs.getString(1));
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"avatica", "thin"})
  void eachConnectionHasItsOwnSession(String kind) throws SQLException {
    try (Connection one = fixture.connect(kind); Connection two = fixture.connect(kind);
         Statement first = one.createStatement(); Statement second = two.createStatement()) {
      first.execute("SET shuffle_partitions = 6");
      first.execute("USE memory.jdbc_session");
      assertEquals(List.of("6"), rows(first, "SHOW shuffle_partitions"));
      assertFalse(rows(second, "SHOW shuffle_partitions").contains("6"));
      assertEquals(List.of("memory.default"), rows(second, "SHOW schema"));
    }
  }

  private static List<String> rows(Statement statement, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (ResultSet rs = statement.executeQuery(sql)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int c = 1; c <= columns; c++) {
          row.append(c == 1 ? "" : "|").append(rs.getString(c));
        }
        rows.add(row.toString());
      }
    }
    return rows;
  }
}
