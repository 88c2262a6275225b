package io.quiver.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The driver end to end: {@code DriverManager.getConnection("jdbc:quiver:")} on the real embedded
 * engine and its tpch catalog. Tests that run queries are skipped while the engine cannot plan yet.
 */
class EmbeddedJdbcTest {

  private Connection connection;

  @BeforeEach
  void open() throws SQLException {
    connection = DriverManager.getConnection("jdbc:quiver:");
  }

  @AfterEach
  void close() throws SQLException {
    connection.close();
  }

  /** True once the engine can run a query (the planner may still be a placeholder). */
  static boolean queriesRun(Connection connection) {
    try (Statement statement = connection.createStatement();
         ResultSet rs = statement.executeQuery("SELECT 1")) {
      return rs.next();
    } catch (SQLException e) {
      return !String.valueOf(e.getMessage()).contains("not built yet");
    }
  }

  private void assumeQueriesRun() {
    assumeTrue(queriesRun(connection), "the engine cannot plan queries yet");
  }

  // --- metadata, answered from the catalog ---------------------------------------------------

  @Test
  void catalogsAndSchemas() throws SQLException {
    DatabaseMetaData md = connection.getMetaData();
    assertTrue(column(md.getCatalogs(), "TABLE_CAT").contains("tpch"));
    assertEquals(List.of("sf1", "sf10", "sf100", "sf1000", "tiny"),
        column(md.getSchemas("tpch", null), "TABLE_SCHEM"));
    assertEquals(List.of("sf1", "sf10", "sf100", "sf1000"), column(md.getSchemas("tpch", "sf%"), "TABLE_SCHEM"));
    assertTrue(column(md.getTableTypes(), "TABLE_TYPE").containsAll(List.of("TABLE", "VIEW", "SYSTEM TABLE")));
    assertEquals("Quiver", md.getDatabaseProductName());
    assertEquals("memory", connection.getCatalog());
    assertEquals("default", connection.getSchema());
  }

  @Test
  void tablesOfTheTpchSchemas() throws SQLException {
    DatabaseMetaData md = connection.getMetaData();
    assertEquals(List.of("customer", "lineitem", "nation", "orders", "part", "partsupp", "region", "supplier"),
        column(md.getTables("tpch", "tiny", "%", new String[] {"TABLE"}), "TABLE_NAME"));
    assertEquals(List.of("part", "partsupp"), column(md.getTables("tpch", "sf1", "part%", null), "TABLE_NAME"));
    assertEquals(List.of("TABLE"), column(md.getTables("tpch", "tiny", "nation", null), "TABLE_TYPE"));
    assertEquals(List.of(), column(md.getTables("tpch", "tiny", "%", new String[] {"VIEW"}), "TABLE_NAME"));
    assertEquals(5, column(md.getTables("tpch", null, "region", null), "TABLE_SCHEM").size());
  }

  @Test
  void columnsOfLineitem() throws SQLException {
    List<String> rows = new ArrayList<>();
    try (ResultSet rs = connection.getMetaData().getColumns("tpch", "tiny", "lineitem", null)) {
      while (rs.next()) {
        rows.add(rs.getInt("ORDINAL_POSITION") + " " + rs.getString("COLUMN_NAME") + " " + rs.getInt("DATA_TYPE")
            + " " + rs.getString("TYPE_NAME") + " " + rs.getInt("COLUMN_SIZE") + " "
            + rs.getObject("DECIMAL_DIGITS") + " " + rs.getInt("NULLABLE") + " " + rs.getString("IS_NULLABLE"));
      }
    }
    assertEquals(16, rows.size());
    assertEquals("1 l_orderkey " + Types.BIGINT + " BIGINT 19 0 0 NO", rows.get(0));
    assertEquals("4 l_linenumber " + Types.INTEGER + " INTEGER 10 0 0 NO", rows.get(3));
    assertEquals("5 l_quantity " + Types.DECIMAL + " DECIMAL(15,2) 15 2 0 NO", rows.get(4));
    assertEquals("9 l_returnflag " + Types.CHAR + " CHAR(1) 1 null 0 NO", rows.get(8));
    assertEquals("11 l_shipdate " + Types.DATE + " DATE 10 null 0 NO", rows.get(10));
    assertEquals("16 l_comment " + Types.VARCHAR + " VARCHAR(44) 44 null 0 NO", rows.get(15));
    assertEquals(List.of("c_name", "n_name", "p_name", "r_name", "s_name"),
        column(connection.getMetaData().getColumns("tpch", "sf1", "%", "%\\_name"), "COLUMN_NAME"));
  }

  @Test
  void typeInfo() throws SQLException {
    assertTrue(column(connection.getMetaData().getTypeInfo(), "TYPE_NAME")
        .containsAll(List.of("BOOLEAN", "INTEGER", "BIGINT", "DECIMAL", "DOUBLE", "CHAR", "VARCHAR", "DATE")));
  }

