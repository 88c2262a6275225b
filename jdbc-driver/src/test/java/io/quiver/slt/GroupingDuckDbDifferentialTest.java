package io.quiver.slt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * GROUPING SETS, ROLLUP, CUBE, INTERSECT, EXCEPT, several DISTINCT aggregates, statistical and
 * ordered aggregates and recursive queries over TPC-H tiny, against DuckDB on the same rows
 * ({@link DuckDbTpchTiny}). Rows are compared as a multiset; numbers within a relative 1e-9 (or
 * 0.0015 absolute, for DuckDB's other decimal scales), text and NULLs exactly.
 */
class GroupingDuckDbDifferentialTest {

  /** Queries whose answer does not depend on the order rows arrive in. */
  static final List<String> QUERIES = List.of(
      "SELECT l_returnflag, l_linestatus, count(*), sum(l_quantity), avg(l_discount) FROM lineitem "
          + "GROUP BY ROLLUP(l_returnflag, l_linestatus)",
      "SELECT l_returnflag, l_shipmode, count(*), max(l_shipdate), GROUPING(l_returnflag, l_shipmode) FROM lineitem "
          + "GROUP BY CUBE(l_returnflag, l_shipmode)",
      "SELECT o_orderpriority, o_orderstatus, sum(o_totalprice), count(*) FROM orders "
          + "GROUP BY GROUPING SETS ((o_orderpriority), (o_orderstatus), ())",
      "SELECT n_regionkey, n_nationkey % 3, count(*), GROUPING(n_regionkey), GROUPING(n_nationkey % 3) FROM nation "
          + "GROUP BY CUBE(n_regionkey, n_nationkey % 3)",
      "SELECT r_name, n_name, sum(s_acctbal), count(*) FROM supplier JOIN nation ON s_nationkey = n_nationkey "
          + "JOIN region ON n_regionkey = r_regionkey GROUP BY ROLLUP(r_name, n_name)",
      "SELECT p_mfgr, p_brand, p_size, count(*), min(p_retailprice) FROM part GROUP BY ROLLUP(p_mfgr, p_brand, p_size)",
      "SELECT c_mktsegment, count(*), sum(c_acctbal) FROM customer WHERE c_acctbal > 9990 GROUP BY ROLLUP(c_mktsegment)",
      "SELECT l_shipmode, count(*) FROM lineitem WHERE l_quantity > 100 GROUP BY ROLLUP(l_shipmode)",
      "SELECT l_returnflag, l_linestatus, count(*) FROM lineitem GROUP BY l_returnflag, ROLLUP(l_linestatus) "
          + "HAVING count(*) > 1000",
      "SELECT o_orderstatus, extract(year FROM o_orderdate), count(*), GROUPING(o_orderstatus) FROM orders "
          + "GROUP BY GROUPING SETS ((o_orderstatus, extract(year FROM o_orderdate)), (o_orderstatus))",
      "SELECT o_custkey FROM orders INTERSECT SELECT c_custkey FROM customer WHERE c_nationkey = 3",
      "SELECT c_custkey FROM customer EXCEPT SELECT o_custkey FROM orders",
      "SELECT l_orderkey FROM lineitem WHERE l_linenumber < 3 INTERSECT ALL SELECT l_orderkey FROM lineitem "
          + "WHERE l_quantity > 45",
      "SELECT l_orderkey FROM lineitem EXCEPT ALL SELECT o_orderkey FROM orders",
      "SELECT l_returnflag, l_linestatus FROM lineitem EXCEPT SELECT l_returnflag, l_linestatus FROM lineitem "
          + "WHERE l_shipdate > DATE '1995-06-17'",
      "SELECT n_name FROM nation INTERSECT SELECT n_name FROM nation WHERE n_regionkey = 2 UNION "
          + "SELECT r_name FROM region",
      "SELECT s_nationkey, s_suppkey % 5 FROM supplier EXCEPT ALL SELECT c_nationkey, c_custkey % 5 FROM customer",
      "SELECT ps_partkey FROM partsupp WHERE ps_availqty < 100 INTERSECT SELECT p_partkey FROM part WHERE p_size < 10",
      "SELECT count(DISTINCT l_orderkey), count(DISTINCT l_partkey), count(DISTINCT l_suppkey) FROM lineitem",
      "SELECT l_returnflag, count(DISTINCT l_orderkey), count(DISTINCT l_suppkey), count(*), sum(l_quantity) "
          + "FROM lineitem GROUP BY l_returnflag",
      "SELECT o_orderstatus, count(DISTINCT o_custkey), sum(DISTINCT o_shippriority), avg(o_totalprice) FROM orders "
          + "GROUP BY o_orderstatus",
      "SELECT c_mktsegment, count(DISTINCT c_nationkey), avg(DISTINCT c_nationkey), count(*) FROM customer "
          + "GROUP BY c_mktsegment",
      "SELECT count(DISTINCT p_brand), count(DISTINCT p_type), count(DISTINCT p_container), max(p_size) FROM part",
      "SELECT stddev_samp(l_quantity), var_pop(l_extendedprice), stddev_pop(l_discount), variance(l_tax) FROM lineitem",
      "SELECT l_returnflag, stddev(l_extendedprice), var_samp(l_quantity), covar_pop(l_quantity, l_discount), "
          + "covar_samp(l_extendedprice, l_tax) FROM lineitem GROUP BY l_returnflag",
      "SELECT n_regionkey, stddev_pop(n_nationkey), var_samp(n_nationkey) FROM nation GROUP BY n_regionkey",
      "SELECT bool_and(o_totalprice > 1000), bool_or(o_orderstatus = 'P'), bool_and(o_shippriority = 0) FROM orders",
      "SELECT l_shipmode, bool_or(l_quantity > 49), bool_and(l_discount < 0.1) FROM lineitem GROUP BY l_shipmode",
      "SELECT l_returnflag, count(*) FILTER (WHERE l_shipmode = 'AIR'), sum(l_extendedprice) FILTER (WHERE l_tax = 0), "
          + "avg(l_quantity) FILTER (WHERE l_discount > 0.05) FROM lineitem GROUP BY l_returnflag",
      // DuckDB keeps a DECIMAL argument's type for PERCENTILE_CONT and MEDIAN; Quiver's are DOUBLE.
      "SELECT median(l_quantity), percentile_cont(0.9) WITHIN GROUP (ORDER BY CAST(l_extendedprice AS DOUBLE)), "
          + "percentile_disc(0.25) WITHIN GROUP (ORDER BY l_discount) FROM lineitem",
      "SELECT l_returnflag, percentile_disc(0.5) WITHIN GROUP (ORDER BY l_quantity), "
          + "percentile_cont(0.75) WITHIN GROUP (ORDER BY l_tax) FROM lineitem GROUP BY l_returnflag",
      "SELECT n_regionkey, string_agg(n_name, ', ' ORDER BY n_name) FROM nation GROUP BY n_regionkey",
      "SELECT r_regionkey, string_agg(n_name, '|' ORDER BY n_nationkey DESC) FROM region JOIN nation "
          + "ON n_regionkey = r_regionkey GROUP BY r_regionkey",
      "SELECT c_nationkey, percentile_disc(0.5) WITHIN GROUP (ORDER BY c_acctbal), median(CAST(c_acctbal AS DOUBLE)) "
          + "FROM customer "
          + "GROUP BY c_nationkey",
      "WITH RECURSIVE k(key) AS (SELECT 0 UNION ALL SELECT CAST(n_nationkey AS INTEGER) FROM nation "
          + "JOIN k ON n_nationkey = k.key + 5) SELECT key FROM k",
      "WITH RECURSIVE r(n) AS (SELECT 1 UNION SELECT n % 7 + 1 FROM r) SELECT n FROM r",
      "WITH RECURSIVE o(key, depth) AS (SELECT o_orderkey, 0 FROM orders WHERE o_orderkey < 40 UNION ALL "
          + "SELECT l_orderkey, depth + 1 FROM lineitem JOIN o ON l_orderkey = o.key + 1 WHERE depth < 3 "
          + "AND l_linenumber = 1) SELECT depth, count(*), sum(key) FROM o GROUP BY depth",
      "SELECT l_returnflag, l_linestatus, count(DISTINCT l_suppkey), sum(l_quantity) FROM lineitem "
          + "GROUP BY ROLLUP(l_returnflag, l_linestatus)");

  private static Connection quiver;
  private static Connection duckDb;

  @BeforeAll
  static void connect() throws SQLException {
    quiver = DriverManager.getConnection("jdbc:quiver:");
    duckDb = DriverManager.getConnection("jdbc:duckdb:");
    DuckDbTpchTiny.load(duckDb);
  }

  @AfterAll
  static void close() throws SQLException {
    if (quiver != null) {
      quiver.close();
    }
    if (duckDb != null) {
      duckDb.close();
    }
  }

  @TestFactory
  Stream<DynamicTest> sameRowsAsDuckDb() {
    assertTrue(QUERIES.size() >= 30);
    return QUERIES.stream().map(sql -> DynamicTest.dynamicTest(sql, () -> {
      List<List<String>> expected = rows(duckDb, sql);
      List<List<String>> actual = rows(quiver, sql);
      assertEquals(expected.size(), actual.size(), "row count of " + sql);
      for (int i = 0; i < expected.size(); i++) {
        assertEquals(expected.get(i).size(), actual.get(i).size(), sql);
        for (int j = 0; j < expected.get(i).size(); j++) {
          String want = expected.get(i).get(j);
          String got = actual.get(i).get(j);
          if (!want.equals(got) && !closeNumbers(want, got)) {
            assertEquals(expected.get(i), actual.get(i), "row " + i + " of " + sql);
          }
        }
      }
    }));
  }

  private static boolean closeNumbers(String a, String b) {
    try {
      BigDecimal x = new BigDecimal(a);
      BigDecimal y = new BigDecimal(b);
      BigDecimal tolerance = new BigDecimal("0.0015").max(x.abs().multiply(new BigDecimal("1e-9")));
      return x.subtract(y).abs().compareTo(tolerance) <= 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** Rows as text (numbers in plain notation), sorted so that order does not matter. */
  private static List<List<String>> rows(Connection connection, String sql) throws SQLException {
    List<List<String>> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement(); ResultSet resultSet = statement.executeQuery(sql)) {
      ResultSetMetaData metaData = resultSet.getMetaData();
      while (resultSet.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= metaData.getColumnCount(); i++) {
          Object value = resultSet.getObject(i);
          row.add(value == null ? "NULL" : value instanceof BigDecimal decimal ? decimal.stripTrailingZeros()
              .toPlainString() : value instanceof Number number && !(value instanceof Double || value instanceof Float)
              ? new BigDecimal(number.toString()).toPlainString() : value instanceof Double d
              ? new BigDecimal(d).toPlainString() : value instanceof Float f ? new BigDecimal(f).toPlainString()
              : value.toString());
        }
        rows.add(row);
      }
    }
    rows.sort((a, b) -> String.join("\u0001", a).compareTo(String.join("\u0001", b)));
    return rows;
  }
}
