package io.quiver.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.sql.error.SqlFrontendException;
import io.quiver.sql.parser.ParsedStatement;
import io.quiver.sql.parser.StatementParser;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.junit.jupiter.api.Test;

class StatementParserTest {

  @Test
  void unquotedIdentifiersFoldToLowerCaseQuotedOnesKeepTheirs() {
    SqlSelect select = assertInstanceOf(SqlSelect.class,
        StatementParser.parse("SELECT Abc, \"MixedCase\" FROM Schema1.TableX").query());
    assertEquals("abc", ((SqlIdentifier) select.getSelectList().get(0)).getSimple());
    assertEquals("MixedCase", ((SqlIdentifier) select.getSelectList().get(1)).getSimple());
    assertEquals(java.util.List.of("schema1", "tablex"), ((SqlIdentifier) select.getFrom()).names);
  }

  @Test
  void limitOffsetAndFetchAreAccepted() {
    for (String sql : new String[] {
        "select a from t order by a limit 10",
        "select a from t order by a limit 10 offset 5",
        "select a from t order by a offset 5 rows fetch next 10 rows only",
        "select a from t limit 3"}) {
      SqlOrderBy orderBy = assertInstanceOf(SqlOrderBy.class, StatementParser.parse(sql).query(), sql);
      assertTrue(orderBy.fetch != null || orderBy.offset != null, sql);
    }
  }

  @Test
  void explainPrefixesAreRecognized() {
    for (String sql : new String[] {
        "explain select 1", "EXPLAIN PLAN FOR select 1", "  explain\n  plan for\nselect 1",
        "Explain (select 1)"}) {
      ParsedStatement parsed = StatementParser.parse(sql);
      assertTrue(parsed.explain(), sql);
    }
    assertFalse(StatementParser.parse("select 1 as explain_me").explain());
    assertFalse(StatementParser.parse("select explained from t").explain());
  }

  @Test
  void oneTrailingSemicolonIsAllowed() {
    assertInstanceOf(SqlSelect.class, StatementParser.parse("select a from t;  \n").query());
    assertTrue(StatementParser.parse("explain select a from t;").explain());
    assertEquals(SqlFrontendException.Kind.SYNTAX, assertThrows(SqlFrontendException.class,
        () -> StatementParser.parse("select a from t;;")).kind());
  }

  @Test
  void syntaxErrorsCarryThePosition() {
    SqlFrontendException e = assertThrows(SqlFrontendException.class,
        () -> StatementParser.parse("select a,\n  from t"));
    assertEquals(SqlFrontendException.Kind.SYNTAX, e.kind());
    assertEquals(2, e.line());
    assertEquals(3, e.column());
    assertTrue(e.getMessage().contains("\"from\""), e.getMessage());
    // Calcite's long "Was expecting one of" list stays out of the message.
    assertFalse(e.getMessage().contains("Was expecting"), e.getMessage());
  }

  @Test
  void positionsInExplainedStatementsAreThoseOfTheOriginalText() {
    SqlFrontendException e = assertThrows(SqlFrontendException.class,
        () -> StatementParser.parse("explain plan for\nselect a b c from t"));
    assertEquals(2, e.line());
    assertEquals(12, e.column());
  }

  @Test
  void emptyAndNullStatementsAreSyntaxErrors() {
    assertEquals(SqlFrontendException.Kind.SYNTAX,
        assertThrows(SqlFrontendException.class, () -> StatementParser.parse("")).kind());
    assertEquals(SqlFrontendException.Kind.SYNTAX,
        assertThrows(SqlFrontendException.class, () -> StatementParser.parse(null)).kind());
    assertEquals(SqlFrontendException.Kind.SYNTAX,
        assertThrows(SqlFrontendException.class, () -> StatementParser.parse("explain")).kind());
  }
}