  // --- schema choice ---------------------------------------------------------------------------

  @Test
  void setSchemaChoosesTheSessionSchema() throws SQLException {
    connection.setSchema("sf1");
    assertEquals("sf1", connection.getSchema());
    connection.setSchema("tpch.sf10");
    assertEquals("sf10", connection.getSchema());
    assertEquals("tpch", connection.getCatalog());
    SQLException e = assertThrows(SQLException.class, () -> connection.setSchema("no_such_schema"));
    assertEquals("3F000", e.getSQLState());
    assertTrue(e.getMessage().contains("no_such_schema"), e.getMessage());
    assertEquals("sf10", connection.getSchema(), "a failed setSchema changes nothing");
  }

  @Test
  void schemaInTheUrl() throws SQLException {
    try (Connection sf1 = DriverManager.getConnection("jdbc:quiver:schema=sf1")) {
      assertEquals("sf1", sf1.getSchema());
    }
    try (Connection sf1 = DriverManager.getConnection("jdbc:quiver:schema=tpch.sf1")) {
      assertEquals("sf1", sf1.getSchema());
      assertEquals("tpch", sf1.getCatalog());
    }
    SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection("jdbc:quiver:schema=nope"));
    assertEquals("3F000", e.getSQLState());
  }

  @Test
  void driverIsFoundByUrl() throws SQLException {
    assertInstanceOf(QuiverDriver.class, DriverManager.getDriver("jdbc:quiver:"));
    assertInstanceOf(QuiverConnection.class, connection.unwrap(QuiverConnection.class));
  }

  // --- queries ---------------------------------------------------------------------------------

  @Test
  void lineitemValuesOfEveryTpchType() throws SQLException {
    assumeQueriesRun();
    try (Statement statement = connection.createStatement();
         ResultSet rs = statement.executeQuery("SELECT l_orderkey, l_linenumber, l_quantity, l_extendedprice, "
             + "l_returnflag, l_shipdate, l_shipmode FROM lineitem WHERE l_orderkey = 1 AND l_linenumber = 1")) {
      ResultSetMetaData md = rs.getMetaData();
      assertEquals(Types.BIGINT, md.getColumnType(1));
      assertEquals(Types.INTEGER, md.getColumnType(2));
      assertEquals(Types.DECIMAL, md.getColumnType(3));
      assertEquals(15, md.getPrecision(3));
      assertEquals(2, md.getScale(3));
      assertEquals(Types.CHAR, md.getColumnType(5));
      assertEquals(Types.DATE, md.getColumnType(6));
      assertEquals(Types.VARCHAR, md.getColumnType(7));
      assertEquals("l_extendedprice", md.getColumnLabel(4));
      assertEquals(ResultSetMetaData.columnNoNulls, md.isNullable(1));

      assertTrue(rs.next());
      assertEquals(1L, rs.getObject(1));
      assertEquals(1, rs.getObject(2));
      assertEquals(new BigDecimal("17.00"), rs.getBigDecimal(3));
      assertEquals(new BigDecimal("24710.35"), rs.getObject(4)); // 17 x part 553 at scale 0.01
      assertEquals("N", rs.getString(5));
      assertEquals(Date.valueOf("1996-03-13"), rs.getDate(6));
      assertEquals("1996-03-13", rs.getString(6));
      assertEquals("TRUCK", rs.getString(7));
      assertFalse(rs.next());
    }
  }

  @Test
  void literalsOfTheOtherTypes() throws SQLException {
    assumeQueriesRun();
    try (Statement statement = connection.createStatement();
         ResultSet rs = statement.executeQuery("SELECT TRUE, CAST(1.5 AS DOUBLE), CAST(2.5 AS REAL), "
             + "TIMESTAMP '1995-03-15 13:45:30', CAST(NULL AS INTEGER), 7 / 2, 1.50")) {
      ResultSetMetaData md = rs.getMetaData();
      assertEquals(Types.BOOLEAN, md.getColumnType(1));
      assertEquals(Types.DOUBLE, md.getColumnType(2));
      assertEquals(Types.REAL, md.getColumnType(3));
      assertEquals(Types.TIMESTAMP, md.getColumnType(4));
      assertEquals(Types.INTEGER, md.getColumnType(5));
      assertEquals(Types.DECIMAL, md.getColumnType(7));
      assertTrue(rs.next());
      assertEquals(Boolean.TRUE, rs.getObject(1));
      assertEquals(1.5, rs.getDouble(2));
      assertEquals(2.5f, rs.getFloat(3));
      assertEquals(Timestamp.valueOf("1995-03-15 13:45:30"), rs.getTimestamp(4));
      assertEquals("1995-03-15 13:45:30", rs.getString(4));
      assertNull(rs.getObject(5));
      assertTrue(rs.wasNull());
      assertEquals(3, rs.getInt(6));
      assertEquals("1.50", rs.getString(7));
    }
  }

  @Test
  void largeResultStreamsInFrames() throws SQLException {
    assumeQueriesRun();
    try (Statement statement = connection.createStatement()) {
      statement.setFetchSize(500);
      try (ResultSet rs = statement.executeQuery("SELECT l_orderkey, l_comment FROM lineitem")) {
        long rows = 0;
        while (rs.next()) {
          rows++;
        }
        assertEquals(60175, rows);
      }
    }
  }

  @Test
  void maxRowsLimitsTheResult() throws SQLException {
    assumeQueriesRun();
    try (Statement statement = connection.createStatement()) {
      statement.setMaxRows(7);
      try (ResultSet rs = statement.executeQuery("SELECT l_orderkey FROM lineitem")) {
        int rows = 0;
        while (rs.next()) {
          rows++;
        }
        assertEquals(7, rows);
      }
    }
  }

  @Test
  void aggregateOverTheSchemaFromTheUrl() throws SQLException {
    assumeQueriesRun();
    try (Connection tiny = DriverManager.getConnection("jdbc:quiver:schema=tpch.tiny");
         Statement statement = tiny.createStatement();
         ResultSet rs = statement.executeQuery("SELECT count(*) FROM orders")) {
      assertEquals(Types.BIGINT, rs.getMetaData().getColumnType(1));
      assertTrue(rs.next());
      assertEquals(15000L, rs.getLong(1));
    }
  }

  @Test
  void errorsCarrySqlStateAndPositionAndLeaveTheConnectionUsable() throws SQLException {
    assumeQueriesRun();
    try (Statement statement = connection.createStatement()) {
      SQLException missing = assertThrows(SQLException.class,
          () -> statement.executeQuery("SELECT * FROM no_such_table"));
      assertEquals("42P01", missing.getSQLState());
      assertEquals(2, missing.getErrorCode());
      assertTrue(missing.getMessage().contains("no_such_table"), missing.getMessage());
      assertFalse(missing.getMessage().startsWith("Error while executing SQL"), missing.getMessage());

      SQLException syntax = assertThrows(SQLException.class, () -> statement.executeQuery("SELEC 1"));
      assertInstanceOf(SQLSyntaxErrorException.class, syntax);
      assertEquals("42601", syntax.getSQLState());
      assertTrue(syntax.getMessage().contains("line 1, column"), syntax.getMessage());

      SQLException column = assertThrows(SQLException.class,
          () -> statement.executeQuery("SELECT no_such_column FROM nation"));
      assertEquals("42703", column.getSQLState());

      SQLException division = assertThrows(SQLException.class, () -> {
        try (ResultSet rs = statement.executeQuery("SELECT n_nationkey / 0 FROM nation")) {
          while (rs.next()) {
            rs.getLong(1);
          }
        }
      });
      assertEquals("22012", division.getSQLState());

      try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM nation")) {
        assertTrue(rs.next());
        assertEquals(25, rs.getLong(1));
      }
    }
  }

  @Test
  void cancelStopsAStreamingQuery() throws SQLException {
    assumeQueriesRun();
    try (Statement statement = connection.createStatement()) {
      statement.setFetchSize(100);
      ResultSet rs = statement.executeQuery("SELECT l_orderkey FROM tpch.sf1.lineitem");
      assertTrue(rs.next());
      statement.cancel();
      long[] rows = {1};
      SQLException e = assertThrows(SQLException.class, () -> {
        while (rs.next()) {
          rows[0]++; // rows of frames fetched before the cancel may still arrive
        }
      });
      assertEquals("57014", e.getSQLState());
      rs.close();
      try (ResultSet again = statement.executeQuery("SELECT count(*) FROM region")) {
        assertTrue(again.next());
        assertEquals(5, again.getLong(1));
      }
      assertTrue(rows[0] < 6_001_215, "rows read after the cancel: " + rows[0]);
    }
  }

  @Test
  void preparedStatementBindsParameters() throws SQLException {
    assumeQueriesRun();
    try (PreparedStatement statement = connection.prepareStatement(
        "SELECT n_name FROM nation WHERE n_nationkey = ? AND n_name <> ?")) {
      statement.setInt(1, 7);
      statement.setString(2, "it's");
      try (ResultSet rs = statement.executeQuery()) {
        assertTrue(rs.next());
        assertEquals("GERMANY", rs.getString(1));
        assertFalse(rs.next());
      }
      statement.setInt(1, 8);
      try (ResultSet rs = statement.executeQuery()) {
        assertTrue(rs.next());
        assertEquals("INDIA", rs.getString(1));
      }
    }
    try (PreparedStatement statement = connection.prepareStatement("SELECT r_name FROM region")) {
      assertEquals(Types.VARCHAR, statement.getMetaData().getColumnType(1));
    }
  }

  private static List<String> column(ResultSet rs, String name) throws SQLException {
    List<String> values = new ArrayList<>();
    try (rs) {
      while (rs.next()) {
        values.add(rs.getString(name));
      }
    }
    return values;
  }
}
