package io.quiver.jdbc.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Prepared-statement parameters of every type the engine has, embedded and through a real server
 * (stock Avatica driver and thin driver): each value arrives with its JDBC type, NULLs keep theirs,
 * and wrong use fails with a clear error.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PreparedParametersTest {

  private ServerFixture fixture;

  @BeforeAll
  void start() throws Exception {
    fixture = new ServerFixture();
  }

  @AfterAll
  void stop() throws Exception {
    fixture.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"embedded", "avatica", "thin"})
  void everyTypeArrivesWithItsJdbcType(String kind) throws Exception {
    try (Connection connection = fixture.connect(kind);
         PreparedStatement prepared = connection.prepareStatement(
             "SELECT ? AS i, ? AS l, ? AS d, ? AS s, ? AS dt, ? AS t, ? AS ts, ? AS b, ? AS f")) {
      prepared.setInt(1, -7);
      prepared.setLong(2, 9_000_000_000L);
      prepared.setBigDecimal(3, new BigDecimal("-12.50"));
      prepared.setString(4, "Zürich");
      prepared.setDate(5, Date.valueOf("2024-01-31"));
      prepared.setTime(6, Time.valueOf("10:00:01"));
      prepared.setTimestamp(7, Timestamp.valueOf("2024-01-31 10:00:00.125"));
      prepared.setBoolean(8, true);
      prepared.setDouble(9, 0.25);
      try (ResultSet rs = prepared.executeQuery()) {
        ResultSetMetaData md = rs.getMetaData();
        int[] expectedTypes = {Types.INTEGER, Types.BIGINT, Types.DECIMAL, -1, Types.DATE, Types.TIME,
            Types.TIMESTAMP, Types.BOOLEAN, Types.DOUBLE};
        for (int i = 0; i < expectedTypes.length; i++) {
          if (expectedTypes[i] != -1) {
            assertEquals(expectedTypes[i], md.getColumnType(i + 1), kind + " column " + md.getColumnName(i + 1));
          }
        }
        assertTrue(md.getColumnType(4) == Types.CHAR || md.getColumnType(4) == Types.VARCHAR);
        assertEquals(2, md.getScale(3));
        assertTrue(rs.next());
        assertEquals(-7, rs.getInt(1));
        assertEquals(9_000_000_000L, rs.getLong(2));
        assertEquals(new BigDecimal("-12.50"), rs.getBigDecimal(3));
        assertEquals("Zürich", rs.getString(4));
        assertEquals(Date.valueOf("2024-01-31"), rs.getDate(5));
        assertEquals(Time.valueOf("10:00:01"), rs.getTime(6));
        assertEquals(Timestamp.valueOf("2024-01-31 10:00:00.125"), rs.getTimestamp(7));
        assertTrue(rs.getBoolean(8));
        assertEquals(0.25, rs.getDouble(9));
        assertFalse(rs.next());
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"embedded", "avatica", "thin"})
  void parametersFilterTpchRows(String kind) throws Exception {
    try (Connection connection = fixture.connect(kind);
         PreparedStatement prepared = connection.prepareStatement("SELECT count(*) FROM tpch.tiny.orders"
             + " WHERE o_orderdate >= ? AND o_orderdate < ? AND o_totalprice > ? AND o_orderpriority = ?")) {
      long expected = RemoteJdbcTest.scalar(connection, "SELECT count(*) FROM tpch.tiny.orders"
          + " WHERE o_orderdate >= DATE '1995-01-01' AND o_orderdate < DATE '1996-01-01'"
          + " AND o_totalprice > 100000.00 AND o_orderpriority = '1-URGENT'");
      assertTrue(expected > 0);
      prepared.setDate(1, Date.valueOf("1995-01-01"));
      prepared.setDate(2, Date.valueOf("1996-01-01"));
      prepared.setBigDecimal(3, new BigDecimal("100000.00"));
      prepared.setString(4, "1-URGENT");
      assertEquals(expected, single(prepared));
      // A second execution with other values reuses the statement.
      prepared.setString(4, "no such priority");
      assertEquals(0L, single(prepared));
    }
  }

  /** Embedded only: Avatica's wire form has no NULL of a type (remote NULLs are untyped, below). */
  @ParameterizedTest
  @ValueSource(strings = {"embedded"})
  void nullsKeepTheirType(String kind) throws Exception {
    try (Connection connection = fixture.connect(kind);
         PreparedStatement prepared = connection.prepareStatement(
             "SELECT ? AS i, ? AS l, ? AS s, ? AS d, ? AS b, ? + 1 AS plus")) {
      prepared.setNull(1, Types.INTEGER);
      prepared.setNull(2, Types.BIGINT);
      prepared.setNull(3, Types.VARCHAR);
      prepared.setNull(4, Types.DATE);
      prepared.setObject(5, null, Types.BOOLEAN);
      prepared.setNull(6, Types.DECIMAL);
      try (ResultSet rs = prepared.executeQuery()) {
        ResultSetMetaData md = rs.getMetaData();
        assertEquals(Types.INTEGER, md.getColumnType(1));
        assertEquals(Types.BIGINT, md.getColumnType(2));
        assertEquals(Types.VARCHAR, md.getColumnType(3));
        assertEquals(Types.DATE, md.getColumnType(4));
        assertEquals(Types.BOOLEAN, md.getColumnType(5));
        assertEquals(Types.DECIMAL, md.getColumnType(6));
        assertTrue(rs.next());
        for (int i = 1; i <= 6; i++) {
          assertNull(rs.getObject(i), "column " + i);
          assertTrue(rs.wasNull());
        }
      }
    }
  }

  /** Remote drivers send an untyped NULL, which takes its type from where it stands. */
  @ParameterizedTest
  @ValueSource(strings = {"embedded", "avatica", "thin"})
  void nullComparesAsUnknown(String kind) throws Exception {
    try (Connection connection = fixture.connect(kind);
         PreparedStatement prepared = connection.prepareStatement(
             "SELECT count(*) FROM tpch.tiny.nation WHERE n_regionkey = ?")) {
      prepared.setNull(1, Types.BIGINT);
      assertEquals(0L, single(prepared));
      prepared.setLong(1, 1L);
      assertEquals(5L, single(prepared));
    }
    try (Connection connection = fixture.connect(kind);
         PreparedStatement prepared = connection.prepareStatement("SELECT ? + 1, ? IS NULL, coalesce(?, 'none')")) {
      prepared.setNull(1, Types.INTEGER);
      prepared.setNull(2, Types.DATE);
      prepared.setNull(3, Types.VARCHAR);
      try (ResultSet rs = prepared.executeQuery()) {
        assertTrue(rs.next());
        assertNull(rs.getObject(1));
        assertTrue(rs.getBoolean(2));
        assertEquals("none", rs.getString(3));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"embedded", "avatica", "thin"})
  void aQuoteInAStringIsData(String kind) throws Exception {
    try (Connection connection = fixture.connect(kind);
         PreparedStatement prepared = connection.prepareStatement(
             "SELECT count(*) FROM tpch.tiny.nation WHERE n_name = ?")) {
      for (String attack : new String[] {"x' OR '1' = '1", "x'; DROP TABLE nation; --", "'", "''", "\\'",
          "x' OR 1=1 --"}) {
        prepared.setString(1, attack);
        assertEquals(0L, single(prepared), attack);
      }
      prepared.setString(1, "FRANCE");
      assertEquals(1L, single(prepared));
    }
    try (Connection connection = fixture.connect(kind);
         PreparedStatement echo = connection.prepareStatement("SELECT ?")) {
      echo.setString(1, "it's -- not /* a comment */ ?");
      try (ResultSet rs = echo.executeQuery()) {
        assertTrue(rs.next());
        assertEquals("it's -- not /* a comment */ ?", rs.getString(1));
      }
    }
  }

  /** The thin and embedded drivers check indexes and values before sending anything. */
  @ParameterizedTest
  @ValueSource(strings = {"embedded", "thin"})
  void wrongIndexAndMissingValueAreClearErrors(String kind) throws Exception {
    try (Connection connection = fixture.connect(kind);
         PreparedStatement prepared = connection.prepareStatement("SELECT ? + ?")) {
      SQLException tooHigh = assertThrows(SQLException.class, () -> prepared.setInt(3, 1));
      assertEquals("22023", tooHigh.getSQLState());
      assertTrue(tooHigh.getMessage().contains("index 3") && tooHigh.getMessage().contains("2 parameters"),
          tooHigh.getMessage());
      assertEquals("22023", assertThrows(SQLException.class, () -> prepared.setString(0, "x")).getSQLState());
      assertEquals("22023", assertThrows(SQLException.class, () -> prepared.setNull(-1, Types.INTEGER)).getSQLState());
      prepared.setInt(1, 1);
      SQLException missing = assertThrows(SQLException.class, prepared::executeQuery);
      assertEquals("22023", missing.getSQLState());
      assertTrue(missing.getMessage().contains("parameter 2"), missing.getMessage());
      prepared.setInt(2, 2);
      assertEquals(3L, single(prepared));
      prepared.clearParameters();
      assertEquals("22023", assertThrows(SQLException.class, prepared::executeQuery).getSQLState());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"embedded", "avatica", "thin"})
  void aStatementWithoutMarkersTakesNoParameters(String kind) throws Exception {
    try (Connection connection = fixture.connect(kind);
         PreparedStatement prepared = connection.prepareStatement("SELECT '?' AS q -- ?")) {
      assertEquals(0, prepared.getParameterMetaData().getParameterCount());
      try (ResultSet rs = prepared.executeQuery()) {
        assertTrue(rs.next());
        assertEquals("?", rs.getString(1));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"embedded", "thin"})
  void batchesBindEachRow(String kind) throws Exception {
    String table = "memory.params_" + kind + ".t";
    try (Connection connection = fixture.connect(kind);
         java.sql.Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA IF NOT EXISTS memory.params_" + kind);
      statement.execute("CREATE TABLE " + table + " AS SELECT 1 AS k");
      try (PreparedStatement prepared = connection.prepareStatement(
          "SELECT count(*) FROM " + table + " WHERE k = ?")) {
        prepared.setLong(1, 1L);
        assertEquals(1L, single(prepared));
      } finally {
        statement.execute("DROP TABLE " + table);
        statement.execute("DROP SCHEMA memory.params_" + kind);
      }
    }
  }

  private static long single(PreparedStatement prepared) throws SQLException {
    try (ResultSet rs = prepared.executeQuery()) {
      assertTrue(rs.next());
      long value = rs.getLong(1);
      assertFalse(rs.next());
      return value;
    }
  }
}
