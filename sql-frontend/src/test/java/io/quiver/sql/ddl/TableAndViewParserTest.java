package io.quiver.sql.ddl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.sql.error.SqlFrontendException;
import io.quiver.sql.error.SqlFrontendException.Kind;
import java.util.List;
import java.util.Map;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

/** CREATE TABLE with columns or WITH, CREATE VIEW, DROP VIEW, INSERT and COPY; wrong forms with their position. */
class TableAndViewParserTest {

  private static DdlStatement parse(String sql) {
    return DdlParser.parse(sql).orElseThrow(() -> new AssertionError("not DDL: " + sql));
  }

  private static SqlFrontendException error(String sql) {
    return assertThrows(SqlFrontendException.class, () -> DdlParser.parse(sql), sql);
  }

  @Test
  void createTableWithEveryType() {
    CreateTableStatement create = (CreateTableStatement) parse("CREATE TABLE IF NOT EXISTS s.\"T\" (\n"
        + "  a BOOLEAN, b TINYINT, c SMALLINT, d INT NOT NULL, e BIGINT, f REAL, g DOUBLE PRECISION,\n"
        + "  h DECIMAL(10, 2), i NUMERIC, j VARCHAR(5), k VARCHAR, l CHAR(3), m CHAR, n VARBINARY,\n"
        + "  o DATE, p TIME, q TIMESTAMP, \"Mixed\" TEXT NULL, r FLOAT, s CHARACTER VARYING(7),\n"
        + "  t TIMESTAMP(3) WITHOUT TIME ZONE);");
    assertEquals(List.of("s", "T"), create.name().parts());
    assertTrue(create.ifNotExists());
    assertTrue(create.properties().isEmpty());
    List<ColumnDefinition> columns = create.columns();
    assertEquals(21, columns.size());
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
    assertEquals(SqlTypeName.DOUBLE, columns.get(18).type());
    assertEquals(SqlTypeName.VARCHAR, columns.get(19).type());
    assertEquals(7, columns.get(19).precision());
    assertEquals(SqlTypeName.TIMESTAMP, columns.get(20).type());
  }

  @Test
  void fileTablesTakeProperties() {
    CreateTableStatement files = (CreateTableStatement) parse(
        "create table t with (FORMAT = 'csv', location = 'data/t.csv', header = true, delimiter = '|', skip = 2)");
    assertTrue(files.columns().isEmpty());
    assertEquals(Map.of("format", "csv", "location", "data/t.csv", "header", "true", "delimiter", "|", "skip", "2"),
        files.properties());
    CreateTableStatement declared = (CreateTableStatement) parse(
        "create table t (x integer) with (format = 'csv', location = 'it''s.csv')");
    assertEquals(1, declared.columns().size());
    assertEquals("it's.csv", declared.properties().get("location"));
    CreateTableAsStatement written = (CreateTableAsStatement) parse(
        "CREATE TABLE t WITH (format = 'parquet', location = 'out') AS SELECT 1");
    assertEquals("parquet", written.properties().get("format"));
    assertEquals("SELECT 1", written.query().trim());
  }

  @Test
  void views() {
    String sql = "CREATE OR REPLACE VIEW v (a, \"B\") AS\n  SELECT 1, 2 ;  ";
    CreateViewStatement view = (CreateViewStatement) parse(sql);
    assertTrue(view.orReplace());
    assertEquals(List.of("a", "B"), view.columnNames());
    assertEquals("SELECT 1, 2", view.definition());
    assertEquals(sql.length(), view.query().length());
    assertEquals("  SELECT 1, 2 ;  ", view.query().substring(view.query().indexOf('\n') + 1));
    CreateViewStatement plain = (CreateViewStatement) parse("create view s.v as with x as (select 1) select * from x");
    assertFalse(plain.orReplace());
    assertFalse(plain.ifNotExists());
    assertTrue(((CreateViewStatement) parse("CREATE VIEW IF NOT EXISTS v AS SELECT 1")).ifNotExists());
    assertTrue(plain.columnNames().isEmpty());
    DropViewStatement drop = (DropViewStatement) parse("DROP VIEW IF EXISTS memory.s.v");
    assertTrue(drop.ifExists());
    assertEquals(List.of("memory", "s", "v"), drop.name().parts());
  }

