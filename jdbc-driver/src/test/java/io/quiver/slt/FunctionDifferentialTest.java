package io.quiver.slt;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Function expressions over TPC-H tiny columns, run on Quiver and on DuckDB (test scope), compared
 * row by row. Numbers compare by value (DuckDB gives DOUBLE where Quiver gives DECIMAL, as for
 * DECIMAL / DECIMAL) to 12 significant digits; dates, text and booleans exactly. Where DuckDB and
 * PostgreSQL differ, the expressions avoid the difference (sql-frontend/README.md says which rule
 * Quiver follows): integer / integer (DuckDB divides exactly, PostgreSQL and Quiver truncate), DATE +
 * INTERVAL (DuckDB and PostgreSQL give a TIMESTAMP, Quiver a DATE: compared after a cast to DATE),
 * division by zero (DuckDB gives NULL or infinity, PostgreSQL and Quiver fail with 22012).
 */
class FunctionDifferentialTest {

  /** Expression, table, key column (rows are compared in key order), row filter. */
  private record Case(String expression, String table, String key, String filter) {
  }

  private static final List<Case> CASES = new ArrayList<>();

  private static void nation(String... expressions) {
    for (String expression : expressions) {
      CASES.add(new Case(expression, "nation", "n_nationkey", "true"));
    }
  }

  private static void customer(String... expressions) {
    for (String expression : expressions) {
      CASES.add(new Case(expression, "customer", "c_custkey", "c_custkey <= 150"));
    }
  }

  private static void orders(String... expressions) {
    for (String expression : expressions) {
      CASES.add(new Case(expression, "orders", "o_orderkey", "o_orderkey <= 600"));
    }
  }

  private static void lineitem(String... expressions) {
    for (String expression : expressions) {
      CASES.add(new Case(expression, "lineitem", "l_orderkey, l_linenumber", "l_orderkey <= 200"));
    }
  }

