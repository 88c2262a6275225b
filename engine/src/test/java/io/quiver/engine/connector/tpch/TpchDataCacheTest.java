package io.quiver.engine.connector.tpch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.exec.connector.SplitReader;
import io.quiver.exec.type.RowSchema;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TpchDataCacheTest {

  private static final double TINY = 0.01;

  private final BufferAllocator allocator = new RootAllocator();

  @AfterEach
  void close() {
    allocator.close();
  }

  @Test
  void aSecondScanComesFromTheCacheWithTheSameRows() {
    TpchDataSource source = new TpchDataSource(new TpchDataCache(1L << 30));
    List<Integer> columns = List.of(0, 4, 5, 8, 10, 15);
    List<List<String>> first = read(source, "lineitem", columns, 1, 3, 1000);
    assertEquals(0, source.cache().hits());
    assertTrue(source.cache().usedBytes() > 0);
    List<List<String>> second = read(source, "lineitem", columns, 1, 3, 1000);
    assertEquals(1, source.cache().hits());
    assertEquals(first, second);
    // Fewer columns, in another order, in smaller batches: still from the cache, still the same values.
    List<List<String>> subset = read(source, "lineitem", List.of(15, 0), 1, 3, 333);
    assertEquals(2, source.cache().hits());
    assertEquals(first.size(), subset.size());
    for (int row = 0; row < first.size(); row++) {
      assertEquals(List.of(first.get(row).get(5), first.get(row).get(0)), subset.get(row));
    }
    // A column that was never read is generated, and added to the cache.
    read(source, "lineitem", List.of(0, 13), 1, 3, 1000);
    assertEquals(2, source.cache().hits());
    read(source, "lineitem", List.of(13), 1, 3, 1000);
    assertEquals(3, source.cache().hits());
  }

  @Test
  void everyTableReadsTheSameFromTheCache() {
    TpchDataSource source = new TpchDataSource(new TpchDataCache(1L << 30));
    for (TpchTableDefinition<?> table : TpchTables.ALL) {
      List<Integer> columns = TpchTestReads.allColumns(table);
      List<List<String>> generated = read(source, table.name(), columns, 0, 2, 700);
      long hits = source.cache().hits();
      assertEquals(generated, read(source, table.name(), columns, 0, 2, 700), table.name());
      assertEquals(hits + 1, source.cache().hits(), table.name());
    }
  }

  @Test
  void anUnfinishedScanIsNotCached() {
    TpchDataSource source = new TpchDataSource(new TpchDataCache(1L << 30));
    List<Integer> columns = List.of(0);
    try (SplitReader reader = open(source, "orders", columns, 0, 1, 100)) {
      reader.next().close();
    }
    assertEquals(0, source.cache().usedBytes());
    read(source, "orders", columns, 0, 1, 100);
    assertEquals(0, source.cache().hits());
  }

  @Test
  void theCacheStaysWithinItsBudget() {
    TpchDataSource source = new TpchDataSource(new TpchDataCache(50_000));
    read(source, "orders", List.of(0, 8), 0, 1, 1000); // about 1.3 MB: does not fit
    assertEquals(0, source.cache().usedBytes());
    read(source, "nation", List.of(0, 1), 0, 1, 1000); // fits
    long used = source.cache().usedBytes();
    assertTrue(used > 0 && used <= 50_000, "used " + used);
    read(source, "orders", List.of(0, 8), 0, 1, 1000);
    assertEquals(0, source.cache().hits());
    read(source, "nation", List.of(1), 0, 1, 1000);
    assertEquals(1, source.cache().hits());
  }

  @Test
  void closingTheConnectorDropsTheCache() {
    TpchDataCache cache = new TpchDataCache(1L << 30);
    TpchDataSource source = new TpchDataSource(cache);
    read(source, "region", List.of(0, 1, 2), 0, 1, 10);
    assertTrue(cache.usedBytes() > 0);
    cache.clear();
    assertEquals(0, cache.usedBytes());
    read(source, "region", List.of(0, 1, 2), 0, 1, 10);
    assertEquals(0, cache.hits());
    new TpchConnector(new TpchSplitPolicy(1), cache).close();
    assertEquals(0, cache.usedBytes());
  }

  @Test
  void aDisabledCacheKeepsNothing() {
    TpchDataSource source = new TpchDataSource();
    read(source, "region", List.of(0, 1, 2), 0, 1, 10);
    read(source, "region", List.of(0, 1, 2), 0, 1, 10);
    assertEquals(0, source.cache().hits());
    assertEquals(0, source.cache().usedBytes());
    assertThrows(IllegalArgumentException.class, () -> new TpchDataCache(-1));
  }

  @Test
  void countOnlyScansUseTheCacheToo() {
    TpchDataSource source = new TpchDataSource(new TpchDataCache(1L << 30));
    assertEquals(1_500, read(source, "customer", List.of(), 0, 1, 512).size());
    assertEquals(1_500, read(source, "customer", List.of(), 0, 1, 512).size());
    assertEquals(1, source.cache().hits());
  }

  private SplitReader open(TpchDataSource source, String table, List<Integer> columns, int split, int splitCount,
      int batchSize) {
    TpchTableDefinition<?> definition = TpchTables.byName(table);
    RowSchema schema = TpchTestReads.schemaOf(definition, columns);
    return source.open(TpchTestReads.handle("tiny", table, TINY), columns, schema, split, splitCount, allocator,
        batchSize);
  }

  private List<List<String>> read(TpchDataSource source, String table, List<Integer> columns, int split,
      int splitCount, int batchSize) {
    TpchTableDefinition<?> definition = TpchTables.byName(table);
    RowSchema schema = TpchTestReads.schemaOf(definition, columns);
    List<List<String>> rows = new ArrayList<>();
    try (SplitReader reader = open(source, table, columns, split, splitCount, batchSize)) {
      VectorSchemaRoot batch;
      while ((batch = reader.next()) != null) {
        try (VectorSchemaRoot owned = batch) {
          assertTrue(owned.getRowCount() <= batchSize && owned.getRowCount() > 0);
          for (int row = 0; row < owned.getRowCount(); row++) {
            List<String> values = new ArrayList<>();
            for (int column = 0; column < schema.size(); column++) {
              values.add(TpchTestReads.render(owned.getVector(column), row, schema.column(column).type()));
            }
            rows.add(values);
          }
        }
      }
    }
    return rows;
  }
}