  @Test
  void insert() {
    InsertStatement values = (InsertStatement) parse("INSERT INTO t VALUES (1, 'a'), (2, 'b')");
    assertTrue(values.columns().isEmpty());
    assertEquals("VALUES (1, 'a'), (2, 'b')", values.query().trim());
    InsertStatement listed = (InsertStatement) parse("insert into s.t (B, \"C\")\nselect x, y from u");
    assertEquals(List.of("b", "C"), listed.columns());
    assertEquals("select x, y from u", listed.query().substring(listed.query().indexOf('\n') + 1));
    InsertStatement parenthesized = (InsertStatement) parse("INSERT INTO t (SELECT 1)");
    assertTrue(parenthesized.columns().isEmpty());
    assertEquals("(SELECT 1)", parenthesized.query().trim());
    InsertStatement with = (InsertStatement) parse("INSERT INTO t (a) WITH x AS (SELECT 1) SELECT * FROM x");
    assertEquals(List.of("a"), with.columns());
  }

  @Test
  void copy() {
    CopyStatement table = (CopyStatement) parse("COPY s.t TO 'out/t.parquet'");
    assertEquals(List.of("s", "t"), table.name().parts());
    assertNull(table.query());
    assertEquals("out/t.parquet", table.location());
    assertTrue(table.properties().isEmpty());
    String sql = "COPY (SELECT ')' AS x, (1) FROM t /* ) */) TO 'o.csv' WITH (format = 'csv', header = false);";
    CopyStatement query = (CopyStatement) parse(sql);
    assertNull(query.name());
    assertEquals("SELECT ')' AS x, (1) FROM t /* ) */", query.query().trim());
    assertEquals(sql.indexOf("SELECT"), query.query().indexOf("SELECT"));
    assertEquals(Map.of("format", "csv", "header", "false"), query.properties());
    CopyStatement bare = (CopyStatement) parse("copy t to 'x' (format arrow)");
    assertEquals("arrow", bare.properties().get("format"));
    CopyStatement flags = (CopyStatement) parse("COPY t TO 'x' (FORMAT csv, HEADER, DELIMITER '|')");
    assertEquals(Map.of("format", "csv", "header", "true", "delimiter", "|"), flags.properties());
    assertEquals(Map.of("header", "true"), ((CopyStatement) parse("COPY t TO 'x' (HEADER)")).properties());
  }

  @Test
  void malformedStatementsSayWhere() {
    assertPosition(error("CREATE TABLE t (x INTEGER,\n  y)"), 2, 4);
    assertPosition(error("CREATE TABLE t (x DECIMAL(40, 2))"), 1, 19);
    assertPosition(error("CREATE TABLE t (x DECIMAL(4, 5))"), 1, 19);
    assertPosition(error("CREATE TABLE t (x VARCHAR(0))"), 1, 19);
    assertPosition(error("CREATE TABLE t (x INT, x INT)"), 1, 24);
    assertPosition(error("CREATE TABLE t (x INT"), 1, 22);
    assertPosition(error("CREATE TABLE t"), 1, 15);
    assertPosition(error("CREATE TABLE t WITH (format 'csv', format 'csv')"), 1, 36);
    assertPosition(error("CREATE TABLE t WITH (format = )"), 1, 31);
    assertPosition(error("CREATE VIEW v SELECT 1"), 1, 15);
    assertPosition(error("CREATE VIEW v AS"), 1, 17);
    assertPosition(error("CREATE VIEW v (a, a) AS SELECT 1, 2"), 1, 19);
    assertPosition(error("INSERT t VALUES (1)"), 1, 8);
    assertPosition(error("INSERT INTO t"), 1, 14);
    assertPosition(error("INSERT INTO t (a, a) VALUES (1, 2)"), 1, 19);
    assertPosition(error("INSERT INTO t (a VALUES (1)"), 1, 18);
    assertPosition(error("INSERT INTO t 1"), 1, 15);
    assertPosition(error("COPY (SELECT 1 TO 'x'"), 1, 6);
    assertPosition(error("COPY () TO 'x'"), 1, 6);
    assertPosition(error("COPY t TO x"), 1, 11);
    assertPosition(error("COPY t 'x'"), 1, 8);
    assertPosition(error("COPY t TO 'x' WITH format"), 1, 20);
    assertPosition(error("COPY t TO 'x\n"), 1, 11);
    assertPosition(error("DROP VIEW"), 1, 10);
    assertPosition(error("CREATE OR REPLACE VIEW IF NOT EXISTS v AS SELECT 1"), 1, 24);
    assertPosition(error("DROP VIEW v w"), 1, 13);
  }

  private static void assertPosition(SqlFrontendException error, int line, int column) {
    assertEquals(Kind.SYNTAX, error.kind(), error.getMessage());
    assertEquals(line, error.line(), error.getMessage());
    assertEquals(column, error.column(), error.getMessage());
  }
}
