package io.quiver.engine.connector.tpcds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.exec.connector.SplitReader;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.fragment.node.TableHandle;
import io.quiver.exec.type.RowSchema;
import io.trino.tpcds.Results;
import io.trino.tpcds.Session;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rows the executors read: counts, values, NULLs, keys and splits, against the generator itself. */
class TpcdsDataSourceTest {

  private static final double TINY = 0.01;

  private final TpcdsDataSource source = new TpcdsDataSource();
  private BufferAllocator allocator;

  @BeforeEach
  void openAllocator() {
    allocator = new RootAllocator();
  }

  @AfterEach
  void closeAllocator() {
    allocator.close(); // throws on a leak
  }

  /** Every table read whole at tiny (all columns, one split), read once for all tests of the class. */
  private static final Map<String, List<List<String>>> WHOLE = new java.util.concurrent.ConcurrentHashMap<>();

  @Test
  void tinyTablesHaveTheGeneratorsRowCountsValuesAndKeys() {
    // What the generator makes at scale 0.01 (the sales and returns tables count lines, not orders).
    Map<String, Integer> expected = Map.ofEntries(Map.entry("call_center", 2), Map.entry("catalog_page", 11_718),
        Map.entry("catalog_returns", 8_923), Map.entry("catalog_sales", 89_807), Map.entry("customer", 1_000),
        Map.entry("customer_address", 1_000), Map.entry("customer_demographics", 1_920_800),
        Map.entry("date_dim", 73_049), Map.entry("household_demographics", 7_200), Map.entry("income_band", 20),
        Map.entry("inventory", 261_261), Map.entry("item", 2_000), Map.entry("promotion", 3), Map.entry("reason", 1),
        Map.entry("ship_mode", 20), Map.entry("store", 2), Map.entry("store_returns", 11_925),
        Map.entry("store_sales", 120_527), Map.entry("time_dim", 86_400), Map.entry("warehouse", 1),
        Map.entry("web_page", 2), Map.entry("web_returns", 1_152), Map.entry("web_sales", 11_876),
        Map.entry("web_site", 2));
    assertEquals(TpcdsConnectorTest.TABLES, new java.util.TreeSet<>(expected.keySet()));
    for (TpcdsTableDefinition table : TpcdsTables.BY_NAME.values()) {
      if (table.name().equals("customer_demographics")) {
        // 1.9 million rows at every scale: only counted, and its key is its row number.
        assertEquals(expected.get(table.name()), (int) countRows(table, 0), table.name());
        continue;
      }
      List<List<String>> rows = whole(table);
      assertEquals(expected.get(table.name()), rows.size(), table.name());
      for (List<String> row : rows) {
        for (int key : table.primaryKey()) {
          assertTrue(row.get(key) != null, table.name() + " has a NULL in key column " + key);
        }
      }
      List<List<String>> keys = rows.stream().map(row -> table.primaryKey().stream().map(row::get).toList()).toList();
      assertEquals(keys.size(), new HashSet<>(keys).size(), table.name() + " key " + table.primaryKey());
    }
  }

  @Test
  void valuesAreTheGeneratorsTextAndNullsStayWhereItPutsThem() {
    for (TpcdsTableDefinition table : TpcdsTables.BY_NAME.values()) {
      if (Set.of("customer_demographics", "inventory", "store_sales", "catalog_sales").contains(table.name())) {
        continue; // large: covered by the count, key and split tests
      }
      List<List<String>> rows = whole(table);
      Session session = Session.getDefaultSession().withScale(TINY).withTable(table.generator());
      int index = 0;
      for (List<List<String>> generated : Results.constructResults(table.generator(), session)) {
        List<String> expected = generated.get(0);
        List<String> actual = rows.get(index++);
        for (int column = 0; column < expected.size(); column++) {
          TpcdsColumnDefinition definition = table.columns().get(column);
          String want = expected.get(column);
          if (want != null && definition.type().kind() == io.quiver.exec.type.TypeKind.CHAR) {
            want = TpcdsValues.stripTrailingSpaces(want);
          }
          String where = table.name() + "." + definition.name() + " row " + index;
          if (want != null && definition.type().kind() == io.quiver.exec.type.TypeKind.DECIMAL) {
            // The generator prints some decimals without their scale ("-5" for -5.00).
            assertEquals(0, new java.math.BigDecimal(want).compareTo(new java.math.BigDecimal(actual.get(column))), where);
          } else {
            assertEquals(want, actual.get(column), where);
          }
        }
      }
      assertEquals(rows.size(), index, table.name());
    }
  }

  @Test
  void nullableForeignKeysHoldNulls() {
    TpcdsTableDefinition storeSales = TpcdsTables.byName("store_sales");
    List<List<String>> rows = whole(storeSales);
    long nulls = rows.stream().filter(row -> row.get(3) == null).count();
    assertTrue(nulls > 1000 && nulls < rows.size() / 10, "ss_customer_sk NULLs: " + nulls);
    assertTrue(whole(TpcdsTables.byName("store")).stream().anyMatch(row -> row.get(3) == null), "s_rec_end_date");
  }

  @Test
  void splitsTogetherHoldTheRowsOfOnePass() {
    // catalog_sales: its generator finds the first date of a range from the row number.
    for (String name : List.of("catalog_sales", "web_sales", "web_returns", "inventory", "customer", "date_dim")) {
      TpcdsTableDefinition table = TpcdsTables.byName(name);
      List<List<String>> pieces = new ArrayList<>();
      for (int split = 0; split < 7; split++) {
        pieces.addAll(read(table, allColumns(table), split, 7));
      }
      assertEquals(whole(table), pieces, name);
    }
  }

