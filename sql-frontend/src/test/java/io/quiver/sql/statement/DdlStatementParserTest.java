package io.quiver.sql.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.sql.error.SqlFrontendException;
import io.quiver.sql.error.SqlFrontendException.Kind;
import io.quiver.sql.parser.QuiverSqlParser;
import java.util.List;
import java.util.Map;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

/** CREATE, DROP, INSERT and COPY as the grammar reads them; wrong forms with their position. */
class DdlStatementParserTest {

  private static <T extends Statement> T parse(Class<T> kind, String sql) {
    return assertInstanceOf(kind, QuiverSqlParser.parse(sql), sql);
  }

  private static SqlFrontendException error(String sql) {
    return assertThrows(SqlFrontendException.class, () -> QuiverSqlParser.parse(sql), sql);
  }

  @Test
  void createAndDropSchema() {
    CreateSchemaStatement plain = parse(CreateSchemaStatement.class, "create schema Memory.S1");
    assertEquals(List.of("memory", "s1"), plain.name().parts());
    assertFalse(plain.ifNotExists());
    CreateSchemaStatement quoted = parse(CreateSchemaStatement.class,
        "CREATE SCHEMA IF NOT EXISTS \"Odd\"\"Name\";");
    assertEquals(List.of("Odd\"Name"), quoted.name().parts());
    assertEquals(List.of(true), quoted.name().quoted());
    assertTrue(quoted.ifNotExists());
    DropSchemaStatement cascade = parse(DropSchemaStatement.class, "drop schema memory.s cascade");
    assertTrue(cascade.cascade());
    assertFalse(cascade.ifExists());
    assertFalse(parse(DropSchemaStatement.class, "drop schema if exists s restrict").cascade());
  }

  @Test
  void createTableWithEveryType() {
    CreateTableStatement create = parse(CreateTableStatement.class, "CREATE TABLE IF NOT EXISTS s.\"T\" (\n"
        + "  a BOOLEAN, b TINYINT, c SMALLINT, d INT NOT NULL, e BIGINT, f REAL, g DOUBLE PRECISION,\n"
        + "  h DECIMAL(10, 2), i NUMERIC, j VARCHAR(5), k VARCHAR, l CHAR(3), m CHAR, n VARBINARY,\n"
        + "  o DATE, p TIME, q TIMESTAMP, \"Mixed\" TEXT NULL, r FLOAT, s CHARACTER VARYING(7),\n"
        + "  t TIMESTAMP(3) WITHOUT TIME ZONE, u INT8, v BOOL, w STRING, x FLOAT4, y BYTEA, z INT2);");
    assertEquals(List.of("s", "T"), create.name().parts());
    assertTrue(create.ifNotExists());
    assertTrue(create.properties().isEmpty());
    List<ColumnDefinition> columns = create.columns();
    assertEquals(27, columns.size());
    assertEquals(SqlTypeName.BOOLEAN, columns.get(0).type());
    ColumnDefinition d = columns.get(3);
    assertEquals(SqlTypeName.INTEGER, d.type());
    assertTrue(d.notNull());
    assertEquals(2, d.line());
    assertEquals(37, d.column());
    assertEquals(SqlTypeName.DOUBLE, columns.get(6).type());
    assertEquals(List.of(10, 2), List.of(columns.get(7).precision(), columns.get(7).scale()));
    assertEquals(List.of(38, 0), List.of(columns.get(8).precision(), columns.get(8).scale()));
    assertEquals(5, columns.get(9).precision());
    assertEquals(-1, columns.get(10).precision());
    assertEquals(SqlTypeName.CHAR, columns.get(11).type());
    assertEquals(1, columns.get(12).precision());
    assertEquals(SqlTypeName.VARBINARY, columns.get(13).type());
    assertEquals(SqlTypeName.TIMESTAMP, columns.get(16).type());
    assertEquals("Mixed", columns.get(17).name());
    assertFalse(columns.get(17).notNull());
    assertEquals(SqlTypeName.VARCHAR, columns.get(17).type());
    assertEquals(SqlTypeName.DOUBLE, columns.get(18).type());
    assertEquals(SqlTypeName.VARCHAR, columns.get(19).type());
    assertEquals(7, columns.get(19).precision());
    assertEquals(SqlTypeName.TIMESTAMP, columns.get(20).type());
    assertEquals(List.of(SqlTypeName.BIGINT, SqlTypeName.BOOLEAN, SqlTypeName.VARCHAR, SqlTypeName.REAL,
        SqlTypeName.VARBINARY, SqlTypeName.SMALLINT),
        columns.subList(21, 27).stream().map(ColumnDefinition::type).toList());
  }

