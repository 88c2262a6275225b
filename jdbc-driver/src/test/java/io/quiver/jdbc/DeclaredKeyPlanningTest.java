package io.quiver.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The planner takes a memory table's PRIMARY KEY and NOT NULL UNIQUE keys as unique keys (Calcite's
 * table statistic): a DISTINCT or GROUP BY over a key is dropped (EXPLAIN before and after, the
 * same table without the key keeps its aggregate), with the same answers. A UNIQUE key over a
 * nullable column is no unique key (NULLs repeat) and keeps the aggregate.
 */
class DeclaredKeyPlanningTest {

  private Connection connection;

  @BeforeEach
  void open() throws SQLException {
    connection = DriverManager.getConnection("jdbc:quiver:");
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA memory.key_plans");
      statement.execute("CREATE TABLE memory.key_plans.keyed (id INTEGER PRIMARY KEY, code INTEGER NOT NULL UNIQUE, "
          + "loose INTEGER UNIQUE, v INTEGER)");
      statement.execute("CREATE TABLE memory.key_plans.plain (id INTEGER, code INTEGER, loose INTEGER, v INTEGER)");
      statement.execute("INSERT INTO memory.key_plans.keyed SELECT CAST(o_orderkey AS INTEGER), "
          + "CAST(o_orderkey AS INTEGER) + 1, CASE WHEN o_orderkey % 7 = 0 THEN NULL ELSE CAST(o_orderkey AS INTEGER) "
          + "END, CAST(o_custkey AS INTEGER) FROM tpch.tiny.orders");
      statement.execute("INSERT INTO memory.key_plans.plain SELECT * FROM memory.key_plans.keyed");
    }
  }

  @AfterEach
  void close() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS memory.key_plans CASCADE");
    }
    connection.close();
  }

  @Test
  void distinctOverAKeyIsDropped() throws SQLException {
    String keyed = "SELECT DISTINCT id, v FROM memory.key_plans.keyed";
    String plain = "SELECT DISTINCT id, v FROM memory.key_plans.plain";
    assertFalse(explain(keyed).contains("Aggregate"), explain(keyed));
    assertTrue(explain(plain).contains("Aggregate"), explain(plain));
    assertEquals(count(plain), count(keyed));
    assertEquals(15000, count(keyed));
  }

  @Test
  void groupByAKeyIsDropped() throws SQLException {
    String keyed = "SELECT code, v, sum(v) FROM memory.key_plans.keyed GROUP BY code, v";
    assertFalse(explain(keyed).contains("Aggregate"), explain(keyed));
    assertTrue(explain(keyed.replace("keyed", "plain")).contains("Aggregate"));
    assertEquals(sum(keyed.replace("keyed", "plain")), sum(keyed));
  }

  @Test
  void aNullableUniqueColumnIsNoKey() throws SQLException {
    String query = "SELECT DISTINCT loose FROM memory.key_plans.keyed";
    assertTrue(explain(query).contains("Aggregate"), explain(query));
    // Every seventh row has NULL there: those collapse into one row.
    assertEquals(count(query.replace("keyed", "plain")), count(query));
  }

  private String explain(String query) throws SQLException {
    StringBuilder text = new StringBuilder();
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("EXPLAIN " + query)) {
      while (rs.next()) {
        text.append(rs.getString(1)).append('\n');
      }
    }
    return text.substring(text.indexOf("== Physical Plan =="));
  }

  private long count(String query) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT count(*) FROM (" + query + ") AS q")) {
      assertTrue(rs.next());
      return rs.getLong(1);
    }
  }

  private long sum(String query) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT sum(code) + 3 * sum(v) FROM (" + query + ") AS q")) {
      assertTrue(rs.next());
      return rs.getLong(1);
    }
  }
}
