package io.quiver.jdbc.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** JDBC escape syntax as BI tools send it, embedded and through a real server (stock and thin drivers). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EscapeSyntaxTest {

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
  void scalarFunctions(String kind) throws Exception {
    try (Connection connection = fixture.connect(kind); Statement statement = connection.createStatement();
         ResultSet rs = statement.executeQuery("SELECT {fn UCASE(n_comment)} = upper(n_comment), {fn LCASE(n_name)},"
             + " {fn CONCAT(n_name, '!')}, {fn LENGTH(n_name)}, {fn SUBSTRING(n_name, 2, 3)}, {fn LEFT(n_name, 2)},"
             + " {fn ABS(-n_nationkey)}, {fn MOD(n_nationkey, 4)}, {fn IFNULL(NULL, 'none')},"
             + " {fn YEAR({d '2024-01-31'})}, {fn MONTH({d '2024-01-31'})}, {fn DAYOFMONTH({d '2024-01-31'})},"
             + " {fn TIMESTAMPADD(SQL_TSI_DAY, 1, {ts '2024-01-31 10:00:00'})},"
             + " {fn CONVERT(n_nationkey, SQL_VARCHAR)}"
             + " FROM tpch.tiny.nation WHERE n_nationkey = 6")) {
      assertTrue(rs.next());
      assertTrue(rs.getBoolean(1));
      assertEquals("france", rs.getString(2));
      assertEquals("FRANCE!", rs.getString(3));
      assertEquals(6, rs.getInt(4));
      assertEquals("RAN", rs.getString(5));
      assertEquals("FR", rs.getString(6));
      assertEquals(6, rs.getInt(7));
      assertEquals(2, rs.getInt(8));
      assertEquals("none", rs.getString(9));
      assertEquals(2024, rs.getInt(10));
      assertEquals(1, rs.getInt(11));
      assertEquals(31, rs.getInt(12));
      assertEquals(Timestamp.valueOf("2024-02-01 10:00:00"), rs.getTimestamp(13));
      assertEquals("6", rs.getString(14));
      assertFalse(rs.next());
    }
  }

  /** Every function DatabaseMetaData lists for the escape runs (embedded: the translation is the same remotely). */
  @ParameterizedTest
  @ValueSource(strings = {"CHAR_LENGTH('ab')", "CHARACTER_LENGTH('ab')", "CONCAT('a', 'b')", "LCASE('A')",
      "LEFT('abc', 2)", "LENGTH('ab')", "SUBSTRING('abc', 2)",
      "UCASE('a')", "ABS(-1)", "CEILING(1.5)", "FLOOR(1.5)",
      "MOD(5, 3)", "ROUND(1.55, 1)", "CURDATE()",
      "CURRENT_DATE()", "CURRENT_TIME()", "CURRENT_TIMESTAMP()", "CURTIME()", "DAYOFMONTH(DATE '2024-01-31')",
      "DAYOFWEEK(DATE '2024-01-31')", "DAYOFYEAR(DATE '2024-01-31')", "HOUR(TIMESTAMP '2024-01-31 10:00:00')",
      "MINUTE(TIMESTAMP '2024-01-31 10:00:00')", "MONTH(DATE '2024-01-31')", "NOW()", "QUARTER(DATE '2024-01-31')",
      "SECOND(TIMESTAMP '2024-01-31 10:00:00')", "TIMESTAMPADD(SQL_TSI_MONTH, 1, TIMESTAMP '2024-01-31 10:00:00')",
      "WEEK(DATE '2024-01-31')", "YEAR(DATE '2024-01-31')", "CONVERT(1, SQL_VARCHAR)", "IFNULL(NULL, 1)",
      "LOCATE('b', 'abc')", "LTRIM('  a')", "RTRIM('a  ')", "REPLACE('abc', 'b', 'x')", "EXP(1)", "LOG(2)",
      "LOG10(100)", "POWER(2, 3)", "SIGN(-2)", "SQRT(4)"})
  void everyListedFunctionRuns(String call) throws Exception {
    String name = call.substring(0, call.indexOf('('));
    try (Connection connection = fixture.connect("embedded"); Statement statement = connection.createStatement();
         ResultSet rs = statement.executeQuery("SELECT {fn " + call + "}")) {
      assertTrue(rs.next());
      java.sql.DatabaseMetaData md = connection.getMetaData();
      String listed = String.join(",", md.getStringFunctions(), md.getNumericFunctions(), md.getTimeDateFunctions(),
          md.getSystemFunctions());
      // CONVERT(x, SQL_type) is escape syntax only; the lists name functions that also run in plain SQL.
      assertTrue(name.equals("CONVERT") || java.util.Arrays.asList(listed.split(",")).contains(name),
          name + " is not listed in " + listed);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"embedded", "avatica", "thin"})
  void dateTimeAndTimestampLiteralsAndCurrentDate(String kind) throws Exception {
    LocalDate before = LocalDate.now();
    try (Connection connection = fixture.connect(kind); Statement statement = connection.createStatement();
         ResultSet rs = statement.executeQuery("SELECT {d '2024-01-31'}, {ts '2024-01-31 10:00:00'}, {t '10:00:00'},"
             + " {fn CURDATE()}, count(*) FROM tpch.tiny.orders WHERE o_orderdate < {d '1992-01-03'}")) {
      LocalDate after = LocalDate.now();
      assertTrue(rs.next());
      assertEquals(Date.valueOf("2024-01-31"), rs.getDate(1));
      assertEquals(Timestamp.valueOf("2024-01-31 10:00:00"), rs.getTimestamp(2));
      assertEquals(Time.valueOf("10:00:00"), rs.getTime(3));
      LocalDate today = rs.getDate(4).toLocalDate();
      assertTrue(!today.isBefore(before) && !today.isAfter(after), today.toString());
      assertEquals(RemoteJdbcTest.scalar(connection,
          "SELECT count(*) FROM tpch.tiny.orders WHERE o_orderdate < DATE '1992-01-03'"), rs.getLong(5));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"embedded", "avatica", "thin"})
  void outerJoinAndLikeEscape(String kind) throws Exception {
    try (Connection connection = fixture.connect(kind)) {
      long plain = RemoteJdbcTest.scalar(connection, "SELECT count(*) FROM tpch.tiny.customer c"
          + " LEFT OUTER JOIN tpch.tiny.orders o ON c.c_custkey = o.o_custkey");
      long escaped = RemoteJdbcTest.scalar(connection, "SELECT count(*) FROM {oj tpch.tiny.customer c"
          + " LEFT OUTER JOIN tpch.tiny.orders o ON c.c_custkey = o.o_custkey}");
      assertEquals(plain, escaped);
      assertTrue(plain > 15_000);
      assertEquals(1L, RemoteJdbcTest.scalar(connection,
          "SELECT count(*) FROM (VALUES ('a_b'), ('axb')) AS v(s) WHERE s LIKE 'a\\_b' {escape '\\'}"));
      assertEquals(2L, RemoteJdbcTest.scalar(connection,
          "SELECT count(*) FROM (VALUES ('a_b'), ('axb')) AS v(s) WHERE s LIKE 'a_b'"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"embedded", "avatica", "thin"})
  void escapesInPreparedStatementsWithParameters(String kind) throws Exception {
    try (Connection connection = fixture.connect(kind);
         PreparedStatement prepared = connection.prepareStatement(
             "SELECT {fn UCASE(?)}, count(*) FROM tpch.tiny.orders WHERE o_orderdate >= {d '1998-01-01'}"
                 + " AND o_orderpriority = ?")) {
      prepared.setString(1, "it's {fn x}");
      prepared.setString(2, "1-URGENT");
      try (ResultSet rs = prepared.executeQuery()) {
        assertTrue(rs.next());
        assertEquals("IT'S {FN X}", rs.getString(1));
        assertTrue(rs.getLong(2) > 0);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"embedded", "avatica", "thin"})
  void unsupportedEscapesFailClearly(String kind) throws Exception {
    try (Connection connection = fixture.connect(kind); Statement statement = connection.createStatement()) {
      SQLException unknown = assertThrows(SQLException.class, () -> statement.executeQuery("SELECT {fn NOSUCH(1)}"));
      assertEquals("0A000", unknown.getSQLState(), unknown.getMessage());
      assertTrue(unknown.getMessage().contains("{fn NOSUCH"), unknown.getMessage());
      // Translated, and the engine's own error for a bad argument reaches the client.
      assertEquals("2201F", assertThrows(SQLException.class,
          () -> statement.executeQuery("SELECT {fn SQRT(-4.0e0)}")).getSQLState());
      SQLException call = assertThrows(SQLException.class, () -> statement.execute("{call refresh_all()}"));
      assertEquals("0A000", call.getSQLState());
      SQLException unclosed = assertThrows(SQLException.class, () -> statement.executeQuery("SELECT {d '2024-01-31'"));
      assertEquals("42601", unclosed.getSQLState());
      // The connection still works.
      assertEquals(25L, RemoteJdbcTest.scalar(connection, "SELECT count(*) FROM tpch.tiny.nation"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"embedded", "thin"})
  void nativeSqlShowsTheTranslation(String kind) throws Exception {
    try (Connection connection = fixture.connect(kind)) {
      assertEquals("SELECT UPPER(x) FROM t WHERE d = DATE '2024-01-31'",
          connection.nativeSQL("SELECT {fn UCASE(x)} FROM t WHERE d = {d '2024-01-31'}"));
      assertEquals("0A000", assertThrows(SQLException.class, () -> connection.nativeSQL("{call p()}")).getSQLState());
    }
  }
}