  @Test
  void fileTablesTakeProperties() {
    CreateTableStatement files = parse(CreateTableStatement.class,
        "create table t with (FORMAT = 'csv', location = 'data/t.csv', header = true, delimiter = '|', skip = 2)");
    assertTrue(files.columns().isEmpty());
    assertEquals(Map.of("format", "csv", "location", "data/t.csv", "header", "true", "delimiter", "|", "skip", "2"),
        files.properties());
    CreateTableStatement declared = parse(CreateTableStatement.class,
        "create table t (x integer) with (format = 'csv', location = 'it''s.csv')");
    assertEquals(1, declared.columns().size());
    assertEquals("it's.csv", declared.properties().get("location"));
    CreateTableAsStatement written = parse(CreateTableAsStatement.class,
        "CREATE TABLE t WITH (format = 'parquet', location = 'out') AS SELECT 1");
    assertEquals("parquet", written.properties().get("format"));
    assertInstanceOf(SqlSelect.class, written.query());
  }

  @Test
  void createTableAsKeepsTheQueryAndItsPositions() {
    String sql = "/* load */ CREATE TABLE IF NOT EXISTS memory.\"default\".T AS\n  SELECT * FROM tpch.tiny.nation;";
    CreateTableAsStatement create = parse(CreateTableAsStatement.class, sql);
    assertEquals(List.of("memory", "default", "t"), create.name().parts());
    assertEquals(List.of(false, true, false), create.name().quoted());
    assertTrue(create.ifNotExists());
    assertEquals(2, create.query().getParserPosition().getLineNum());
    assertEquals(3, create.query().getParserPosition().getColumnNum());
    assertEquals(List.of("memory", "default", "t"),
        parse(CreateTableAsStatement.class, "create table memory.default.t as (select 1)").name().parts());
  }

  @Test
  void views() {
    String sql = "CREATE OR REPLACE VIEW v (a, \"B\") AS\n  SELECT 1, 2 ;  ";
    CreateViewStatement view = parse(CreateViewStatement.class, sql);
    assertTrue(view.orReplace());
    assertEquals(List.of("a", "B"), view.columnNames());
    assertEquals("SELECT 1, 2", view.definition());
    assertEquals(2, view.query().getParserPosition().getLineNum());
    CreateViewStatement plain = parse(CreateViewStatement.class,
        "create view s.v as with x as (select 1) select * from x");
    assertFalse(plain.orReplace());
    assertFalse(plain.ifNotExists());
    assertEquals("with x as (select 1) select * from x", plain.definition());
    assertTrue(parse(CreateViewStatement.class, "CREATE VIEW IF NOT EXISTS v AS SELECT 1").ifNotExists());
    assertTrue(plain.columnNames().isEmpty());
    DropViewStatement drop = parse(DropViewStatement.class, "DROP VIEW IF EXISTS memory.s.v");
    assertTrue(drop.ifExists());
    assertEquals(List.of("memory", "s", "v"), drop.name().parts());
    DropTableStatement table = parse(DropTableStatement.class, "DROP TABLE IF EXISTS s.t");
    assertEquals(List.of("s", "t"), table.name().parts());
    assertTrue(table.ifExists());
  }

  @Test
  void insert() {
    InsertStatement values = parse(InsertStatement.class, "INSERT INTO t VALUES (1, 'a'), (2, 'b')");
    assertTrue(values.columns().isEmpty());
    assertEquals(SqlKind.VALUES, values.query().getKind());
    InsertStatement listed = parse(InsertStatement.class, "insert into s.t (B, \"C\")\nselect x, y from u");
    assertEquals(List.of("b", "C"), listed.columns());
    assertEquals(2, listed.query().getParserPosition().getLineNum());
    InsertStatement parenthesized = parse(InsertStatement.class, "INSERT INTO t (SELECT 1)");
    assertTrue(parenthesized.columns().isEmpty());
    InsertStatement with = parse(InsertStatement.class, "INSERT INTO t (a) WITH x AS (SELECT 1) SELECT * FROM x");
    assertEquals(List.of("a"), with.columns());
    InsertStatement valueColumn = parse(InsertStatement.class, "INSERT INTO t (value) VALUES (1)");
    assertEquals(List.of("value"), valueColumn.columns());
  }

