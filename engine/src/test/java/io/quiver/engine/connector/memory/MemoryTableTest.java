package io.quiver.engine.connector.memory;

import static io.quiver.engine.connector.memory.SqlRows.rows;
import static io.quiver.engine.connector.memory.SqlRows.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.engine.QueryResult;
import io.quiver.engine.Quiver;
import io.quiver.engine.QuiverConfig;
import io.quiver.engine.Session;
import io.quiver.engine.driver.LocalQuiver;
import io.quiver.engine.metadata.ColumnInfo;
import io.quiver.engine.metadata.TableInfo;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** CREATE TABLE AS, DROP and reads of memory tables through sessions of a real engine. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MemoryTableTest {

  private static final int SLOTS = 3;

  private LocalQuiver quiver;
  private MemoryConnector memory;

  @BeforeAll
  void start() {
    quiver = (LocalQuiver) Quiver.local(QuiverConfig.defaults().withSlots(SLOTS).withShufflePartitions(4));
    memory = quiver.memoryConnector();
  }

  @AfterAll
  void stop() {
    quiver.close(); // throws if a buffer leaked, tables included
  }

  @AfterEach
  void dropEverything() {
    try (Session session = quiver.openSession()) {
      for (String schema : memory.schemaNames()) {
        if (!schema.equals(MemoryConnector.DEFAULT_SCHEMA)) {
          update(session, "DROP SCHEMA memory.\"" + schema + "\" CASCADE");
        }
      }
      for (TableInfo table : quiver.metadata().tables("memory", "default")) {
        update(session, "DROP TABLE memory.\"default\".\"" + table.name() + "\"");
      }
    }
    assertEquals(0, memory.allocatedBytes(), "every table's memory is freed");
  }

  @Test
  void aggregatesOverACopyEqualThoseOverTheSource() {
    try (Session session = quiver.openSession()) {
      assertEquals(60_175, update(session, "CREATE TABLE memory.default.lineitem AS SELECT * FROM tpch.tiny.lineitem"));
      assertEquals(15_000, update(session, "CREATE TABLE memory.default.orders AS SELECT * FROM orders"));
      assertEquals(25, update(session, "CREATE TABLE memory.default.nation AS SELECT * FROM tpch.tiny.nation"));
      for (String aggregate : List.of(
          "SELECT count(*), sum(l_quantity), sum(l_extendedprice * (1 - l_discount)), min(l_shipdate), "
              + "max(l_comment), sum(l_orderkey), min(l_linenumber) FROM %s.lineitem",
          "SELECT l_returnflag, l_linestatus, sum(l_quantity), avg(l_discount), count(*) FROM %s.lineitem "
              + "WHERE l_shipdate <= DATE '1998-09-02' GROUP BY l_returnflag, l_linestatus ORDER BY 1, 2",
          "SELECT o_orderpriority, count(*), sum(o_totalprice) FROM %s.orders GROUP BY o_orderpriority ORDER BY 1",
          "SELECT n_name, n_regionkey FROM %s.nation WHERE n_name LIKE '%%A%%' ORDER BY n_name",
          "SELECT l_shipmode, count(*) FROM %s.lineitem WHERE l_quantity > 45 GROUP BY l_shipmode ORDER BY 1")) {
        List<List<String>> expected = rows(session, String.format(aggregate, "tpch.tiny"));
        assertFalse(expected.isEmpty());
        assertEquals(expected, rows(session, String.format(aggregate, "memory.default")), aggregate);
      }
    }
  }

  @Test
  void rowsAreSpreadEvenlyOverOnePartitionPerSlot() {
    try (Session session = quiver.openSession()) {
      update(session, "CREATE TABLE memory.default.spread AS SELECT * FROM tpch.tiny.orders");
      update(session, "CREATE TABLE memory.default.small AS SELECT * FROM tpch.tiny.region");
    }
    MemoryTable spread = memory.table("default", "spread").orElseThrow();
    assertEquals(SLOTS, spread.splitCount());
    assertEquals(15_000, spread.rowCount());
    assertEquals(15_000.0, spread.getStatistic().getRowCount());
    for (int p = 0; p < SLOTS; p++) {
      assertEquals(5_000, partitionRows(spread, p), "partition " + p);
    }
    // Distinct counts estimated while writing: o_orderkey (0) all distinct, o_orderstatus (2) 3.
    assertEquals(15_000, spread.distinctCount(0), 15_000 * 0.05);
    assertEquals(3, spread.distinctCount(2));
    assertEquals(-1, spread.distinctCount(99));
    MemoryTable small = memory.table("default", "small").orElseThrow();
    assertEquals(List.of(2L, 2L, 1L), List.of(partitionRows(small, 0), partitionRows(small, 1), partitionRows(small, 2)));
  }

  private static long partitionRows(MemoryTable table, int partition) {
    return table.data().partition(partition).stream().mapToLong(StoredBatch::rows).sum();
  }

  @Test
  void ifNotExistsAndIfExists() {
    try (Session session = quiver.openSession()) {
      assertEquals(5, update(session, "CREATE TABLE IF NOT EXISTS memory.default.r AS SELECT * FROM tpch.tiny.region"));
      assertEquals(0, update(session, "CREATE TABLE IF NOT EXISTS memory.default.r AS SELECT * FROM tpch.tiny.nation"));
      assertEquals(List.of(List.of("5")), rows(session, "SELECT count(*) FROM memory.default.r"), "the first stays");
      assertEquals(0, update(session, "DROP TABLE memory.default.r"));
      assertEquals(0, update(session, "DROP TABLE IF EXISTS memory.default.r"));
      assertEquals(0, update(session, "DROP TABLE IF EXISTS memory.nosuch.r"));
      assertEquals(0, update(session, "CREATE SCHEMA memory.s"));
      assertEquals(0, update(session, "CREATE SCHEMA IF NOT EXISTS memory.s"));
      assertEquals(0, update(session, "DROP SCHEMA memory.s"));
      assertEquals(0, update(session, "DROP SCHEMA IF EXISTS memory.s"));
    }
  }

  @Test
  void schemasHoldTablesAndNamesResolveLikeQueries() {
    try (Session session = quiver.openSession()) {
      update(session, "CREATE SCHEMA memory.Staging");
      update(session, "CREATE TABLE memory.staging.\"Mixed\" AS SELECT r_regionkey AS k, r_name FROM tpch.tiny.region");
      session.setSchema("memory.staging");
      assertEquals(List.of(List.of("5")), rows(session, "SELECT count(*) FROM \"Mixed\""));
      update(session, "CREATE TABLE two AS SELECT k * 2 AS k2 FROM \"Mixed\" WHERE k < 2");
      assertEquals(List.of(List.of("0"), List.of("2")), rows(session, "SELECT k2 FROM memory.staging.two ORDER BY k2"));
      QuiverException notEmpty = assertThrows(QuiverException.class, () -> update(session, "DROP SCHEMA memory.staging"));
      assertEquals(ErrorCode.VALIDATION_ERROR, notEmpty.errorCode());
      update(session, "DROP SCHEMA memory.staging CASCADE");
      assertEquals(ErrorCode.TABLE_NOT_FOUND, assertThrows(QuiverException.class,
          () -> rows(session, "SELECT * FROM memory.staging.two")).errorCode());
      update(session, "CREATE SCHEMA memory.staging");
      update(session, "CREATE TABLE memory.staging.two AS SELECT 7 AS x");
      assertEquals(List.of(List.of("7")), rows(session, "SELECT x FROM memory.staging.two"));
      update(session, "DROP SCHEMA memory.staging CASCADE");
    }
    assertEquals(List.of("default"), quiver.metadata().schemas("memory"));
  }

  @Test
  void errorsLeaveNothingBehind() {
    try (Session session = quiver.openSession()) {
      update(session, "CREATE TABLE memory.default.t AS SELECT * FROM tpch.tiny.nation");
      QuiverException duplicate = assertThrows(QuiverException.class,
          () -> update(session, "CREATE TABLE memory.default.T AS SELECT 1 AS x"));
      assertEquals(ErrorCode.DUPLICATE_OBJECT, duplicate.errorCode());
      assertEquals("42P07", duplicate.sqlState());
      assertEquals(ErrorCode.DUPLICATE_SCHEMA, assertThrows(QuiverException.class,
          () -> update(session, "CREATE SCHEMA memory.default")).errorCode());

      long before = memory.allocatedBytes();
      assertEquals(ErrorCode.SCHEMA_NOT_FOUND, assertThrows(QuiverException.class,
          () -> update(session, "CREATE TABLE memory.nosuch.t AS SELECT 1 AS x")).errorCode());
      assertEquals(ErrorCode.SCHEMA_NOT_FOUND, assertThrows(QuiverException.class,
          () -> update(session, "CREATE TABLE nosuch.s.t AS SELECT 1 AS x")).errorCode());
      assertEquals(ErrorCode.TABLE_NOT_FOUND, assertThrows(QuiverException.class,
          () -> update(session, "DROP TABLE memory.default.nosuch")).errorCode());
      assertEquals(ErrorCode.SCHEMA_NOT_FOUND, assertThrows(QuiverException.class,
          () -> update(session, "DROP SCHEMA memory.nosuch")).errorCode());
      assertEquals(ErrorCode.NOT_SUPPORTED, assertThrows(QuiverException.class,
          () -> update(session, "CREATE TABLE tpch.tiny.t AS SELECT 1 AS x")).errorCode());
      assertEquals(ErrorCode.NOT_SUPPORTED, assertThrows(QuiverException.class,
          () -> update(session, "DROP TABLE tpch.tiny.nation")).errorCode());
      assertEquals(ErrorCode.NOT_SUPPORTED, assertThrows(QuiverException.class,
          () -> update(session, "CREATE TABLE memory.default.c (x INTERVAL)")).errorCode());
      assertEquals(ErrorCode.VALIDATION_ERROR, assertThrows(QuiverException.class,
          () -> update(session, "CREATE TABLE memory.default.d AS SELECT n_name, n_name FROM tpch.tiny.nation"))
          .errorCode());

      // The query fails while it runs, after rows were written: no table, no memory.
      QuiverException division = assertThrows(QuiverException.class, () -> update(session,
          "CREATE TABLE memory.default.failed AS SELECT l_orderkey / (l_linenumber - 7) AS x FROM tpch.tiny.lineitem"));
      assertEquals(ErrorCode.DIVISION_BY_ZERO, division.errorCode());
      // The query fails while it is planned: its error points into the text the user wrote.
      QuiverException column = assertThrows(QuiverException.class, () -> update(session,
          "CREATE TABLE memory.default.failed AS\nSELECT nosuch FROM tpch.tiny.nation"));
      assertEquals(ErrorCode.COLUMN_NOT_FOUND, column.errorCode());
      assertEquals(2, column.line());
      assertEquals(8, column.column());
      QuiverException syntax = assertThrows(QuiverException.class,
          () -> update(session, "CREATE TABLE memory.default.failed AS SELEC 1"));
      assertEquals(ErrorCode.SYNTAX_ERROR, syntax.errorCode());
      assertEquals(1, syntax.line());
      assertEquals(ErrorCode.SYNTAX_ERROR, assertThrows(QuiverException.class,
          () -> update(session, "DROP TABLE memory.default.t extra")).errorCode());

      assertEquals(before, memory.allocatedBytes());
      assertEquals(List.of("t"), quiver.metadata().tables("memory", "default").stream().map(TableInfo::name).toList());
      assertEquals(ErrorCode.TABLE_NOT_FOUND, assertThrows(QuiverException.class,
          () -> rows(session, "SELECT * FROM memory.default.failed")).errorCode());
      assertEquals(List.of(List.of("25")), rows(session, "SELECT count(*) FROM memory.default.t"), "session usable");
    }
    assertEquals(0, quiver.executor().runningTasks());
  }

  @Test
  void dropFreesTheTablesMemory() {
    assertEquals(0, memory.allocatedBytes());
    long engineBefore = quiver.allocatedBytes();
    try (Session session = quiver.openSession()) {
      update(session, "CREATE TABLE memory.default.big AS SELECT * FROM tpch.tiny.lineitem");
      MemoryTable table = memory.table("default", "big").orElseThrow();
      assertTrue(memory.allocatedBytes() >= table.bytes(), memory.allocatedBytes() + " >= " + table.bytes());
      assertTrue(table.bytes() > 60_175L * 16);
      assertEquals(List.of(List.of("60175")), rows(session, "SELECT count(*) FROM memory.default.big"));
      update(session, "DROP TABLE memory.default.big");
      assertTrue(table.data().isFreed());
    }
    assertEquals(0, memory.allocatedBytes());
    assertEquals(engineBefore, quiver.allocatedBytes());
  }

  @Test
  void metadataShowsTheTableAndItsColumnsAtOnce() {
    try (Session session = quiver.openSession()) {
      assertTrue(quiver.metadata().catalogs().contains("memory"));
      assertEquals(List.of(), quiver.metadata().tables("memory", "default"));
      update(session, "CREATE TABLE memory.default.meta AS SELECT n_nationkey AS id, n_name, "
          + "CAST(NULL AS DECIMAL(10, 2)) AS maybe, n_regionkey * 1.5 AS scaled FROM tpch.tiny.nation");
      List<TableInfo> tables = quiver.metadata().tables("memory", "default");
      assertEquals(1, tables.size());
      TableInfo table = tables.get(0);
      assertEquals("memory", table.catalog());
      assertEquals("default", table.schema());
      assertEquals("meta", table.name());
      assertEquals("TABLE", table.type());
      assertEquals("id:BIGINT:false n_name:VARCHAR(25):false maybe:DECIMAL(10, 2):true",
          table.columns().subList(0, 3).stream().map(MemoryTableTest::describe).collect(Collectors.joining(" ")));
      assertEquals("scaled", table.columns().get(3).name());
      assertEquals(io.quiver.exec.type.TypeKind.DECIMAL, table.columns().get(3).type().kind());
      assertEquals(List.of(List.of("0", "ALGERIA", "NULL", "0.0")),
          rows(session, "SELECT * FROM memory.default.meta ORDER BY id LIMIT 1"));
      update(session, "DROP TABLE memory.default.meta");
      assertEquals(List.of(), quiver.metadata().tables("memory", "default"));
    }
  }

  private static String describe(ColumnInfo column) {
    return column.name() + ":" + column.type() + ":" + column.nullable();
  }

  @Test
  void aTableDroppedAndCreatedAgainIsTheNewOne() {
    try (Session session = quiver.openSession()) {
      update(session, "CREATE TABLE memory.default.again AS SELECT * FROM tpch.tiny.region");
      assertEquals(List.of(List.of("5")), rows(session, "SELECT count(*) FROM memory.default.again"));
      update(session, "DROP TABLE memory.default.again");
      update(session, "CREATE TABLE memory.default.again AS SELECT n_name FROM tpch.tiny.nation");
      assertEquals(List.of(List.of("25")), rows(session, "SELECT count(*) FROM memory.default.again"));
      assertEquals(List.of(List.of("ALGERIA")), rows(session, "SELECT min(n_name) FROM memory.default.again"));
    }
  }

  @Test
  void aResultOfDdlHasNoRows() {
    try (Session session = quiver.openSession();
        QueryResult result = session.execute("CREATE TABLE memory.default.x AS SELECT 1 AS x")) {
      assertFalse(result.isRowResult());
      assertEquals(1, result.updateCount());
      assertEquals(0, result.schema().size());
      assertFalse(result.loadNextBatch());
    }
  }

  @Test
  void tablesLeftAtCloseAreFreedWithTheEngine() {
    try (LocalQuiver other = (LocalQuiver) Quiver.local(QuiverConfig.defaults().withSlots(2));
        Session session = other.openSession()) {
      update(session, "CREATE TABLE memory.default.kept AS SELECT * FROM tpch.tiny.customer");
      assertTrue(other.memoryConnector().allocatedBytes() > 0);
    }
  }
}
