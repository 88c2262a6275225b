package io.quiver.jdbc.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class JdbcEscapesTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-01-31T10:15:30.250Z"), ZoneOffset.UTC);

  private static String translate(String sql) {
    // no engine here: only the functions JDBC names are known
    return JdbcEscapes.translate(sql, CLOCK, name -> false);
  }

  @Test
  void textWithoutEscapesIsUnchanged() {
    String sql = "select a from t where b = '{fn x}' and \"{d\" = 1 -- {ts\n /* {oj */";
    assertEquals(sql, translate(sql));
    String plain = "select 1";
    assertSame(plain, JdbcEscapes.translate(plain));
  }

  @Test
  void literals() {
    assertEquals("select DATE '2024-01-31', TIMESTAMP '2024-01-31 10:00:00', TIME '10:00:00'",
        translate("select {d '2024-01-31'}, {ts '2024-01-31 10:00:00'}, {t '10:00:00'}"));
    assertEquals("select DATE '2024-01-31'", translate("select { D  '2024-01-31' }"));
  }

  @Test
  void outerJoinLikeEscapeAndLimit() {
    assertEquals("select * from a LEFT OUTER JOIN b ON a.x = b.x",
        translate("select * from {oj a LEFT OUTER JOIN b ON a.x = b.x}"));
    assertEquals("select * from t where s like 'a\\_%' ESCAPE '\\'",
        translate("select * from t where s like 'a\\_%' {escape '\\'}"));
    assertEquals("select * from t LIMIT 10 offset 5", translate("select * from t {limit 10 offset 5}"));
  }

  @Test
  void functions() {
    assertEquals("select UPPER(name), LOWER(name), (a || b), CHAR_LENGTH(s)",
        translate("select {fn UCASE(name)}, {fn lcase(name)}, {fn CONCAT(a, b)}, {fn LENGTH(s)}"));
    assertEquals("select SUBSTRING(s FROM 1 FOR 2), SUBSTRING(s FROM 3), POSITION('x' IN s), SUBSTRING(s FROM 1 FOR 4)",
        translate("select {fn SUBSTRING(s, 1, 2)}, {fn SUBSTRING(s, 3)}, {fn LOCATE('x', s)}, {fn LEFT(s, 4)}"));
    assertEquals("select ABS(-2), CEIL(x), LN(x), MOD(7, 3), ROUND(x, 1), ROUND(x)",
        translate("select {fn ABS(-2)}, {fn CEILING(x)}, {fn LOG(x)}, {fn MOD(7, 3)}, {fn ROUND(x, 1)}, {fn ROUND(x)}"));
    assertEquals("select EXTRACT(YEAR FROM d), EXTRACT(DAY FROM d), (EXTRACT(DOW FROM d) + 1), EXTRACT(DOY FROM d)",
        translate("select {fn YEAR(d)}, {fn DAYOFMONTH(d)}, {fn DAYOFWEEK(d)}, {fn DAYOFYEAR(d)}"));
    assertEquals("select TIMESTAMPADD(DAY, 1, ts), TIMESTAMPDIFF(MONTH, a, b)",
        translate("select {fn TIMESTAMPADD(SQL_TSI_DAY, 1, ts)}, {fn TIMESTAMPDIFF(MONTH, a, b)}"));
    assertEquals("select COALESCE(a, 0), CAST(x AS VARCHAR), CAST(y AS DOUBLE)",
        translate("select {fn IFNULL(a, 0)}, {fn CONVERT(x, SQL_VARCHAR)}, {fn CONVERT(y, SQL_FLOAT)}"));
  }

  @Test
  void currentDateAndTimeReadTheClock() {
    assertEquals("select DATE '2024-01-31', TIME '10:15:30', TIMESTAMP '2024-01-31 10:15:30.250'",
        translate("select {fn CURDATE()}, {fn CURTIME()}, {fn NOW()}"));
  }

  @Test
  void argumentsKeepCommasInsideParenthesesAndLiterals() {
    assertEquals("select (f(a, b) || 'x,y')", translate("select {fn CONCAT(f(a, b), 'x,y')}"));
    assertEquals(List.of("f(a, b)", "'x,)'", "c"), JdbcEscapes.arguments("f(a, b), 'x,)', c"));
  }

  @Test
  void escapesNest() {
    assertEquals("select UPPER((a || DATE '2024-01-31'))",
        translate("select {fn UCASE({fn CONCAT(a, {d '2024-01-31'})})}"));
  }

  @Test
  void parameterMarkersStay() {
    assertEquals("select UPPER(?) from t where d > DATE '2024-01-31' and x = ?",
        translate("select {fn UCASE(?)} from t where d > {d '2024-01-31'} and x = ?"));
  }

  @Test
  void unknownFunctionIsNotSupported() {
    JdbcEscapeException e = assertThrows(JdbcEscapeException.class, () -> translate("select {fn NOSUCH(1)}"));
    assertEquals(JdbcEscapeException.Kind.NOT_SUPPORTED, e.kind());
    assertTrue(e.getMessage().contains("NOSUCH") && e.getMessage().contains("line 1, column 8"), e.getMessage());
  }

  @Test
  void proceduresAndUnknownEscapesAreNotSupported() {
    assertEquals(JdbcEscapeException.Kind.NOT_SUPPORTED,
        assertThrows(JdbcEscapeException.class, () -> translate("{call p(1)}")).kind());
    assertEquals(JdbcEscapeException.Kind.NOT_SUPPORTED,
        assertThrows(JdbcEscapeException.class, () -> translate("{?= call p(1)}")).kind());
    JdbcEscapeException unknown = assertThrows(JdbcEscapeException.class, () -> translate("select {xyz 1}"));
    assertEquals(JdbcEscapeException.Kind.NOT_SUPPORTED, unknown.kind());
    assertTrue(unknown.getMessage().contains("{xyz"), unknown.getMessage());
  }

  @Test
  void malformedEscapesAreSyntaxErrors() {
    for (String sql : List.of("select {fn UCASE(x)", "select {d '2024-01-31'", "select {d 'x'} }", "select {d 2024}",
        "select {fn UCASE}", "select {fn UCASE(a, b)}", "select {fn TIMESTAMPADD(SQL_TSI_EON, 1, x)}",
        "select {escape x}")) {
      JdbcEscapeException e = assertThrows(JdbcEscapeException.class, () -> translate(sql), sql);
      assertEquals(JdbcEscapeException.Kind.SYNTAX_ERROR, e.kind(), sql + ": " + e.getMessage());
    }
  }

  @Test
  void positionsCountLines() {
    JdbcEscapeException e = assertThrows(JdbcEscapeException.class, () -> translate("select 1,\n  {fn NOSUCH()}"));
    assertTrue(e.getMessage().contains("line 2, column 3"), e.getMessage());
  }
}