  @Test
  void copy() {
    CopyStatement table = parse(CopyStatement.class, "COPY s.t TO 'out/t.parquet'");
    assertEquals(List.of("s", "t"), table.name().parts());
    assertNull(table.query());
    assertEquals("out/t.parquet", table.location());
    assertTrue(table.properties().isEmpty());
    String sql = "COPY (SELECT ')' AS x, (1) FROM t /* ) */) TO 'o.csv' WITH (format = 'csv', header = false);";
    CopyStatement query = parse(CopyStatement.class, sql);
    assertNull(query.name());
    assertEquals(sql.indexOf("SELECT") + 1, query.query().getParserPosition().getColumnNum());
    assertEquals(Map.of("format", "csv", "header", "false"), query.properties());
    CopyStatement bare = parse(CopyStatement.class, "copy t to 'x' (format arrow)");
    assertEquals("arrow", bare.properties().get("format"));
    CopyStatement flags = parse(CopyStatement.class, "COPY t TO 'x' (FORMAT csv, HEADER, DELIMITER '|')");
    assertEquals(Map.of("format", "csv", "header", "true", "delimiter", "|"), flags.properties());
    assertEquals(Map.of("header", "true"), parse(CopyStatement.class, "COPY t TO 'x' (HEADER)").properties());
  }

  @Test
  void malformedStatementsSayWhere() {
    assertPosition(error("CREATE TABLE t (x INTEGER,\n  y)"), 2, 4);
    assertPosition(error("CREATE TABLE t (x DECIMAL(40, 2))"), 1, 19);
    assertPosition(error("CREATE TABLE t (x DECIMAL(4, 5))"), 1, 19);
    assertPosition(error("CREATE TABLE t (x VARCHAR(0))"), 1, 19);
    assertPosition(error("CREATE TABLE t (x INT, x INT)"), 1, 24);
    assertPosition(error("CREATE TABLE t (x INT"), 1, 21);
    assertPosition(error("CREATE TABLE t"), 1, 14);
    assertPosition(error("CREATE TABLE t\nSELECT 1"), 2, 1);
    assertPosition(error("CREATE TABLE t AS ;"), 1, 18);
    assertPosition(error("CREATE SCHEMA IF EXISTS s"), 1, 18);
    assertPosition(error("CREATE TABLE t WITH (format 'csv', format 'csv')"), 1, 36);
    assertPosition(error("CREATE TABLE t WITH (format = )"), 1, 31);
    assertPosition(error("CREATE VIEW v SELECT 1"), 1, 15);
    assertPosition(error("CREATE VIEW v AS"), 1, 16);
    assertPosition(error("CREATE VIEW v (a, a) AS SELECT 1, 2"), 1, 19);
    assertPosition(error("INSERT t VALUES (1)"), 1, 8);
    assertPosition(error("INSERT INTO t"), 1, 13);
    assertPosition(error("INSERT INTO t (a, a) VALUES (1, 2)"), 1, 19);
    assertPosition(error("INSERT INTO t (a VALUES (1)"), 1, 16);
    assertPosition(error("INSERT INTO t 1"), 1, 15);
    assertPosition(error("COPY (SELECT 1 TO 'x'"), 1, 16);
    assertPosition(error("COPY () TO 'x'"), 1, 7);
    assertPosition(error("COPY t TO x"), 1, 11);
    assertPosition(error("COPY t 'x'"), 1, 8);
    assertPosition(error("COPY t TO 'x' WITH format"), 1, 20);
    assertPosition(error("DROP VIEW"), 1, 9);
    assertPosition(error("DROP"), 1, 4);
    assertPosition(error("CREATE OR REPLACE VIEW IF NOT EXISTS v AS SELECT 1"), 1, 24);
    assertPosition(error("DROP VIEW v w"), 1, 13);
    assertPosition(error("DROP TABLE a.b.c.d"), 1, 12);
    assertPosition(error("DROP TABLE t t"), 1, 14);
    assertPosition(error("CREATE TABLE \"\" AS SELECT 1"), 1, 14);
  }

  @Test
  void formsQuiverDoesNotHaveAreNotSupported() {
    for (String sql : List.of("CREATE FUNCTION f", "DROP FUNCTION f", "CREATE TABLE t (x INTERVAL)",
        "create or replace table t as select 1", "CREATE TABLE t (x TIMESTAMP WITH TIME ZONE)",
        "CREATE TABLE t (x INTEGER) AS SELECT 1", "COPY t FROM 'x.csv'", "INSERT OVERWRITE t SELECT 1",
        "CREATE TABLE t (x INTEGER ARRAY)", "CREATE TABLE t (x FOO)", "CREATE OR REPLACE SCHEMA s")) {
      SqlFrontendException error = error(sql);
      assertEquals(Kind.NOT_SUPPORTED, error.kind(), sql);
      assertTrue(error.line() >= 1, sql);
    }
    SqlFrontendException interval = error("CREATE TABLE t (x INTERVAL)");
    assertEquals(19, interval.column());
    assertTrue(interval.getMessage().contains("type INTERVAL is not supported"), interval.getMessage());
  }

  private static void assertPosition(SqlFrontendException error, int line, int column) {
    assertEquals(Kind.SYNTAX, error.kind(), error.getMessage());
    assertEquals(line, error.line(), error.getMessage());
    assertEquals(column, error.column(), error.getMessage());
  }
}
