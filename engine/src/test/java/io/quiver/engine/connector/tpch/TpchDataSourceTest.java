package io.quiver.engine.connector.tpch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.exec.connector.SplitReader;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.type.Column;
import io.quiver.exec.type.DataType;
import io.quiver.exec.type.RowSchema;
import io.trino.tpch.TpchEntity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TpchDataSourceTest {

  private static final double TINY = 0.01;

  private BufferAllocator allocator;

  @BeforeEach
  void openAllocator() {
    allocator = new RootAllocator();
  }

  @AfterEach
  void closeAllocator() {
    allocator.close(); // throws on a leak
  }

  @Test
  void tinyTablesHaveTheirRowCounts() {
    Map<String, Integer> expected = Map.of("lineitem", 60_175, "orders", 15_000, "customer", 1_500, "part", 2_000,
        "partsupp", 8_000, "supplier", 100, "nation", 25, "region", 5);
    for (TpchTableDefinition<?> table : TpchTables.ALL) {
      int rows = TpchTestReads.readAll(allocator, table, TINY, 1, 8192).size();
      assertEquals(expected.get(table.name()), rows, table.name());
    }
  }

  @Test
  void everyValueMatchesTheGeneratorsOwnText() {
    // The library renders money from exact cents and dates as yyyy-MM-dd in toLine(): a row
    // read through Arrow must say the same, value by value.
    for (TpchTableDefinition<?> table : TpchTables.ALL) {
      List<List<String>> rows = TpchTestReads.readAll(allocator, table, TINY, 1, 1000);
      Iterator<? extends TpchEntity> generated = table.generator().createGenerator(TINY, 1, 1).iterator();
      for (List<String> row : rows) {
        String[] fields = generated.next().toLine().split("\\|");
        for (int column = 0; column < row.size(); column++) {
          DataType type = table.columns().get(column).type();
          String where = table.name() + "." + table.columns().get(column).name() + " in " + String.join("|", row);
          if (type.equals(DataType.decimal(15, 2))) {
            BigDecimal value = new BigDecimal(row.get(column));
            assertEquals(2, value.scale(), where);
            assertEquals(0, value.compareTo(new BigDecimal(fields[column])), where);
          } else {
            assertEquals(fields[column], row.get(column), where);
          }
        }
      }
      assertTrue(!generated.hasNext(), table.name());
    }
  }

  @Test
  void firstLineitemRowHasTheKnownValues() {
    List<List<String>> tiny = TpchTestReads.readSplit(allocator, TpchTables.LINEITEM, TINY,
        TpchTestReads.allColumns(TpchTables.LINEITEM), 0, 1, 1);
    assertEquals(List.of("1", "1552", "93", "1", "17.00", "24710.35", "0.04", "0.02", "N", "O", "1996-03-13",
        "1996-02-12", "1996-03-22", "DELIVER IN PERSON", "TRUCK", "egular courts above the"), tiny.get(0));

    // At scale factor 1 the first row is the one every TPC-H kit prints.
    RowSchema schema = TpchTestReads.schemaOf(TpchTables.LINEITEM, TpchTestReads.allColumns(TpchTables.LINEITEM));
    try (SplitReader reader = new TpchDataSource().open(TpchTestReads.handle("sf1", "lineitem", 1.0),
        TpchTestReads.allColumns(TpchTables.LINEITEM), schema, 0, 1000, allocator, 1);
        VectorSchemaRoot batch = reader.next()) {
      assertEquals(1, batch.getRowCount());
      assertEquals(155190L, batch.getVector("l_partkey").getObject(0));
      assertEquals(7706L, batch.getVector("l_suppkey").getObject(0));
      assertEquals(new BigDecimal("21168.23"), batch.getVector("l_extendedprice").getObject(0));
    }
  }

  @Test
  void splitsTogetherGiveExactlyTheWholeTable() {
    Comparator<List<String>> byText = Comparator.comparing(Object::toString);
    for (String name : List.of("lineitem", "orders", "nation")) {
      TpchTableDefinition<?> table = TpchTables.byName(name);
      List<List<String>> whole = new ArrayList<>(TpchTestReads.readAll(allocator, table, TINY, 1, 4096));
      List<List<String>> split = new ArrayList<>(TpchTestReads.readAll(allocator, table, TINY, 7, 1000));
      whole.sort(byText);
      split.sort(byText);
      assertEquals(whole, split, name);
    }
  }

  @Test
  void readsOnlyTheRequestedColumnsInTheRequestedOrder() {
    List<Integer> columns = List.of(5, 0, 8);
    RowSchema schema = new RowSchema(List.of(
        new Column("price", DataType.decimal(15, 2), false),
        new Column("key", DataType.BIGINT, false),
        new Column("flag", DataType.character(1), false)));
    try (SplitReader reader = new TpchDataSource().open(TpchTestReads.handle("tiny", "lineitem", TINY), columns,
        schema, 0, 4, allocator, 100);
        VectorSchemaRoot batch = reader.next()) {
      assertEquals(schema.toArrowSchema(), batch.getSchema());
      assertEquals(new BigDecimal("24710.35"), batch.getVector(0).getObject(0));
      assertEquals(1L, batch.getVector(1).getObject(0));
      assertEquals("N", batch.getVector(2).getObject(0).toString());
    }
  }

  @Test
  void countOnlyScansHaveNoColumnsButRows() {
    RowSchema empty = new RowSchema(List.of());
    long rows = 0;
    try (SplitReader reader = new TpchDataSource().open(TpchTestReads.handle("tiny", "orders", TINY), List.of(),
        empty, 0, 1, allocator, 4096)) {
      VectorSchemaRoot batch;
      while ((batch = reader.next()) != null) {
        rows += batch.getRowCount();
        batch.close();
      }
    }
    assertEquals(15_000, rows);
  }

  @Test
  void batchesHoldAtMostBatchSizeRows() {
    List<Integer> sizes = new ArrayList<>();
    try (SplitReader reader = new TpchDataSource().open(TpchTestReads.handle("tiny", "customer", TINY),
        List.of(0, 1), TpchTestReads.schemaOf(TpchTables.CUSTOMER, List.of(0, 1)), 0, 1, allocator, 400)) {
      VectorSchemaRoot batch;
      while ((batch = reader.next()) != null) {
        sizes.add(batch.getRowCount());
        batch.close();
      }
      assertEquals(null, reader.next()); // stays exhausted
    }
    assertEquals(List.of(400, 400, 400, 300), sizes);
  }

  @Test
  void keysOfSplitsDoNotOverlap() {
    Set<String> keys = new HashSet<>();
    int splits = 5;
    for (int split = 0; split < splits; split++) {
      for (List<String> row : TpchTestReads.readSplit(allocator, TpchTables.ORDERS, TINY, List.of(0), split, splits,
          1024)) {
        assertTrue(keys.add(row.get(0)), "order key " + row.get(0) + " read twice");
      }
    }
    assertEquals(15_000, keys.size());
  }

  @Test
  void closingEarlyReleasesEverything() {
    SplitReader reader = new TpchDataSource().open(TpchTestReads.handle("tiny", "lineitem", TINY),
        TpchTestReads.allColumns(TpchTables.LINEITEM),
        TpchTestReads.schemaOf(TpchTables.LINEITEM, TpchTestReads.allColumns(TpchTables.LINEITEM)), 0, 1, allocator,
        1024);
    reader.next().close();
    reader.close();
    reader.close();
    assertEquals(null, reader.next());
    assertEquals(0, allocator.getAllocatedMemory());
  }

  @Test
  void rejectsWrongUsage() {
    TpchDataSource source = new TpchDataSource();
    RowSchema keyOnly = TpchTestReads.schemaOf(TpchTables.ORDERS, List.of(0));
    QuiverException unknownTable = assertThrows(QuiverException.class, () -> source.open(
        TpchTestReads.handle("tiny", "nosuch", TINY), List.of(0), keyOnly, 0, 1, allocator, 10));
    assertEquals(ErrorCode.TABLE_NOT_FOUND, unknownTable.errorCode());
    assertThrows(QuiverException.class, () -> source.open(
        TpchTestReads.handle("tiny", "orders", TINY), List.of(0), keyOnly, 3, 3, allocator, 10));
    assertThrows(QuiverException.class, () -> source.open(
        TpchTestReads.handle("tiny", "orders", TINY), List.of(0), keyOnly, -1, 3, allocator, 10));
    assertThrows(QuiverException.class, () -> source.open(
        TpchTestReads.handle("tiny", "orders", TINY), List.of(0), keyOnly, 0, 1, allocator, 0));
    assertThrows(QuiverException.class, () -> source.open(
        TpchTestReads.handle("tiny", "orders", TINY), List.of(0, 1), keyOnly, 0, 1, allocator, 10));
    assertThrows(QuiverException.class, () -> source.open(
        TpchTestReads.handle("tiny", "orders", TINY), List.of(42), keyOnly, 0, 1, allocator, 10));
    QuiverException wrongType = assertThrows(QuiverException.class, () -> source.open(
        TpchTestReads.handle("tiny", "orders", TINY), List.of(2), keyOnly, 0, 1, allocator, 10));
    assertTrue(wrongType.getMessage().contains("o_orderstatus"), wrongType.getMessage());
  }

  @Test
  void scaleFactorFallsBackToTheSchemaName() {
    RowSchema keyOnly = TpchTestReads.schemaOf(TpchTables.SUPPLIER, List.of(0));
    long rows = 0;
    try (SplitReader reader = new TpchDataSource().open(
        new io.quiver.exec.fragment.node.TableHandle("tpch", "tiny", "supplier", Map.of()), List.of(0), keyOnly, 0, 1,
        allocator, 1000)) {
      VectorSchemaRoot batch;
      while ((batch = reader.next()) != null) {
        rows += batch.getRowCount();
        batch.close();
      }
    }
    assertEquals(100, rows);
    assertThrows(QuiverException.class, () -> new TpchDataSource().open(
        new io.quiver.exec.fragment.node.TableHandle("tpch", "sf3", "supplier", Map.of()), List.of(0), keyOnly, 0, 1,
        allocator, 1000));
  }
}
