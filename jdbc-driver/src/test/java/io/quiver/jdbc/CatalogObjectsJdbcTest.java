package io.quiver.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tables, views and information_schema through JDBC: update counts of DDL and DML, the table types
 * of getTables, the columns of views in getColumns, SQLStates of their errors.
 */
class CatalogObjectsJdbcTest {

  private Connection connection;

  @BeforeEach
  void open() throws SQLException {
    connection = DriverManager.getConnection("jdbc:quiver:");
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA memory.jdbc_objects");
    }
  }

  @AfterEach
  void close() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS memory.jdbc_objects CASCADE");
    }
    connection.close();
  }

  @Test
  void updateCountsAndErrors() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      assertEquals(0, statement.executeUpdate("CREATE TABLE memory.jdbc_objects.t (k INTEGER NOT NULL, v VARCHAR(4))"));
      assertEquals(2, statement.executeUpdate("INSERT INTO memory.jdbc_objects.t VALUES (1, 'a'), (2, 'b')"));
      assertEquals(25, statement.executeUpdate(
          "INSERT INTO memory.jdbc_objects.t (k) SELECT CAST(n_nationkey AS INTEGER) FROM tpch.tiny.nation"));
      assertEquals(27, statement.executeUpdate("CREATE TABLE memory.jdbc_objects.copy AS SELECT * FROM memory.jdbc_objects.t"));
      assertEquals("23502", assertThrows(SQLException.class,
          () -> statement.executeUpdate("INSERT INTO memory.jdbc_objects.t VALUES (NULL, 'x')")).getSQLState());
      assertEquals("42804", assertThrows(SQLException.class,
          () -> statement.executeUpdate("INSERT INTO memory.jdbc_objects.t VALUES ('x', 'x')")).getSQLState());
      assertEquals("42P07", assertThrows(SQLException.class,
          () -> statement.executeUpdate("CREATE TABLE memory.jdbc_objects.t (x INTEGER)")).getSQLState());
      try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM memory.jdbc_objects.t")) {
        assertTrue(rs.next());
        assertEquals(27, rs.getLong(1));
      }
    }
  }

  @Test
  void getTablesListsViewsAndSystemTables() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE memory.jdbc_objects.t (k INTEGER NOT NULL, v VARCHAR(4))");
      statement.execute("CREATE VIEW memory.jdbc_objects.v (key, value) AS SELECT k, v FROM memory.jdbc_objects.t");
    }
    DatabaseMetaData md = connection.getMetaData();
    assertEquals(List.of("t:TABLE", "v:VIEW"), tables(md.getTables("memory", "jdbc_objects", "%", null)));
    assertEquals(List.of("v:VIEW"), tables(md.getTables("memory", "jdbc_objects", "%", new String[] {"VIEW"})));
    assertEquals(List.of("check_constraints:SYSTEM TABLE", "columns:SYSTEM TABLE", "key_column_usage:SYSTEM TABLE",
        "referential_constraints:SYSTEM TABLE", "schemata:SYSTEM TABLE", "table_constraints:SYSTEM TABLE",
        "tables:SYSTEM TABLE", "views:SYSTEM TABLE"),
        tables(md.getTables("system", "information_schema", "%", null)));
    List<String> types = new ArrayList<>();
    try (ResultSet rs = md.getTableTypes()) {
      while (rs.next()) {
        types.add(rs.getString("TABLE_TYPE"));
      }
    }
    assertTrue(types.containsAll(List.of("SYSTEM TABLE", "TABLE", "VIEW")), types.toString());
    List<String> columns = new ArrayList<>();
    try (ResultSet rs = md.getColumns("memory", "jdbc_objects", "v", "%")) {
      while (rs.next()) {
        columns.add(rs.getString("COLUMN_NAME") + ":" + rs.getInt("DATA_TYPE") + ":" + rs.getInt("NULLABLE"));
      }
    }
    assertEquals(List.of("key:" + Types.INTEGER + ":" + DatabaseMetaData.columnNoNulls,
        "value:" + Types.VARCHAR + ":" + DatabaseMetaData.columnNullable), columns);
    assertFalse(catalogs(md).contains("information_schema"), "information_schema is a schema, not a catalog");
    assertTrue(catalogs(md).contains("system"));
  }

  private static List<String> tables(ResultSet rs) throws SQLException {
    List<String> names = new ArrayList<>();
    try (rs) {
      while (rs.next()) {
        names.add(rs.getString("TABLE_NAME") + ":" + rs.getString("TABLE_TYPE"));
      }
    }
    names.sort(null);
    return names;
  }

  private static List<String> catalogs(DatabaseMetaData md) throws SQLException {
    List<String> names = new ArrayList<>();
    try (ResultSet rs = md.getCatalogs()) {
      while (rs.next()) {
        names.add(rs.getString("TABLE_CAT"));
      }
    }
    return names;
  }
}