  static {
    nation("length(n_name)", "upper(n_name)", "lower(n_name)", "left(n_name, 3)", "right(n_name, 3)",
        "left(n_name, -2)", "right(n_name, -2)", "substr(n_name, 2, 3)", "substr(n_name, 3)", "substring(n_name, 0, 3)",
        "reverse(n_name)", "repeat(n_name, 2)", "strpos(n_name, 'A')", "instr(n_name, 'AN')", "position('A' in n_name)",
        "lpad(n_name, 12, '*')", "rpad(n_name, 12, '-')", "lpad(n_name, 3, ' ')", "trim(n_name)", "ltrim(n_name, 'A')",
        "rtrim(n_name, 'A')", "replace(n_name, 'A', 'a')", "translate(n_name, 'AEIOU', 'aeiou')", "ascii(n_name)",
        "chr(65 + cast(n_nationkey as integer))", "concat(n_name, '-', n_nationkey)", "concat_ws('/', n_name, n_regionkey, NULL)",
        "n_name || '!' || n_regionkey", "split_part(n_comment, ' ', 2)", "split_part(n_comment, ' ', 99)",
        "starts_with(n_name, 'A')", "ends_with(n_name, 'A')", "n_name ilike '%an%'", "n_name not ilike 'a%'",
        "regexp_matches(n_name, '^[AEIOU]')", "regexp_replace(n_name, '[AEIOU]', '_')",
        "regexp_replace(n_name, '[AEIOU]', '_', 'g')", "regexp_extract(n_comment, '[a-z]+')",
        "regexp_extract(n_comment, '([a-z]+) ([a-z]+)', 2)", "md5(n_name)", "sha256(n_name)",
        "length(n_comment)", "length(n_name || n_comment)", "upper(left(n_comment, 5))",
        "greatest(n_nationkey, n_regionkey * 5)", "least(n_nationkey, n_regionkey * 5)", "nullif(n_regionkey, 1)",
        "coalesce(nullif(n_regionkey, 0), -1)", "ifnull(nullif(n_regionkey, 2), 100)",
        "case when n_regionkey = 1 then 'one' when n_regionkey = 2 then 'two' else 'many' end",
        "n_nationkey % 4", "mod(n_nationkey, 7)", "gcd(n_nationkey, 12)", "lcm(n_nationkey + 1, 4)",
        "abs(n_nationkey - 12)", "sign(n_nationkey - 12)", "power(n_nationkey, 2)", "sqrt(n_nationkey)",
        "cbrt(n_nationkey)", "exp(n_regionkey)", "ln(n_nationkey + 1)", "log10(n_nationkey + 1)", "log2(n_nationkey + 1)",
        "degrees(n_nationkey)", "radians(n_nationkey)", "sin(n_nationkey)", "cos(n_nationkey)", "tan(n_nationkey)",
        "atan(n_nationkey)", "atan2(n_nationkey, n_regionkey + 1)", "pi() * n_nationkey",
        "try_cast(n_name as integer)", "try_cast(n_nationkey as varchar)", "cast(n_nationkey as varchar) || n_name",
        "n_name is distinct from 'FRANCE'", "n_nationkey in (1, 3, 5, 7)", "n_name in ('FRANCE', 'GERMANY')");
    customer("round(c_acctbal, 1)", "round(c_acctbal)", "round(c_acctbal, -2)", "floor(c_acctbal)", "ceil(c_acctbal)",
        "abs(c_acctbal)", "c_acctbal * 2", "c_acctbal / 3", "c_acctbal / 7.5", "c_acctbal + c_custkey",
        "c_acctbal % 10", "greatest(c_acctbal, 0)", "least(c_acctbal, 1000)", "sign(c_acctbal)",
        "cast(c_acctbal as integer)", "cast(c_acctbal as double) / 3", "sqrt(abs(c_acctbal))",
        "length(c_address)", "split_part(c_phone, '-', 1)", "split_part(c_phone, '-', -1)",
        "replace(c_phone, '-', '')", "left(c_phone, 2) || right(c_phone, 4)", "lower(c_mktsegment)",
        "regexp_replace(c_phone, '([0-9]+)-([0-9]+)', '\\2-\\1')", "c_mktsegment ilike 'build%'",
        "strpos(c_name, '#')", "substr(c_name, strpos(c_name, '#') + 1)", "try_cast(substr(c_name, 10) as integer)",
        "concat(c_name, ' (', c_mktsegment, ')')", "case when c_acctbal < 0 then 'debt' else 'ok' end",
        "c_custkey % 3 = 0 and c_acctbal > 0", "coalesce(case when c_acctbal < 0 then null else c_acctbal end, 0)");
    orders("extract(year from o_orderdate)", "extract(month from o_orderdate)", "extract(day from o_orderdate)",
        "extract(quarter from o_orderdate)", "extract(doy from o_orderdate)", "extract(dow from o_orderdate)",
        "extract(isodow from o_orderdate)", "extract(week from o_orderdate)", "extract(epoch from o_orderdate)",
        "extract(isoyear from o_orderdate)", "extract(decade from o_orderdate)", "date_part('year', o_orderdate)",
        "date_part('month', o_orderdate)", "date_part('doy', o_orderdate)", "date_part('week', o_orderdate)",
        "cast(date_trunc('month', o_orderdate) as date)", "cast(date_trunc('year', o_orderdate) as date)",
        "cast(date_trunc('quarter', o_orderdate) as date)", "cast(date_trunc('week', o_orderdate) as date)",
        "last_day(o_orderdate)", "cast(o_orderdate + interval '1' month as date)", "cast(o_orderdate - interval '1' year as date)",
        "cast(o_orderdate + interval '10' day as date)", "datediff('day', o_orderdate, date '1998-12-31')",
        "datediff('month', o_orderdate, date '1998-12-31')", "datediff('year', o_orderdate, date '1998-12-31')",
        "datediff('quarter', o_orderdate, date '1998-12-31')", "datediff('week', o_orderdate, date '1998-12-31')",
        "make_date(cast(extract(year from o_orderdate) as integer), 2, 28)",
        "cast(o_orderdate as varchar)", "cast(o_orderdate as timestamp)", "o_orderdate > date '1995-01-01'",
        "o_totalprice / 1000", "round(o_totalprice / 1000, 2)", "o_totalprice * 1.07", "o_totalprice - 100000",
        "floor(o_totalprice / 10000)", "o_orderpriority || '/' || o_orderstatus", "left(o_orderpriority, 1)",
        "split_part(o_orderpriority, '-', 2)", "upper(o_orderstatus)", "length(o_comment)",
        "regexp_extract(o_clerk, '[0-9]+')", "try_cast(regexp_extract(o_clerk, '[0-9]+') as integer)",
        "o_custkey % 10", "case when o_orderstatus = 'F' then 1 else 0 end",
        "greatest(o_orderdate, date '1995-06-17')", "least(o_orderdate, date '1995-06-17')",
        "nullif(o_orderstatus, 'O')", "coalesce(nullif(o_orderstatus, 'F'), 'x')");
    lineitem("l_extendedprice * (1 - l_discount)", "l_extendedprice * (1 - l_discount) * (1 + l_tax)",
        "l_extendedprice / l_quantity", "round(l_extendedprice / l_quantity, 3)", "l_discount / (l_tax + 0.01)",
        "l_quantity * l_discount", "floor(l_quantity / 7)", "ceil(l_quantity / 7)", "l_quantity % 7",
        "cast(l_quantity as integer) % 7", "greatest(l_shipdate, l_commitdate)", "least(l_shipdate, l_receiptdate)",
        "datediff('day', l_shipdate, l_receiptdate)", "datediff('day', l_commitdate, l_receiptdate)",
        "datediff('month', l_shipdate, l_receiptdate)", "cast(l_shipdate + interval '30' day as date)",
        "extract(month from l_shipdate) = extract(month from l_receiptdate)", "l_returnflag || l_linestatus",
        "l_returnflag = 'R'", "l_shipmode in ('MAIL', 'SHIP')", "length(l_shipinstruct)",
        "replace(l_shipinstruct, ' ', '_')", "lower(l_shipmode)", "starts_with(l_shipinstruct, 'DELIVER')",
        "l_comment ilike '%ironic%'", "regexp_matches(l_comment, 'quick(ly)?')", "round(l_discount * 100)",
        "abs(l_extendedprice - 50000)", "sign(l_extendedprice - 50000)", "cast(l_extendedprice as bigint)",
        "mod(l_linenumber, 3)", "power(l_linenumber, 3)", "l_tax * 100 / l_quantity");
  }

