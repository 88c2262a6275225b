package io.quiver.slt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Window queries of the kinds BI tools and report writers send (top-N per group, running totals,
 * moving averages, LAG deltas, shares of a total, rankings, quantiles), run on Quiver and on DuckDB
 * over the same TPC-H tiny rows: the answers must be the same rows. Numbers compare by value:
 * DuckDB's AVG of a DECIMAL is a DOUBLE where Quiver's is a DECIMAL with four more digits of scale,
 * and floating sums may differ in their last bits. DuckDB orders NULLs as PostgreSQL does here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WindowDuckDbDifferentialTest {

  private static final List<String> QUERIES = List.of(
      // top-N per group
      "SELECT o_custkey, o_orderkey, o_totalprice FROM (SELECT o_custkey, o_orderkey, o_totalprice, ROW_NUMBER() OVER"
          + " (PARTITION BY o_custkey ORDER BY o_totalprice DESC, o_orderkey) AS r FROM orders) AS w WHERE r <= 3",
      "SELECT p_brand, p_partkey, revenue FROM (SELECT p_brand, p_partkey, sum(l_extendedprice * (1 - l_discount)) AS"
          + " revenue, RANK() OVER (PARTITION BY p_brand ORDER BY sum(l_extendedprice * (1 - l_discount)) DESC) AS r"
          + " FROM lineitem JOIN part ON l_partkey = p_partkey GROUP BY p_brand, p_partkey) AS w WHERE r <= 2",
      "SELECT c_mktsegment, c_custkey, c_acctbal FROM (SELECT c_mktsegment, c_custkey, c_acctbal, DENSE_RANK() OVER"
          + " (PARTITION BY c_mktsegment ORDER BY c_acctbal DESC) AS r FROM customer) AS w WHERE r <= 5",
      "SELECT o_custkey, o_orderkey, o_orderdate FROM (SELECT o_custkey, o_orderkey, o_orderdate, ROW_NUMBER() OVER"
          + " (PARTITION BY o_custkey ORDER BY o_orderdate DESC, o_orderkey DESC) AS r FROM orders) AS w WHERE r = 1",
      // running totals
      "SELECT o_orderdate, revenue, SUM(revenue) OVER (ORDER BY o_orderdate) FROM (SELECT o_orderdate,"
          + " sum(o_totalprice) AS revenue FROM orders GROUP BY o_orderdate) AS d",
      "SELECT y, o_orderdate, SUM(revenue) OVER (PARTITION BY y ORDER BY o_orderdate ROWS UNBOUNDED PRECEDING)"
          + " FROM (SELECT EXTRACT(YEAR FROM o_orderdate) AS y, o_orderdate, sum(o_totalprice) AS revenue"
          + " FROM orders GROUP BY EXTRACT(YEAR FROM o_orderdate), o_orderdate) AS d",
      "SELECT l_orderkey, l_linenumber, SUM(l_quantity) OVER (PARTITION BY l_orderkey ORDER BY l_linenumber)"
          + " FROM lineitem",
      "SELECT o_orderdate, MAX(o_totalprice) OVER (ORDER BY o_orderdate, o_orderkey ROWS UNBOUNDED PRECEDING)"
          + " FROM orders",
      // moving averages
      "SELECT o_orderdate, revenue, AVG(revenue) OVER (ORDER BY o_orderdate ROWS BETWEEN 6 PRECEDING AND CURRENT ROW)"
          + " FROM (SELECT o_orderdate, sum(o_totalprice) AS revenue FROM orders GROUP BY o_orderdate) AS d",
      "SELECT o_orderdate, AVG(revenue) OVER (ORDER BY o_orderdate RANGE BETWEEN INTERVAL '6' DAY PRECEDING AND"
          + " CURRENT ROW) FROM (SELECT o_orderdate, sum(o_totalprice) AS revenue FROM orders GROUP BY o_orderdate) AS d",
      "SELECT m, AVG(revenue) OVER (ORDER BY m ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) FROM (SELECT"
          + " EXTRACT(YEAR FROM o_orderdate) * 100 + EXTRACT(MONTH FROM o_orderdate) AS m, CAST(sum(o_totalprice) AS"
          + " DOUBLE) AS revenue FROM orders GROUP BY EXTRACT(YEAR FROM o_orderdate) * 100 + EXTRACT(MONTH FROM"
          + " o_orderdate)) AS monthly",
      "SELECT l_partkey, l_orderkey, l_linenumber, AVG(l_quantity) OVER (PARTITION BY l_partkey ORDER BY l_orderkey,"
          + " l_linenumber ROWS BETWEEN 2 PRECEDING AND 2 FOLLOWING) FROM lineitem WHERE l_partkey < 200",
      // LAG and LEAD deltas
      "SELECT m, revenue, revenue - LAG(revenue) OVER (ORDER BY m) FROM (SELECT EXTRACT(YEAR FROM o_orderdate) * 100"
          + " + EXTRACT(MONTH FROM o_orderdate) AS m, sum(o_totalprice) AS revenue FROM orders GROUP BY"
          + " EXTRACT(YEAR FROM o_orderdate) * 100 + EXTRACT(MONTH FROM o_orderdate)) AS monthly",
      "SELECT o_custkey, o_orderkey, LEAD(o_orderdate) OVER (PARTITION BY o_custkey ORDER BY o_orderdate, o_orderkey),"
          + " LAG(o_orderdate, 2) OVER (PARTITION BY o_custkey ORDER BY o_orderdate, o_orderkey) FROM orders",
      "SELECT n_name, y, revenue, revenue - LAG(revenue, 1, 0) OVER (PARTITION BY n_name ORDER BY y) FROM (SELECT"
          + " n_name, EXTRACT(YEAR FROM o_orderdate) AS y, sum(o_totalprice) AS revenue FROM orders JOIN customer ON"
          + " o_custkey = c_custkey JOIN nation ON c_nationkey = n_nationkey GROUP BY n_name, EXTRACT(YEAR FROM"
          + " o_orderdate)) AS yearly",
      "SELECT o_custkey, o_orderkey, o_orderkey - LAG(o_orderkey) OVER (PARTITION BY o_custkey ORDER BY o_orderkey)"
          + " FROM orders",
      "SELECT s_suppkey, s_acctbal, LEAD(s_acctbal, 2, -1) OVER (ORDER BY s_acctbal DESC, s_suppkey) FROM supplier",
      // shares of a total
      "SELECT n_name, revenue, revenue / SUM(revenue) OVER () FROM (SELECT n_name, CAST(sum(o_totalprice) AS DOUBLE)"
          + " AS revenue FROM orders JOIN customer ON o_custkey = c_custkey JOIN nation ON c_nationkey = n_nationkey"
          + " GROUP BY n_name) AS w",
      "SELECT r_name, n_name, cnt, 100.0 * cnt / SUM(cnt) OVER (PARTITION BY r_name) FROM (SELECT r_name, n_name,"
          + " CAST(count(*) AS DOUBLE) AS cnt FROM customer JOIN nation ON c_nationkey = n_nationkey JOIN region ON"
          + " n_regionkey = r_regionkey GROUP BY r_name, n_name) AS w",
      "SELECT l_shipmode, count(*), SUM(count(*)) OVER (), SUM(sum(l_quantity)) OVER () FROM lineitem"
          + " GROUP BY l_shipmode",
      "SELECT c_custkey, rev, SUM(rev) OVER (ORDER BY rev DESC, c_custkey ROWS UNBOUNDED PRECEDING) / SUM(rev) OVER ()"
          + " FROM (SELECT o_custkey AS c_custkey, CAST(sum(o_totalprice) AS DOUBLE) AS rev FROM orders"
          + " GROUP BY o_custkey) AS w",
      // rankings and quantiles
      "SELECT c_mktsegment, c_custkey, PERCENT_RANK() OVER (PARTITION BY c_mktsegment ORDER BY c_acctbal) FROM"
          + " customer",
      "SELECT o_orderkey, CUME_DIST() OVER (ORDER BY o_totalprice) FROM orders",
      "SELECT q, count(*), min(c_acctbal), max(c_acctbal) FROM (SELECT c_acctbal, NTILE(4) OVER (ORDER BY c_acctbal,"
          + " c_custkey) AS q FROM customer) AS w GROUP BY q",
      "SELECT ps_partkey, ps_suppkey, RANK() OVER (PARTITION BY ps_partkey ORDER BY ps_supplycost) FROM partsupp",
      "SELECT n_name, count(*), RANK() OVER (ORDER BY count(*) DESC) FROM customer JOIN nation ON"
          + " c_nationkey = n_nationkey GROUP BY n_name",
      "SELECT p_type, p_partkey FROM (SELECT p_type, p_partkey, PERCENT_RANK() OVER (PARTITION BY p_type ORDER BY"
          + " p_retailprice DESC) AS pr FROM part) AS w WHERE pr <= 0.05",
      // first, last, n-th values
      "SELECT o_custkey, o_orderkey, FIRST_VALUE(o_orderdate) OVER (PARTITION BY o_custkey ORDER BY o_orderdate,"
          + " o_orderkey) FROM orders",
      "SELECT o_custkey, o_orderkey, LAST_VALUE(o_totalprice) OVER (PARTITION BY o_custkey ORDER BY o_orderdate,"
          + " o_orderkey ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) FROM orders",
      "SELECT o_custkey, o_orderkey, NTH_VALUE(o_totalprice, 2) OVER (PARTITION BY o_custkey ORDER BY o_totalprice"
          + " DESC, o_orderkey ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) FROM orders",
      // sliding MIN and MAX, counts in a RANGE of days
      "SELECT l_partkey, l_orderkey, l_linenumber, MIN(l_extendedprice) OVER w, MAX(l_discount) OVER w FROM lineitem"
          + " WHERE l_partkey < 300 WINDOW w AS (PARTITION BY l_partkey ORDER BY l_orderkey, l_linenumber ROWS"
          + " BETWEEN 2 PRECEDING AND 2 FOLLOWING)",
      "SELECT o_orderpriority, o_orderdate, o_orderkey, COUNT(*) OVER (PARTITION BY o_orderpriority ORDER BY"
          + " o_orderdate RANGE BETWEEN INTERVAL '30' DAY PRECEDING AND CURRENT ROW) FROM orders",
      // per-row comparisons with a window aggregate
      "SELECT l_returnflag, l_orderkey, l_linenumber, MAX(l_extendedprice) OVER (PARTITION BY l_returnflag)"
          + " - l_extendedprice FROM lineitem WHERE l_orderkey < 3000",
      "SELECT l_shipmode, l_orderkey, l_linenumber, l_discount - AVG(l_discount) OVER (PARTITION BY l_shipmode)"
          + " FROM lineitem WHERE l_orderkey < 3000",
      "SELECT l_orderkey, count(*) FROM (SELECT l_orderkey, COUNT(*) OVER (PARTITION BY l_orderkey) AS c FROM"
          + " lineitem) AS w WHERE c >= 7 GROUP BY l_orderkey",
      // several windows in one query, over aggregates, in a CTE joined back
      "SELECT r_name, n_name, count(*), SUM(count(*)) OVER (PARTITION BY r_name), RANK() OVER (PARTITION BY r_name"
          + " ORDER BY count(*) DESC), ROW_NUMBER() OVER (ORDER BY n_name) FROM supplier JOIN nation ON"
          + " s_nationkey = n_nationkey JOIN region ON n_regionkey = r_regionkey GROUP BY r_name, n_name",
      "WITH ranked AS (SELECT o_custkey, o_orderkey, o_totalprice, RANK() OVER (PARTITION BY o_custkey ORDER BY"
          + " o_totalprice DESC) AS r FROM orders) SELECT c_name, o_orderkey, o_totalprice FROM ranked JOIN customer"
          + " ON o_custkey = c_custkey WHERE r = 1",
      "SELECT l_suppkey, max(s) FROM (SELECT l_suppkey, SUM(l_quantity) OVER (PARTITION BY l_suppkey ORDER BY"
          + " l_orderkey, l_linenumber ROWS BETWEEN 1000 PRECEDING AND CURRENT ROW) AS s FROM lineitem) AS w"
          + " GROUP BY l_suppkey",
      // statistical, ordered, string and boolean aggregates as windows (their definitions' accumulators)
      "SELECT l_suppkey, l_orderkey, l_linenumber, stddev_samp(l_quantity) OVER (PARTITION BY l_suppkey ORDER BY"
          + " l_orderkey, l_linenumber ROWS BETWEEN 6 PRECEDING AND CURRENT ROW) FROM lineitem WHERE l_suppkey < 20",
      "SELECT o_custkey, o_orderkey, var_samp(o_totalprice) OVER (PARTITION BY o_custkey ORDER BY o_orderdate,"
          + " o_orderkey), var_pop(o_totalprice) OVER (PARTITION BY o_custkey ORDER BY o_orderdate) FROM orders",
      "SELECT c_custkey, (c_acctbal - avg(c_acctbal) OVER (PARTITION BY c_nationkey)) / stddev_pop(c_acctbal) OVER"
          + " (PARTITION BY c_nationkey) FROM customer",
      "SELECT p_brand, p_partkey, median(CAST(p_retailprice AS DOUBLE)) OVER (PARTITION BY p_brand), median(p_size)"
          + " OVER (PARTITION BY p_brand ORDER BY p_partkey ROWS BETWEEN 3 PRECEDING AND 3 FOLLOWING) FROM part",
      "SELECT ps_partkey, ps_suppkey, covar_samp(ps_supplycost, ps_availqty) OVER (PARTITION BY ps_partkey),"
          + " \"corr\"(ps_supplycost, ps_availqty) OVER (ORDER BY ps_partkey, ps_suppkey ROWS BETWEEN 10 PRECEDING"
          + " AND 10 FOLLOWING) FROM partsupp WHERE ps_partkey < 500",
      "SELECT n_regionkey, n_nationkey, string_agg(n_name, ', ') OVER (PARTITION BY n_regionkey ORDER BY n_name),"
          + " string_agg(n_name, '') OVER (ORDER BY n_nationkey ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) FROM nation",
      "SELECT o_custkey, o_orderkey, bool_and(o_orderstatus = 'F') OVER (PARTITION BY o_custkey ORDER BY o_orderdate,"
          + " o_orderkey), bool_or(o_totalprice > 300000) OVER (PARTITION BY o_custkey) FROM orders");

  private Connection quiver;
  private Connection duckDb;

  @BeforeAll
  void connect() throws SQLException {
    quiver = DriverManager.getConnection("jdbc:quiver:");
    duckDb = DriverManager.getConnection("jdbc:duckdb:");
    DuckDbTpchTiny.load(duckDb);
    try (Statement statement = duckDb.createStatement()) {
      statement.execute("SET default_null_order = 'nulls_last_on_asc_first_on_desc'");
    }
  }

  @AfterAll
  void close() throws SQLException {
    quiver.close();
    duckDb.close();
  }

  Stream<String> queries() {
    return QUERIES.stream();
  }

  @ParameterizedTest
  @MethodSource("queries")
  void sameRowsAsDuckDb(String sql) throws SQLException {
    List<List<Object>> expected = rows(duckDb, sql);
    List<List<Object>> actual = rows(quiver, sql);
    assertTrue(!expected.isEmpty(), "the query selects no rows: " + sql);
    assertEquals(expected.size(), actual.size(), "row count of " + sql);
    expected.sort(WindowDuckDbDifferentialTest::compareRows);
    actual.sort(WindowDuckDbDifferentialTest::compareRows);
    for (int i = 0; i < expected.size(); i++) {
      if (!sameRow(expected.get(i), actual.get(i))) {
        fail("row " + i + " differs: DuckDB " + expected.get(i) + ", Quiver " + actual.get(i) + "\n" + sql);
      }
    }
  }

  /** Every row as values: numbers as BigDecimal (doubles too), dates and text as strings, NULL as null. */
  private static List<List<Object>> rows(Connection connection, String sql) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement(); ResultSet resultSet = statement.executeQuery(sql)) {
      ResultSetMetaData metaData = resultSet.getMetaData();
      while (resultSet.next()) {
        List<Object> row = new ArrayList<>();
        for (int column = 1; column <= metaData.getColumnCount(); column++) {
          row.add(value(resultSet, column, metaData.getColumnType(column)));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  private static Object value(ResultSet resultSet, int column, int type) throws SQLException {
    Object value;
    switch (type) {
      case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.DECIMAL, Types.NUMERIC, Types.REAL,
          Types.FLOAT, Types.DOUBLE -> {
        String text = resultSet.getString(column);
        value = text == null ? null : new BigDecimal(text);
      }
      case Types.DATE, Types.TIMESTAMP, Types.CHAR, Types.VARCHAR -> value = resultSet.getString(column);
      default -> {
        // DuckDB's HUGEINT (a SUM of BIGINTs) has no JDBC type of its own
        String text = resultSet.getString(column);
        value = text != null && text.matches("-?\\d+(\\.\\d+)?") ? new BigDecimal(text) : text;
      }
    }
    return value;
  }

  private static boolean sameRow(List<Object> expected, List<Object> actual) {
    if (expected.size() != actual.size()) {
      return false;
    }
    for (int i = 0; i < expected.size(); i++) {
      Object left = expected.get(i);
      Object right = actual.get(i);
      if (left instanceof BigDecimal a && right instanceof BigDecimal b) {
        // AVG of DECIMAL: a DOUBLE in DuckDB, rounded to scale s + 4 in Quiver; floating sums in any order
        BigDecimal tolerance = a.abs().max(BigDecimal.ONE).multiply(new BigDecimal("1e-9")).max(new BigDecimal("1e-6"));
        if (a.subtract(b).abs().compareTo(tolerance) > 0) {
          return false;
        }
      } else if (left == null ? right != null : !left.equals(right)) {
        return false;
      }
    }
    return true;
  }

  /** Orders rows by their values (numbers rounded to 4 places, so both sides sort alike). */
  private static int compareRows(List<Object> left, List<Object> right) {
    for (int i = 0; i < left.size(); i++) {
      int comparison = key(left.get(i)).compareTo(key(right.get(i)));
      if (comparison != 0) {
        return comparison;
      }
    }
    return 0;
  }

  private static String key(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof BigDecimal number) {
      BigDecimal rounded = number.setScale(4, java.math.RoundingMode.HALF_UP);
      // fixed-width text that sorts like the number
      String digits = String.format("%040.4f", rounded.abs());
      return (rounded.signum() < 0 ? "-" + complement(digits) : "0" + digits);
    }
    return "1" + value;
  }

  private static String complement(String digits) {
    StringBuilder out = new StringBuilder(digits.length());
    for (char c : digits.toCharArray()) {
      out.append(Character.isDigit(c) ? (char) ('9' - (c - '0')) : c);
    }
    return out.toString();
  }
}