  private List<List<String>> whole(TpcdsTableDefinition table) {
    List<List<String>> rows = WHOLE.get(table.name());
    if (rows == null) {
      rows = read(table, allColumns(table), 0, 1);
      WHOLE.put(table.name(), rows);
    }
    return rows;
  }

  @Test
  void splitRangesCoverEveryGeneratorRowOnce() {
    for (int rows : List.of(1, 5, 7, 1000, 240_000)) {
      for (int splits : List.of(1, 2, 3, 7, 64)) {
        long next = 1;
        for (int split = 0; split < splits; split++) {
          long[] range = TpcdsSplits.range(rows, split, splits);
          assertEquals(next, range[0], rows + " rows, split " + split + " of " + splits);
          next = range[1] + 1;
        }
        assertEquals(rows + 1, next);
      }
    }
  }

  @Test
  void wrongHandlesAreRefused() {
    TpcdsTableDefinition item = TpcdsTables.byName("item");
    RowSchema schema = item.rowSchema();
    List<Integer> columns = allColumns(item);
    QuiverException unknown = assertThrows(QuiverException.class, () -> source.open(handle("no_such_table", "tiny"),
        columns, schema, 0, 1, allocator, 100));
    assertEquals(ErrorCode.TABLE_NOT_FOUND, unknown.errorCode());
    QuiverException history = assertThrows(QuiverException.class, () -> source.open(handle("item", "tiny"),
        columns, schema, 0, 2, allocator, 100));
    assertTrue(history.getMessage().contains("keeps history"), history.getMessage());
    assertThrows(QuiverException.class, () -> source.open(handle("item", "tiny"), columns, schema, 1, 1, allocator,
        100));
    assertThrows(QuiverException.class, () -> source.open(handle("item", "tiny"), columns, schema, 0, 1, allocator,
        0));
    QuiverException schemaNotFound = assertThrows(QuiverException.class,
        () -> source.open(new TableHandle("tpcds", "sf7", "item", Map.of()), columns, schema, 0, 1, allocator, 10));
    assertEquals(ErrorCode.SCHEMA_NOT_FOUND, schemaNotFound.errorCode());
    RowSchema wrongType = new RowSchema(List.of(new io.quiver.exec.type.Column("i_item_sk",
        io.quiver.exec.type.DataType.INTEGER, false)));
    assertThrows(QuiverException.class, () -> source.open(handle("item", "tiny"), List.of(0), wrongType, 0, 1,
        allocator, 10));
  }

  @Test
  void aReaderClosedEarlyReturnsNoMoreBatches() {
    TpcdsTableDefinition table = TpcdsTables.byName("store_sales");
    try (SplitReader reader = source.open(handle("store_sales", "tiny"), List.of(0), project(table, List.of(0)), 0, 1,
        allocator, 100)) {
      try (VectorSchemaRoot batch = reader.next()) {
        assertEquals(100, batch.getRowCount());
      }
      reader.close();
      assertNull(reader.next());
    }
  }

  static TableHandle handle(String table, String schema) {
    return new TableHandle("tpcds", schema, table, Map.of(TpcdsConnectorTable.SCALE_FACTOR_PROPERTY,
        Double.toString(TpcdsConnector.SCALE_FACTORS.getOrDefault(schema, 0.01))));
  }

  private static List<Integer> allColumns(TpcdsTableDefinition table) {
    return IntStream.range(0, table.columns().size()).boxed().toList();
  }

  private static RowSchema project(TpcdsTableDefinition table, List<Integer> columns) {
    return new RowSchema(columns.stream().map(column -> table.rowSchema().column(column)).toList());
  }

  private long countRows(TpcdsTableDefinition table, int column) {
    long rows = 0;
    try (SplitReader reader = source.open(handle(table.name(), "tiny"), List.of(column),
        project(table, List.of(column)), 0, 1, allocator, 8192)) {
      for (VectorSchemaRoot batch = reader.next(); batch != null; batch = reader.next()) {
        rows += batch.getRowCount();
        batch.close();
      }
    }
    return rows;
  }

  /** Every row of one split as text (what the generator prints; NULL as null). */
  private List<List<String>> read(TpcdsTableDefinition table, List<Integer> columns, int split, int splitCount) {
    List<List<String>> rows = new ArrayList<>();
    try (SplitReader reader = source.open(handle(table.name(), "tiny"), columns, project(table, columns), split,
        splitCount, allocator, 1000)) {
      for (VectorSchemaRoot next = reader.next(); next != null; next = reader.next()) {
        try (VectorSchemaRoot batch = next) {
          for (int row = 0; row < batch.getRowCount(); row++) {
            List<String> values = new ArrayList<>();
            for (FieldVector vector : batch.getFieldVectors()) {
              values.add(text(vector, row));
            }
            rows.add(values);
          }
        }
      }
    }
    return rows;
  }

  private static String text(FieldVector vector, int row) {
    if (vector.isNull(row)) {
      return null;
    }
    if (vector instanceof org.apache.arrow.vector.DateDayVector dates) {
      return java.time.LocalDate.ofEpochDay(dates.get(row)).toString();
    }
    if (vector instanceof org.apache.arrow.vector.DecimalVector decimals) {
      return decimals.getObject(row).toPlainString();
    }
    return vector.getObject(row).toString();
  }
}