  private static Connection quiver;
  private static Connection duckDb;

  @BeforeAll
  static void open() throws SQLException {
    quiver = DriverManager.getConnection("jdbc:quiver:");
    duckDb = DriverManager.getConnection("jdbc:duckdb:");
    DuckDbTpchTiny.load(duckDb);
  }

  @AfterAll
  static void close() throws SQLException {
    quiver.close();
    duckDb.close();
  }

  @Test
  void quiverAndDuckDbAgree() throws SQLException {
    assertTrue(CASES.size() >= 150, "only " + CASES.size() + " expressions");
    List<String> failures = new ArrayList<>();
    for (Case testCase : CASES) {
      String sql = "SELECT " + testCase.expression + " FROM " + testCase.table + " WHERE " + testCase.filter
          + " ORDER BY " + testCase.key;
      List<String> expected;
      List<String> actual;
      try {
        expected = rows(duckDb, sql);
      } catch (SQLException e) {
        failures.add("DuckDB cannot run " + sql + ": " + e.getMessage());
        continue;
      }
      try {
        actual = rows(quiver, sql);
      } catch (SQLException e) {
        failures.add(sql + " failed on Quiver: [" + e.getSQLState() + "] " + e.getMessage());
        continue;
      }
      String difference = difference(expected, actual);
      if (difference != null) {
        failures.add(sql + ": " + difference);
      }
    }
    System.out.println("expressions compared with DuckDB: " + CASES.size() + ", differing: " + failures.size());
    assertTrue(failures.isEmpty(), failures.size() + " differ:\n" + String.join("\n", failures));
  }

  private static List<String> rows(Connection connection, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement(); ResultSet resultSet = statement.executeQuery(sql)) {
      int type = resultSet.getMetaData().getColumnType(1);
      boolean number = type == Types.DOUBLE || type == Types.FLOAT || type == Types.REAL || type == Types.DECIMAL
          || type == Types.NUMERIC || type == Types.INTEGER || type == Types.BIGINT || type == Types.SMALLINT
          || type == Types.TINYINT || type == Types.HUGEINT_TYPE;
      while (resultSet.next()) {
        if (number) {
          Object object = resultSet.getObject(1);
          if (object == null) {
            rows.add("NULL");
          } else if (object instanceof Double || object instanceof Float) {
            double value = ((Number) object).doubleValue();
            rows.add(Double.isFinite(value)
                ? new BigDecimal(value).round(new MathContext(12)).stripTrailingZeros().toPlainString()
                : Double.toString(value));
          } else {
            BigDecimal value = new BigDecimal(object.toString());
            rows.add(value.round(new MathContext(12)).stripTrailingZeros().toPlainString());
          }
        } else {
          rows.add(SltValueRenderer.render(resultSet, 1, '?'));
        }
      }
    }
    return rows;
  }

  /** java.sql.Types has no HUGEINT: DuckDB reports its 128-bit integers as OTHER. */
  private static final class Types {
    static final int DOUBLE = java.sql.Types.DOUBLE;
    static final int FLOAT = java.sql.Types.FLOAT;
    static final int REAL = java.sql.Types.REAL;
    static final int DECIMAL = java.sql.Types.DECIMAL;
    static final int NUMERIC = java.sql.Types.NUMERIC;
    static final int INTEGER = java.sql.Types.INTEGER;
    static final int BIGINT = java.sql.Types.BIGINT;
    static final int SMALLINT = java.sql.Types.SMALLINT;
    static final int TINYINT = java.sql.Types.TINYINT;
    static final int HUGEINT_TYPE = Integer.MIN_VALUE;
  }

  private static String difference(List<String> expected, List<String> actual) {
    if (expected.size() != actual.size()) {
      return "DuckDB gave " + expected.size() + " rows, Quiver " + actual.size();
    }
    for (int i = 0; i < expected.size(); i++) {
      if (!expected.get(i).equals(actual.get(i))) {
        return "row " + (i + 1) + ": DuckDB " + expected.get(i) + ", Quiver " + actual.get(i);
      }
    }
    return null;
  }
}
