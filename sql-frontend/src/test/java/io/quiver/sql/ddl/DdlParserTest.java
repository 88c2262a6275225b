package io.quiver.sql.ddl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.sql.error.SqlFrontendException;
import io.quiver.sql.error.SqlFrontendException.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class DdlParserTest {

  private static DdlStatement parse(String sql) {
    return DdlParser.parse(sql).orElseThrow(() -> new AssertionError("not DDL: " + sql));
  }

  @Test
  void queriesAreNotDdl() {
    assertTrue(DdlParser.parse("SELECT 1").isEmpty());
    assertTrue(DdlParser.parse("  -- create table\n  WITH t AS (SELECT 1) SELECT * FROM t").isEmpty());
    assertTrue(DdlParser.parse("EXPLAIN SELECT 1").isEmpty());
    assertTrue(DdlParser.parse("created").isEmpty());
    assertTrue(DdlParser.parse("").isEmpty());
    assertTrue(DdlParser.parse(null).isEmpty());
    assertTrue(DdlParser.parse("/* unterminated").isEmpty());
  }

  @Test
  void createSchema() {
    CreateSchemaStatement plain = (CreateSchemaStatement) parse("create schema Memory.S1");
    assertEquals(List.of("memory", "s1"), plain.name().parts());
    assertFalse(plain.ifNotExists());
    CreateSchemaStatement quoted = (CreateSchemaStatement) parse("CREATE SCHEMA IF NOT EXISTS \"Odd\"\"Name\";");
    assertEquals(List.of("Odd\"Name"), quoted.name().parts());
    assertEquals(List.of(true), quoted.name().quoted());
    assertTrue(quoted.ifNotExists());
  }

  @Test
  void createTableAsKeepsTheQueryInPlace() {
    String sql = "/* load */ CREATE TABLE IF NOT EXISTS memory.\"default\".T AS\n  SELECT * FROM tpch.tiny.nation;";
    CreateTableAsStatement create = (CreateTableAsStatement) parse(sql);
    assertEquals(List.of("memory", "default", "t"), create.name().parts());
    assertEquals(List.of(false, true, false), create.name().quoted());
    assertTrue(create.ifNotExists());
    assertEquals(sql.length(), create.query().length());
    assertTrue(create.query().isBlank() == false);
    assertEquals("\n  SELECT * FROM tpch.tiny.nation;", create.query().substring(create.query().indexOf('\n')));
    assertTrue(create.query().substring(0, create.query().indexOf('\n')).isBlank());
    CreateTableAsStatement parenthesized = (CreateTableAsStatement) parse("create table t as(select 1)");
    assertEquals("(select 1)", parenthesized.query().trim());
  }

  @Test
  void dropTableAndSchema() {
    DropTableStatement table = (DropTableStatement) parse("DROP TABLE IF EXISTS s.t");
    assertEquals(List.of("s", "t"), table.name().parts());
    assertTrue(table.ifExists());
    DropSchemaStatement schema = (DropSchemaStatement) parse("drop schema memory.s cascade");
    assertTrue(schema.cascade());
    assertFalse(schema.ifExists());
    assertFalse(((DropSchemaStatement) parse("drop schema s restrict")).cascade());
  }

  @Test
  void malformedDdlFailsWithItsPosition() {
    SqlFrontendException missingAs = assertThrows(SqlFrontendException.class, () -> DdlParser.parse("CREATE TABLE t\nSELECT 1"));
    assertEquals(Kind.SYNTAX, missingAs.kind());
    assertEquals(2, missingAs.line());
    assertEquals(1, missingAs.column());
    SqlFrontendException noQuery = assertThrows(SqlFrontendException.class, () -> DdlParser.parse("CREATE TABLE t AS ;"));
    assertEquals(Kind.SYNTAX, noQuery.kind());
    SqlFrontendException ifNot = assertThrows(SqlFrontendException.class, () -> DdlParser.parse("CREATE SCHEMA IF EXISTS s"));
    assertEquals(Kind.SYNTAX, ifNot.kind());
    assertEquals(1, ifNot.line());
    assertEquals(18, ifNot.column());
    assertEquals(Kind.SYNTAX,
        assertThrows(SqlFrontendException.class, () -> DdlParser.parse("DROP TABLE a.b.c.d")).kind());
    assertEquals(Kind.SYNTAX,
        assertThrows(SqlFrontendException.class, () -> DdlParser.parse("DROP TABLE t t")).kind());
    assertEquals(Kind.SYNTAX,
        assertThrows(SqlFrontendException.class, () -> DdlParser.parse("DROP TABLE")).kind());
    assertEquals(Kind.SYNTAX,
        assertThrows(SqlFrontendException.class, () -> DdlParser.parse("CREATE TABLE \"\" AS SELECT 1")).kind());
    assertEquals(Kind.SYNTAX,
        assertThrows(SqlFrontendException.class, () -> DdlParser.parse("CREATE TABLE \"t AS SELECT 1")).kind());
  }

  @Test
  void otherObjectsAreNotSupported() {
    for (String sql : List.of("CREATE FUNCTION f", "DROP INDEX i", "CREATE TABLE t (x INTERVAL)",
        "create or replace table t as select 1", "DROP", "CREATE TABLE t (x TIMESTAMP WITH TIME ZONE)",
        "CREATE TABLE t (x INTEGER PRIMARY KEY)", "CREATE TABLE t (x INTEGER) AS SELECT 1",
        "INSERT INTO t DEFAULT VALUES", "COPY t FROM 'x.csv'",
        "INSERT OVERWRITE t SELECT 1", "UPDATE t SET x = 1", "delete from t", "TRUNCATE TABLE t",
        "ALTER TABLE t ADD COLUMN x INTEGER", "MERGE INTO t USING u ON t.x = u.x WHEN MATCHED THEN DELETE", "CREATE TABLE t (x INTEGER[])")) {
      SqlFrontendException error = assertThrows(SqlFrontendException.class, () -> DdlParser.parse(sql), sql);
      assertEquals(Kind.NOT_SUPPORTED, error.kind(), sql);
      assertTrue(error.line() >= 1, sql);
    }
  }

  @Test
  void defaultBetweenDotsIsQuoted() {
    assertEquals("SELECT * FROM memory.\"default\".t", DefaultSchemaQuoting.apply("SELECT * FROM memory.default.t"));
    assertEquals("select a.\"default\" . b FROM x.\"default\".y",
        DefaultSchemaQuoting.apply("select a.\"default\" . b FROM x.DEFAULT.y"));
    assertEquals("SELECT * FROM \"system\".information_schema.tables",
        DefaultSchemaQuoting.apply("SELECT * FROM SYSTEM.information_schema.tables"));
    assertEquals("SELECT * FROM t TABLESAMPLE SYSTEM (10)", DefaultSchemaQuoting.apply("SELECT * FROM t TABLESAMPLE SYSTEM (10)"));
    for (String unchanged : List.of("SELECT 'memory.default.t'", "SELECT \"a.default.b\"", "INSERT INTO t DEFAULT VALUES",
        "SELECT x.defaults.y", "-- memory.default.t\nSELECT 1", "/* .default. */ SELECT 1", "SELECT default.t")) {
      assertEquals(unchanged, DefaultSchemaQuoting.apply(unchanged));
    }
  }
}
