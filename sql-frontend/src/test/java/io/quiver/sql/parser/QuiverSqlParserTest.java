package io.quiver.sql.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.sql.error.SqlFrontendException;
import io.quiver.sql.statement.ExplainStatement;
import io.quiver.sql.statement.ObjectName;
import io.quiver.sql.statement.SetStatement;
import io.quiver.sql.statement.ShowStatement;
import io.quiver.sql.statement.UseStatement;
import io.quiver.sql.statement.QueryStatement;
import io.quiver.sql.statement.Statement;
import java.util.List;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuiverSqlParserTest {

  private static SqlNode query(String sql) {
    return assertInstanceOf(QueryStatement.class, QuiverSqlParser.parse(sql), sql).query();
  }

  private static ExplainStatement explain(String sql) {
    return assertInstanceOf(ExplainStatement.class, QuiverSqlParser.parse(sql), sql);
  }

  @Test
  void unquotedIdentifiersFoldToLowerCaseQuotedOnesKeepTheirs() {
    SqlSelect select = assertInstanceOf(SqlSelect.class, query("SELECT Abc, \"MixedCase\" FROM Schema1.TableX"));
    assertEquals("abc", ((SqlIdentifier) select.getSelectList().get(0)).getSimple());
    assertEquals("MixedCase", ((SqlIdentifier) select.getSelectList().get(1)).getSimple());
    assertEquals(List.of("schema1", "tablex"), ((SqlIdentifier) select.getFrom()).names);
  }

  @Test
  void limitOffsetAndFetchAreAccepted() {
    for (String sql : new String[] {
        "select a from t order by a limit 10",
        "select a from t order by a limit 10 offset 5",
        "select a from t order by a offset 5 rows fetch next 10 rows only",
        "select a from t limit 3"}) {
      SqlOrderBy orderBy = assertInstanceOf(SqlOrderBy.class, query(sql), sql);
      assertTrue(orderBy.fetch != null || orderBy.offset != null, sql);
    }
  }

  @Test
  void explainForms() {
    for (String sql : new String[] {
        "explain select 1", "EXPLAIN PLAN FOR select 1", "  explain\n  plan for\nselect 1", "Explain (select 1)",
        "explain with x as (select 1) select * from x", "EXPLAIN select plan from t"}) {
      ExplainStatement explain = explain(sql);
      assertFalse(explain.analyze(), sql);
      assertEquals(ExplainStatement.Format.TEXT, explain.format(), sql);
    }
    assertTrue(explain("EXPLAIN ANALYZE SELECT 1").analyze());
    ExplainStatement options = explain("EXPLAIN (ANALYZE, FORMAT JSON) SELECT 1");
    assertTrue(options.analyze());
    assertEquals(ExplainStatement.Format.JSON, options.format());
    assertFalse(explain("EXPLAIN (ANALYZE false) SELECT 1").analyze());
    assertFalse(explain("EXPLAIN (ANALYZE off, FORMAT TEXT) SELECT 1").analyze());
    assertTrue(explain("EXPLAIN (FORMAT TEXT, ANALYZE on) SELECT 1").analyze());
    assertInstanceOf(QueryStatement.class, QuiverSqlParser.parse("select 1 as explain_me"));
    assertInstanceOf(QueryStatement.class, QuiverSqlParser.parse("select explained from t"));
  }

  @Test
  void explainOptionsThatAreNotOptionsAreSyntaxErrors() {
    SqlFrontendException wrong = assertThrows(SqlFrontendException.class,
        () -> QuiverSqlParser.parse("EXPLAIN (ANALYZE maybe) SELECT 1"));
    assertEquals(SqlFrontendException.Kind.SYNTAX, wrong.kind());
    assertEquals(18, wrong.column());
    assertEquals(SqlFrontendException.Kind.SYNTAX, assertThrows(SqlFrontendException.class,
        () -> QuiverSqlParser.parse("EXPLAIN (FORMAT XML) SELECT 1")).kind());
  }

  @Test
  void oneTrailingSemicolonIsAllowed() {
    assertInstanceOf(SqlSelect.class, query("select a from t;  \n"));
    assertInstanceOf(ExplainStatement.class, QuiverSqlParser.parse("explain select a from t;"));
    assertEquals(SqlFrontendException.Kind.SYNTAX, assertThrows(SqlFrontendException.class,
        () -> QuiverSqlParser.parse("select a from t;;")).kind());
  }

  @Test
  void syntaxErrorsCarryThePosition() {
    SqlFrontendException e = assertThrows(SqlFrontendException.class,
        () -> QuiverSqlParser.parse("select a,\n  from t"));
    assertEquals(SqlFrontendException.Kind.SYNTAX, e.kind());
    assertEquals(2, e.line());
    assertEquals(3, e.column());
    assertTrue(e.getMessage().contains("from"), e.getMessage());
    // Calcite's long "Was expecting one of" list stays out of the message.
    assertFalse(e.getMessage().contains("Was expecting"), e.getMessage());
  }

  @Test
  void positionsInExplainedStatementsAreThoseOfTheOriginalText() {
    SqlFrontendException e = assertThrows(SqlFrontendException.class,
        () -> QuiverSqlParser.parse("explain plan for\nselect a b c from t"));
    assertEquals(2, e.line());
    assertEquals(12, e.column());
  }

  @Test
  void emptyAndNullStatementsAreSyntaxErrors() {
    assertEquals(SqlFrontendException.Kind.SYNTAX,
        assertThrows(SqlFrontendException.class, () -> QuiverSqlParser.parse("")).kind());
    assertEquals(SqlFrontendException.Kind.SYNTAX,
        assertThrows(SqlFrontendException.class, () -> QuiverSqlParser.parse(null)).kind());
    assertEquals(SqlFrontendException.Kind.SYNTAX,
        assertThrows(SqlFrontendException.class, () -> QuiverSqlParser.parse("explain")).kind());
  }

  /** Words PostgreSQL does not reserve are names: of columns, aliases, tables and schemas. */
  @ParameterizedTest
  @ValueSource(strings = {"value", "year", "month", "day", "hour", "minute", "second", "date", "time",
      "timestamp", "count", "sum", "min", "max", "avg", "user", "position", "result", "name", "type", "language",
      "first", "last", "text", "string", "key", "action", "data", "comment", "index", "temp", "source", "format",
      "system", "show", "use", "copy", "if", "analyze", "tables", "columns", "functions", "schemas", "catalogs",
      "start", "end_frame", "version", "level", "size", "role", "path", "method", "ref", "local", "global",
      "truncate", "execute", "function", "search", "escape", "char", "integer", "int", "boolean", "real",
      "double", "float", "numeric", "varchar", "bigint", "smallint", "tinyint", "bool", "int8", "float8", "bytea"})
  void nonReservedWordsAreNames(String word) {
    SqlOrderBy ordered = assertInstanceOf(SqlOrderBy.class,
        query("SELECT " + word + ", t." + word + " AS " + word + " FROM " + word + " AS t, s." + word + " " + word
            + " WHERE " + word + " = 1 GROUP BY " + word + " ORDER BY " + word));
    SqlSelect select = assertInstanceOf(SqlSelect.class, ordered.query);
    assertEquals(word, ((SqlIdentifier) select.getSelectList().get(0)).getSimple());
    query("SELECT 1 " + word);
    query("WITH " + word + " AS (SELECT 1 AS " + word + ") SELECT " + word + " FROM " + word);
  }

  @ParameterizedTest
  @CsvSource({
      "TEXT, VARCHAR", "STRING, VARCHAR", "INT, INTEGER", "INT2, SMALLINT", "INT4, INTEGER", "INT8, BIGINT",
      "FLOAT, DOUBLE", "FLOAT(10), REAL", "FLOAT(53), DOUBLE", "FLOAT4, REAL", "FLOAT8, DOUBLE", "REAL, REAL",
      "DOUBLE PRECISION, DOUBLE", "DOUBLE, DOUBLE", "NUMERIC, DECIMAL", "NUMERIC(10), DECIMAL", "BOOL, BOOLEAN",
      "BOOLEAN, BOOLEAN", "BYTEA, VARBINARY", "DATE, DATE", "TIMESTAMP(3), TIMESTAMP", "VARCHAR(3), VARCHAR"})
  void typeNamesInCastsAndPostgresCasts(String written, String type) {
    SqlSelect select = assertInstanceOf(SqlSelect.class,
        query("SELECT CAST(a AS " + written + "), a::" + written + ", (a + 1)::" + written + " FROM t"));
    for (SqlNode item : select.getSelectList()) {
      SqlCall cast = (SqlCall) item;
      assertEquals(SqlKind.CAST, cast.getKind(), item.toString());
      SqlDataTypeSpec spec = (SqlDataTypeSpec) cast.operand(1);
      assertEquals(type, spec.getTypeName().getSimple(), item.toString());
    }
  }

  @Test
  void postgresCastBindsTighterThanArithmetic() {
    SqlSelect select = assertInstanceOf(SqlSelect.class, query("SELECT 1 + x::int * 2, -x::bigint FROM t"));
    SqlBasicCall plus = (SqlBasicCall) select.getSelectList().get(0);
    assertEquals(SqlKind.PLUS, plus.getKind());
    assertEquals(SqlKind.TIMES, plus.operand(1).getKind());
    assertEquals(SqlKind.CAST, ((SqlCall) plus.operand(1)).operand(0).getKind());
    assertEquals(SqlKind.MINUS_PREFIX, select.getSelectList().get(1).getKind());
  }

  @Test
  void literalsOfTypesStillParseBesideNamesOfTheSameWord() {
    SqlSelect select = assertInstanceOf(SqlSelect.class,
        query("SELECT DATE '2024-01-02', date, TIME '10:00:00', time, TIMESTAMP '2024-01-02 03:04:05', timestamp,"
            + " INTERVAL '1' DAY, EXTRACT(YEAR FROM date), year FROM t"));
    assertEquals(SqlKind.LITERAL, select.getSelectList().get(0).getKind());
    assertEquals(SqlKind.IDENTIFIER, select.getSelectList().get(1).getKind());
    assertEquals(SqlKind.LITERAL, select.getSelectList().get(2).getKind());
    assertEquals(SqlKind.IDENTIFIER, select.getSelectList().get(3).getKind());
    assertEquals(SqlKind.LITERAL, select.getSelectList().get(4).getKind());
    assertEquals(SqlKind.IDENTIFIER, select.getSelectList().get(5).getKind());
    assertEquals(SqlKind.IDENTIFIER, select.getSelectList().get(8).getKind());
  }

  @Test
  void functionsNamedLikeKeywordsAreStillCalls() {
    SqlSelect select = assertInstanceOf(SqlSelect.class,
        query("SELECT count(*), count(DISTINCT x), sum(x), max(x), position('a' IN s), substring(s FROM 2), "
            + "trim(s), cast(x AS text), coalesce(x, 1) FROM t"));
    for (SqlNode item : select.getSelectList()) {
      assertInstanceOf(SqlCall.class, item, item.toString());
    }
  }

  @Test
  void defaultAndSystemArePartsOfNames() {
    SqlSelect select = assertInstanceOf(SqlSelect.class,
        query("SELECT x.\"default\" FROM memory.default.t, SYSTEM.information_schema.tables, memory.DEFAULT.u"));
    assertEquals(List.of("memory", "default", "t"),
        ((SqlIdentifier) ((SqlCall) ((SqlCall) select.getFrom()).operand(0)).operand(0)).names);
    Statement tablesample = QuiverSqlParser.parse("SELECT * FROM t TABLESAMPLE SYSTEM (10)");
    assertInstanceOf(QueryStatement.class, tablesample);
  }

  @Test
  void sessionStatements() {
    assertEquals(new UseStatement(new ObjectName(List.of("memory", "default"), List.of(false, false))),
        withoutPositions(QuiverSqlParser.parse("USE memory.default")));
    assertSet("SET schema = 'tpch.sf1'", "schema", "tpch.sf1");
    assertSet("SET schema TO tpch.sf1", "schema", "tpch.sf1");
    assertSet("SET SCHEMA 'x'", "schema", "x");
    assertSet("SET search_path = memory.s, \"My\".tiny", "search_path", "memory.s", "\"My\".tiny");
    assertSet("SET TIME ZONE 'UTC'", "time_zone", "UTC");
    assertSet("SET Shuffle_Partitions = -8", "shuffle_partitions", "-8");
    assertSet("SET x = on", "x", "true");
    assertSet("ALTER SESSION SET x = 1.5", "x", "1.5");
    assertSet("SET x = DEFAULT", "x");
    assertSet("RESET x", "x");
    assertSet("RESET ALL", "all");
    assertSet("RESET TIME ZONE", "time_zone");
    ShowStatement tables = assertInstanceOf(ShowStatement.class,
        QuiverSqlParser.parse("SHOW TABLES FROM memory.s LIKE 'a%'"));
    assertEquals(ShowStatement.Kind.TABLES, tables.kind());
    assertEquals("a%", tables.like());
    for (String describe : List.of("DESCRIBE t", "DESC t", "DESCRIBE TABLE t", "SHOW COLUMNS FROM t",
        "SHOW COLUMNS IN t")) {
      assertEquals(ShowStatement.Kind.COLUMNS,
          assertInstanceOf(ShowStatement.class, QuiverSqlParser.parse(describe)).kind(), describe);
    }
    assertEquals(ShowStatement.Kind.SETTING,
        assertInstanceOf(ShowStatement.class, QuiverSqlParser.parse("SHOW search_path")).kind());
    assertEquals(ShowStatement.Kind.SESSION,
        assertInstanceOf(ShowStatement.class, QuiverSqlParser.parse("SHOW ALL")).kind());
    assertInstanceOf(QueryStatement.class, QuiverSqlParser.parse("SELECT show, use, tables FROM functions"));
  }

  private static void assertSet(String sql, String option, String... values) {
    SetStatement set = assertInstanceOf(SetStatement.class, QuiverSqlParser.parse(sql), sql);
    assertEquals(option, set.option(), sql);
    assertEquals(List.of(values), set.values(), sql);
  }

  private static Statement withoutPositions(Statement statement) {
    UseStatement use = (UseStatement) statement;
    return new UseStatement(new ObjectName(use.schema().parts(), use.schema().quoted()));
  }

  @Test
  void otherStatementsAreNotSupportedYet() {
    for (String sql : List.of("CALL p()")) {
      SqlFrontendException error = assertThrows(SqlFrontendException.class, () -> QuiverSqlParser.parse(sql), sql);
      assertEquals(SqlFrontendException.Kind.NOT_SUPPORTED, error.kind(), sql);
    }
  }
}
