package io.quiver.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.jdbc.fake.FakeQuiver;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The driver's own mechanics over a fake engine: value conversion of every type, frames that
 * stream, maxRows, errors at execute and at fetch, cancel from another thread, metadata calls and
 * the session's schema. The engine's allocator must be empty at the end of each test.
 */
class DriverMechanicsTest {

  private FakeQuiver engine;
  private Connection connection;

  @BeforeEach
  void open() throws SQLException {
    engine = new FakeQuiver();
    connection = QuiverDriver.connect(engine, new Properties());
  }

  @AfterEach
  void close() throws SQLException {
    connection.close();
    assertEquals(0, engine.openResults(), "results left open");
    engine.close(); // fails on a leaked buffer
  }

  @Test
  void everyTypeComesBackAsItsJavaValue() throws SQLException {
    try (Statement statement = connection.createStatement();
         ResultSet rs = statement.executeQuery("types")) {
      assertTrue(rs.next());
      assertTrue(rs.getBoolean("c_boolean"));
      assertEquals(Boolean.TRUE, rs.getObject("c_boolean"));
      assertEquals((byte) -7, rs.getByte("c_tinyint"));
      assertEquals((short) 300, rs.getShort("c_smallint"));
      assertEquals(123456, rs.getInt("c_integer"));
      assertEquals(123456, rs.getObject("c_integer"));
      assertEquals(9_000_000_000L, rs.getLong("c_bigint"));
      assertEquals(9_000_000_000L, rs.getObject("c_bigint"));
      assertEquals(1.5f, rs.getFloat("c_real"));
      assertEquals(2.25, rs.getDouble("c_double"));
      assertEquals(new BigDecimal("1234.50"), rs.getBigDecimal("c_decimal"));
      assertEquals(new BigDecimal("1234.50"), rs.getObject("c_decimal"));
      assertEquals("1234.50", rs.getString("c_decimal"));
      assertEquals("ab", rs.getString("c_char"), "CHAR comes back unpadded");
      assertEquals("héllo", rs.getString("c_varchar"));
      assertEquals(Date.valueOf("1995-03-15"), rs.getDate("c_date"));
      assertEquals("1995-03-15", rs.getString("c_date"));
      assertEquals(Time.valueOf("13:45:30"), new Time(rs.getTime("c_time").getTime() / 1000 * 1000));
      assertEquals("13:45:30.25", rs.getString("c_time"));
      assertEquals("1995-03-15 13:45:30.25", rs.getString("c_timestamp"));
      assertEquals(Timestamp.valueOf("1995-03-15 13:45:30.25"), rs.getTimestamp("c_timestamp"));
      assertInstanceOf(Timestamp.class, rs.getObject("c_timestamp"));
      assertInstanceOf(Date.class, rs.getObject("c_date"));

      assertTrue(rs.next());
      for (int column = 1; column <= rs.getMetaData().getColumnCount(); column++) {
        assertNull(rs.getObject(column), "column " + column);
        assertTrue(rs.wasNull());
      }
      assertFalse(rs.next());
    }
  }

  @Test
  void resultSetMetaDataDescribesEveryType() throws SQLException {
    try (Statement statement = connection.createStatement();
         ResultSet rs = statement.executeQuery("types")) {
      ResultSetMetaData md = rs.getMetaData();
      assertEquals(13, md.getColumnCount());
      int[] types = {Types.BOOLEAN, Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.REAL,
          Types.DOUBLE, Types.DECIMAL, Types.CHAR, Types.VARCHAR, Types.DATE, Types.TIME, Types.TIMESTAMP};
      String[] names = {"BOOLEAN", "TINYINT", "SMALLINT", "INTEGER", "BIGINT", "REAL", "DOUBLE", "DECIMAL",
          "CHAR", "VARCHAR", "DATE", "TIME", "TIMESTAMP"};
      for (int i = 0; i < types.length; i++) {
        assertEquals(types[i], md.getColumnType(i + 1), "type of column " + (i + 1));
        assertEquals(names[i], md.getColumnTypeName(i + 1));
        assertEquals(ResultSetMetaData.columnNullable, md.isNullable(i + 1));
      }
      assertEquals("c_decimal", md.getColumnName(8));
      assertEquals("c_decimal", md.getColumnLabel(8));
      assertEquals(15, md.getPrecision(8));
      assertEquals(2, md.getScale(8));
      assertEquals(BigDecimal.class.getName(), md.getColumnClassName(8));
      assertEquals(5, md.getPrecision(9));
      assertEquals("", md.getTableName(1), "JDBC's value where the column has no single table");
      assertEquals("", md.getSchemaName(1));
      assertTrue(md.isSigned(5));
      assertFalse(md.isSigned(10));
      assertTrue(md.isCaseSensitive(10));
      assertEquals(25, md.getPrecision(10));
    }
    try (Statement statement = connection.createStatement();
         ResultSet rs = statement.executeQuery("range 1 batch 1")) {
      assertEquals(ResultSetMetaData.columnNoNulls, rs.getMetaData().isNullable(1));
    }
  }

  @Test
  void largeResultStreamsFrameByFrame() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.setFetchSize(100);
      try (ResultSet rs = statement.executeQuery("range 10000000 batch 1000")) {
        for (int i = 0; i < 2500; i++) {
          assertTrue(rs.next());
          assertEquals(i, rs.getLong(1));
        }
        // Only the batches the frames needed were made: far from all ten million rows.
        assertTrue(engine.rowsProduced() <= 4000, "rows produced: " + engine.rowsProduced());
      }
      assertEquals(0, engine.openResults(), "closing the result set closes the query's result");
    }
  }

  @Test
  void wholeResultArrivesAcrossManyFrames() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.setFetchSize(333);
      try (ResultSet rs = statement.executeQuery("range 25000 batch 1024")) {
        long count = 0;
        long sum = 0;
        while (rs.next()) {
          count++;
          sum += rs.getLong(1);
        }
        assertEquals(25000, count);
        assertEquals(25000L * 24999 / 2, sum);
      }
    }
  }

  @Test
  void maxRowsStopsTheQuery() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.setMaxRows(10);
      try (ResultSet rs = statement.executeQuery("range 100000 batch 100")) {
        int count = 0;
        while (rs.next()) {
          count++;
        }
        assertEquals(10, count);
        assertEquals(0, engine.openResults(), "the query stops once maxRows rows were read");
      }
    }
  }

  @Test
  void errorAtExecuteCarriesSqlStateCodeAndPosition() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      SQLException e = assertThrows(SQLException.class, () -> statement.executeQuery("selec 1"));
      assertInstanceOf(SQLSyntaxErrorException.class, e);
      assertEquals("42601", e.getSQLState());
      assertEquals(1, e.getErrorCode());
      assertEquals("Non-query expression encountered in illegal context (at line 1, column 1)", e.getMessage());
      // The statement and the connection still work.
      try (ResultSet rs = statement.executeQuery("range 3 batch 2")) {
        assertTrue(rs.next());
      }
    }
  }

  @Test
  void errorWhileFetchingIsAnSqlException() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.setFetchSize(100);
      ResultSet rs = statement.executeQuery("fail after 250");
      SQLException e = assertThrows(SQLException.class, () -> {
        while (rs.next()) {
          rs.getLong(1);
        }
      });
      assertInstanceOf(SQLDataException.class, e);
      assertEquals("22012", e.getSQLState());
      assertEquals(100, e.getErrorCode());
      rs.close();
    }
    try (Statement statement = connection.createStatement();
         ResultSet rs = statement.executeQuery("range 3 batch 3")) {
      assertTrue(rs.next());
    }
  }

  @Test
  void cancelFromAnotherThreadStopsTheQuery() throws Exception {
    try (Statement statement = connection.createStatement()) {
      CompletableFuture<SQLException> failure = CompletableFuture.supplyAsync(() -> {
        try {
          statement.executeQuery("block");
          return null;
        } catch (SQLException e) {
          return e;
        }
      });
      // Cancel until the query has seen it (the first attempts may come before it started).
      while (!failure.isDone()) {
        statement.cancel();
        Thread.sleep(20);
      }
      SQLException e = failure.get(30, TimeUnit.SECONDS);
      assertEquals("57014", e.getSQLState());
      // A cancelled statement runs the next query normally.
      try (ResultSet rs = statement.executeQuery("range 2 batch 2")) {
        assertTrue(rs.next());
        assertTrue(rs.next());
        assertFalse(rs.next());
      }
    }
  }

  @Test
  void queryTimeoutStopsTheQuery() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(1);
      SQLException e = assertThrows(SQLException.class, () -> statement.executeQuery("block"));
      assertInstanceOf(SQLTimeoutException.class, e);
      assertEquals("57014", e.getSQLState());
      statement.setQueryTimeout(0);
      try (ResultSet rs = statement.executeQuery("range 2 batch 2")) {
        assertTrue(rs.next());
      }
    }
  }

  @Test
  void closingTheStatementClosesItsRunningResult() throws SQLException {
    Statement statement = connection.createStatement();
    statement.setFetchSize(10);
    ResultSet rs = statement.executeQuery("range 100000 batch 100");
    assertTrue(rs.next());
    assertEquals(1, engine.openResults());
    statement.close();
    assertEquals(0, engine.openResults());
    assertTrue(rs.isClosed());
  }

  @Test
  void reExecutingAStatementClosesItsPreviousResult() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.setFetchSize(10);
      ResultSet first = statement.executeQuery("range 100000 batch 100");
      assertTrue(first.next());
      ResultSet second = statement.executeQuery("range 100000 batch 100");
      assertTrue(first.isClosed());
      assertEquals(1, engine.openResults());
      assertTrue(second.next());
    }
  }

  @Test
  void statementWithoutRowsReportsItsCount() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      assertFalse(statement.execute("create table t (x int)"));
      assertEquals(0, statement.getUpdateCount());
      assertEquals(0, statement.executeUpdate("create table u (x int)"));
    }
  }

  @Test
  void schemaFollowsSetSchemaAndRejectsUnknownOnes() throws SQLException {
    assertEquals("tiny", connection.getSchema());
    assertEquals("tpch", connection.getCatalog());
    connection.setSchema("sf1");
    assertEquals("sf1", connection.getSchema());
    connection.setSchema("system.runtime");
    assertEquals("system", connection.getCatalog());
    assertEquals("runtime", connection.getSchema());
    SQLException e = assertThrows(SQLException.class, () -> connection.setSchema("nope"));
    assertEquals("3F000", e.getSQLState());
    assertEquals("runtime", connection.getSchema());
  }

  @Test
  void schemaPropertyChoosesTheSessionSchema() throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("schema", "tpch.sf1");
    try (Connection other = QuiverDriver.connect(engine, properties)) {
      assertEquals("sf1", other.getSchema());
      assertEquals("sf1", other.unwrap(QuiverConnection.class).session().currentSchema());
    }
    properties.setProperty("schema", "missing");
    SQLException e = assertThrows(SQLException.class, () -> QuiverDriver.connect(engine, properties));
    assertEquals("3F000", e.getSQLState());
  }

  @Test
  void catalogsSchemasAndTableTypes() throws SQLException {
    DatabaseMetaData md = connection.getMetaData();
    assertEquals(List.of("system", "tpch"), column(md.getCatalogs(), "TABLE_CAT"));
    assertEquals(List.of("runtime", "sf1", "tiny"), column(md.getSchemas(), "TABLE_SCHEM"));
    assertEquals(List.of("sf1", "tiny"), column(md.getSchemas("tpch", null), "TABLE_SCHEM"));
    assertEquals(List.of("tpch", "tpch"), column(md.getSchemas("tpch", "%"), "TABLE_CATALOG"));
    assertEquals(List.of("tiny"), column(md.getSchemas(null, "t_n%"), "TABLE_SCHEM"));
    assertEquals(List.of("SYSTEM TABLE", "TABLE", "VIEW"), column(md.getTableTypes(), "TABLE_TYPE"));
    assertEquals("Quiver", md.getDatabaseProductName());
  }

  @Test
  void tablesByPatternAndType() throws SQLException {
    DatabaseMetaData md = connection.getMetaData();
    // JDBC's order: type, catalog, schema, name.
    assertEquals(List.of("queries", "nation", "orders", "nation", "orders", "order_view", "order_view"),
        column(md.getTables(null, null, null, null), "TABLE_NAME"));
    assertEquals(List.of("nation"), column(md.getTables("tpch", "tiny", "nat%", null), "TABLE_NAME"));
    assertEquals(List.of("order_view"), column(md.getTables("tpch", "tiny", "%", new String[] {"VIEW"}),
        "TABLE_NAME"));
    assertEquals(List.of("SYSTEM TABLE"), column(md.getTables(null, null, "queries", null), "TABLE_TYPE"));
    assertEquals(List.of(), column(md.getTables("nope", null, null, null), "TABLE_NAME"));
    assertEquals(List.of("orders", "order_view"), column(md.getTables("tpch", "sf1", "order%", null),
        "TABLE_NAME"));
    assertEquals(List.of("orders"), column(md.getTables("tpch", "sf1", "order_", null), "TABLE_NAME"));
    assertEquals(List.of("order_view"), column(md.getTables("tpch", "sf1", "order\\_view", null),
        "TABLE_NAME"));
  }

  @Test
  void columnsWithTypesSizesAndNullability() throws SQLException {
    DatabaseMetaData md = connection.getMetaData();
    try (ResultSet rs = md.getColumns("tpch", "tiny", "orders", null)) {
      List<String> rows = new ArrayList<>();
      while (rs.next()) {
        rows.add(rs.getString("TABLE_CAT") + "." + rs.getString("TABLE_SCHEM") + "." + rs.getString("TABLE_NAME")
            + "." + rs.getString("COLUMN_NAME") + " " + rs.getInt("DATA_TYPE") + " " + rs.getString("TYPE_NAME")
            + " " + rs.getInt("COLUMN_SIZE") + " " + rs.getObject("DECIMAL_DIGITS") + " "
            + rs.getInt("NULLABLE") + " " + rs.getString("IS_NULLABLE") + " " + rs.getInt("ORDINAL_POSITION"));
      }
      assertEquals(List.of(
          "tpch.tiny.orders.o_orderkey " + Types.BIGINT + " BIGINT 19 0 0 NO 1",
          "tpch.tiny.orders.o_orderstatus " + Types.CHAR + " CHAR(1) 1 null 0 NO 2",
          "tpch.tiny.orders.o_totalprice " + Types.DECIMAL + " DECIMAL(15,2) 15 2 0 NO 3",
          "tpch.tiny.orders.o_orderdate " + Types.DATE + " DATE 10 null 0 NO 4"), rows);
    }
    assertEquals(List.of("o_orderkey"), column(md.getColumns("tpch", "tiny", "order_view", "%"), "COLUMN_NAME"));
    try (ResultSet rs = md.getColumns(null, null, "order_view", null)) {
      assertTrue(rs.next());
      assertEquals(DatabaseMetaData.columnNullable, rs.getInt("NULLABLE"));
    }
    assertEquals(List.of("n_name", "n_name"), column(md.getColumns(null, "%", "nation", "%name"), "COLUMN_NAME"));
  }

  @Test
  void typeInfoListsTheTypes() throws SQLException {
    List<String> names = column(connection.getMetaData().getTypeInfo(), "TYPE_NAME");
    assertTrue(names.containsAll(List.of("BIGINT", "DECIMAL", "VARCHAR", "CHAR", "DATE", "TIMESTAMP", "BOOLEAN")),
        names.toString());
  }

  @Test
  void preparedStatementRunsWithItsParametersBound() throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("range ? batch ?")) {
      assertEquals(2, statement.getParameterMetaData().getParameterCount());
      statement.setInt(1, 5);
      // The fake engine's grammar takes plain numbers (a setLong value is a CAST to BIGINT).
      statement.setInt(2, 2);
      assertEquals(5, count(statement.executeQuery()));
      statement.setInt(1, 3);
      assertEquals(3, count(statement.executeQuery()));
      assertEquals(Types.BIGINT, statement.getMetaData().getColumnType(1), "metadata of the last result");
    }
  }

  @Test
  void preparedStatementWithAnUnboundParameterFails() throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("range ? batch ?")) {
      statement.setInt(1, 5);
      assertThrows(SQLException.class, statement::executeQuery);
      statement.setInt(2, 5);
      assertEquals(5, count(statement.executeQuery()));
    }
  }

  @Test
  void wrongUsesFailWithSqlExceptions() throws SQLException {
    Statement statement = connection.createStatement();
    assertThrows(SQLException.class, () -> statement.executeQuery("create table t (x int)"),
        "a statement without rows has no result set");
    ResultSet rs = statement.executeQuery("range 10 batch 5");
    rs.close();
    assertThrows(SQLException.class, rs::next);
    statement.close();
    assertThrows(SQLException.class, () -> statement.executeQuery("range 1 batch 1"));
    assertThrows(SQLException.class, statement::cancel);
  }

  @Test
  void closedConnectionRefusesWork() throws SQLException {
    Connection other = QuiverDriver.connect(engine, new Properties());
    other.close();
    assertThrows(SQLException.class, other::createStatement);
  }

  private static long count(ResultSet rs) throws SQLException {
    long rows = 0;
    try (rs) {
      while (rs.next()) {
        rows++;
      }
    }
    return rows;
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
