package io.quiver.engine.connector.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.exec.connector.SplitReader;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.fragment.node.TableHandle;
import io.quiver.exec.type.Column;
import io.quiver.exec.type.DataType;
import io.quiver.exec.type.RowSchema;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.util.TransferPair;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The memory connector without an engine: writes, partitioning, shared reads, leases and drops. */
class MemoryDataSourceTest {

  private static final RowSchema SCHEMA = new RowSchema(List.of(
      new Column("id", DataType.BIGINT, false), new Column("name", DataType.VARCHAR, true)));

  private RootAllocator root;
  private BufferAllocator readerAllocator;
  private MemoryConnector connector;

  @BeforeEach
  void setUp() {
    root = new RootAllocator();
    readerAllocator = root.newChildAllocator("reader", 0, Long.MAX_VALUE);
    connector = new MemoryConnector(root, 3);
  }

  @AfterEach
  void tearDown() {
    connector.close();
    readerAllocator.close();
    root.close(); // throws on a leak
  }

  /** A table t of {@code rows} rows (id = row number, name = "n" + id or NULL for multiples of 5) in batches. */
  private MemoryTable writeTable(String name, int rows, int batchRows) {
    MemoryTableWriter writer = connector.newTableWriter("default", name, SCHEMA);
    fill(writer, 0, rows, batchRows);
    return connector.addTable("default", name, writer, false).orElseThrow();
  }

  /** Rows with ids {@code from} to {@code to - 1}, as {@link #writeTable} makes them. */
  private void fill(MemoryTableWriter writer, int from, int to, int batchRows) {
    try (BufferAllocator producer = root.newChildAllocator("producer", 0, Long.MAX_VALUE)) {
      for (int start = from; start < to; start += batchRows) {
        int count = Math.min(batchRows, to - start);
        VectorSchemaRoot batch = VectorSchemaRoot.create(SCHEMA.toArrowSchema(), producer);
        BigIntVector ids = (BigIntVector) batch.getVector(0);
        VarCharVector names = (VarCharVector) batch.getVector(1);
        ids.allocateNew(count);
        names.allocateNew(count);
        for (int i = 0; i < count; i++) {
          long id = start + i;
          ids.set(i, id);
          if (id % 5 == 0) {
            names.setNull(i);
          } else {
            names.setSafe(i, ("n" + id).getBytes(StandardCharsets.UTF_8));
          }
        }
        batch.setRowCount(count);
        writer.accept(batch);
      }
    }
  }

  /** Every row of the table version the handle names, over all splits, sorted by id. */
  private List<String> readAll(MemoryTable table) {
    List<String> rows = new ArrayList<>();
    for (int split = 0; split < 3; split++) {
      try (SplitReader reader = open(table, split, 3, 7)) {
        rows.addAll(drain(reader));
      }
    }
    rows.sort(java.util.Comparator.comparingLong(row -> Long.parseLong(row.substring(0, row.indexOf(':')))));
    return rows;
  }

  @Test
  void appendedRowsAreInvisibleToScansOfAnEarlierVersion() {
    MemoryTable first = writeTable("t", 100, 30);
    MemoryTableWriter more = connector.newTableWriter("default", "t", SCHEMA);
    fill(more, 100, 130, 8);
    MemoryTable second = connector.appendRows("default", "t", first.id(), more);
    assertEquals(first.id(), second.id());
    assertEquals(100, first.rowCount());
    assertEquals(130, second.rowCount());
    assertEquals(expected(0, 100), readAll(first), "a scan planned before the INSERT");
    assertEquals(expected(0, 130), readAll(second));
    assertEquals(130, connector.table("default", "t").orElseThrow().rowCount());
    // Many single-row appends spread over the partitions.
    MemoryTable latest = second;
    for (int id = 130; id < 160; id++) {
      MemoryTableWriter one = connector.newTableWriter("default", "t", SCHEMA);
      fill(one, id, id + 1, 1);
      latest = connector.appendRows("default", "t", latest.id(), one);
    }
    assertEquals(expected(0, 160), readAll(latest));
    assertEquals(expected(0, 130), readAll(second));
    // Small batches in a row are read as one batch of at most batchSize rows.
    List<Integer> sizes = new ArrayList<>();
    for (int split = 0; split < 3; split++) {
      try (SplitReader reader = open(latest, split, 3, 1000)) {
        VectorSchemaRoot batch;
        while ((batch = reader.next()) != null) {
          sizes.add(batch.getRowCount());
          batch.close();
        }
      }
    }
    assertEquals(160, sizes.stream().mapToInt(Integer::intValue).sum());
    assertTrue(sizes.size() <= 9, "batches read: " + sizes);
    for (int partition = 0; partition < 3; partition++) {
      long rows = latest.data().partition(partition).stream().mapToLong(StoredBatch::rows).sum();
      assertTrue(rows >= 50 && rows <= 56, "partition " + partition + " has " + rows + " rows");
    }
    // The distinct counts take in the appended rows.
    assertEquals(160, latest.distinctCount(0), 160 * 0.05);
  }

  @Test
  void appendsToADroppedOrReplacedTableAreRefusedAndFreed() {
    MemoryTable first = writeTable("t", 10, 10);
    MemoryTableWriter wrongId = connector.newTableWriter("default", "t", SCHEMA);
    fill(wrongId, 10, 20, 10);
    assertEquals(ErrorCode.TABLE_NOT_FOUND, assertThrows(QuiverException.class,
        () -> connector.appendRows("default", "t", first.id() + 1000, wrongId)).errorCode());
    connector.dropTable("default", "t", false);
    MemoryTableWriter afterDrop = connector.newTableWriter("default", "t", SCHEMA);
    fill(afterDrop, 10, 20, 10);
    assertEquals(ErrorCode.TABLE_NOT_FOUND, assertThrows(QuiverException.class,
        () -> connector.appendRows("default", "t", first.id(), afterDrop)).errorCode());
    MemoryTable again = writeTable("t", 5, 5);
    MemoryTableWriter toOld = connector.newTableWriter("default", "t", SCHEMA);
    fill(toOld, 5, 6, 1);
    assertEquals(ErrorCode.TABLE_NOT_FOUND, assertThrows(QuiverException.class,
        () -> connector.appendRows("default", "t", first.id(), toOld)).errorCode());
    assertEquals(5, connector.table("default", "t").orElseThrow().rowCount());
    assertEquals(expected(0, 5), readAll(again));
  }

  private static TableHandle handle(MemoryTable table) {
    return new TableHandle(MemoryConnector.NAME, table.schemaName(), table.tableName(), table.properties());
  }

  private SplitReader open(MemoryTable table, int split, int splitCount, int batchSize) {
    return connector.dataSource().open(handle(table), List.of(0, 1), SCHEMA, split, splitCount, readerAllocator,
        batchSize);
  }

  /** Every (id, name) the reader returns, closing its batches. */
  private static List<String> drain(SplitReader reader) {
    List<String> rows = new ArrayList<>();
    VectorSchemaRoot batch;
    while ((batch = reader.next()) != null) {
      try (VectorSchemaRoot current = batch) {
        rows.addAll(render(current));
      }
    }
    return rows;
  }

  private static List<String> render(VectorSchemaRoot batch) {
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < batch.getRowCount(); i++) {
      Object name = batch.getVector(1).getObject(i);
      rows.add(batch.getVector(0).getObject(i) + ":" + (name == null ? "NULL" : name.toString()));
    }
    return rows;
  }

  private static List<String> expected(int from, int to) {
    List<String> rows = new ArrayList<>();
    for (long id = from; id < to; id++) {
      rows.add(id + ":" + (id % 5 == 0 ? "NULL" : "n" + id));
    }
    return rows;
  }

  @Test
  void rowsAreSpreadInOrderOverThePartitions() {
    MemoryTable table = writeTable("t", 1000, 64);
    assertEquals(3, table.splitCount());
    assertEquals(1000, table.rowCount());
    try (SplitReader first = open(table, 0, 3, 1000);
        SplitReader second = open(table, 1, 3, 1000);
        SplitReader third = open(table, 2, 3, 1000)) {
      assertEquals(expected(0, 334), drain(first));
      assertEquals(expected(334, 668), drain(second));
      assertEquals(expected(668, 1000), drain(third));
    }
  }

  @Test
  void fewerSplitsThanPartitionsReadEveryPartition() {
    MemoryTable table = writeTable("t", 100, 7);
    try (SplitReader even = open(table, 0, 2, 10); SplitReader odd = open(table, 1, 2, 10)) {
      List<String> all = new ArrayList<>(drain(even));
      List<String> rest = drain(odd);
      assertEquals(expected(34, 68), rest);
      all.addAll(rest);
      all.sort(null);
      List<String> want = expected(0, 100);
      want.sort(null);
      assertEquals(want, all);
    }
  }

  @Test
  void largeStoredBatchesAreCutToTheBatchSize() {
    MemoryTable table = writeTable("t", 300, 300);
    try (SplitReader reader = open(table, 0, 3, 30)) {
      List<Integer> sizes = new ArrayList<>();
      List<String> rows = new ArrayList<>();
      VectorSchemaRoot batch;
      while ((batch = reader.next()) != null) {
        try (VectorSchemaRoot current = batch) {
          sizes.add(current.getRowCount());
          rows.addAll(render(current));
        }
      }
      assertEquals(List.of(30, 30, 30, 10), sizes);
      assertEquals(expected(0, 100), rows);
    }
  }

  @Test
  void aReaderCannotChangeOrFreeTheTable() {
    MemoryTable table = writeTable("t", 90, 30);
    long tableBytes = connector.allocatedBytes();
    try (SplitReader reader = open(table, 0, 3, 100)) {
      VectorSchemaRoot batch = reader.next();
      // A consumer that moves the buffers elsewhere and frees them, as operators do.
      try (BufferAllocator elsewhere = root.newChildAllocator("elsewhere", 0, Long.MAX_VALUE)) {
        for (FieldVector vector : batch.getFieldVectors()) {
          TransferPair pair = vector.getTransferPair(elsewhere);
          pair.transfer();
          pair.getTo().close();
        }
      }
      batch.close();
      assertNull(reader.next());
    }
    assertEquals(tableBytes, connector.allocatedBytes());
    try (SplitReader again = open(table, 0, 3, 100)) {
      assertEquals(expected(0, 30), drain(again));
    }
  }

  @Test
  void aDroppedTableIsFreedWhenItsLastReaderCloses() {
    MemoryTable table = writeTable("t", 900, 300);
    SplitReader reader = open(table, 1, 3, 100);
    VectorSchemaRoot held = reader.next();
    assertTrue(connector.dropTable("default", "t", false));
    assertFalse(table.data().isFreed(), "a reader still reads it");
    QuiverException gone = assertThrows(QuiverException.class, () -> open(table, 0, 3, 100));
    assertEquals(ErrorCode.TABLE_NOT_FOUND, gone.errorCode());
    assertEquals(expected(400, 600), drain(reader));
    reader.close();
    assertTrue(table.data().isFreed());
    assertEquals(0, connector.allocatedBytes());
    // A batch handed out before the drop outlives the table: its memory moved to the reader's allocator.
    assertEquals(expected(300, 400), render(held));
    assertTrue(readerAllocator.getAllocatedMemory() > 0);
    held.close();
    assertEquals(0, readerAllocator.getAllocatedMemory());
  }

  @Test
  void aTableCreatedAgainUnderTheSameNameIsNotReadByOldScans() {
    MemoryTable old = writeTable("t", 10, 10);
    connector.dropTable("default", "t", false);
    MemoryTable fresh = writeTable("t", 20, 10);
    assertEquals(ErrorCode.TABLE_NOT_FOUND, assertThrows(QuiverException.class, () -> open(old, 0, 3, 10)).errorCode());
    try (SplitReader reader = open(fresh, 0, 3, 10)) {
      assertEquals(expected(0, 7), drain(reader));
    }
  }

  @Test
  void wrongUsageIsRefused() {
    MemoryTable table = writeTable("t", 10, 10);
    assertEquals(ErrorCode.INTERNAL_ERROR, assertThrows(QuiverException.class, () -> open(table, 3, 3, 10)).errorCode());
    assertEquals(ErrorCode.INTERNAL_ERROR, assertThrows(QuiverException.class, () -> connector.dataSource()
        .open(handle(table), List.of(1), new RowSchema(List.of(new Column("name", DataType.BIGINT, true))), 0, 3,
            readerAllocator, 10)).errorCode());
    assertEquals(ErrorCode.INTERNAL_ERROR, assertThrows(QuiverException.class, () -> connector.dataSource()
        .open(handle(table), List.of(2), new RowSchema(List.of(new Column("x", DataType.BIGINT, true))), 0, 3,
            readerAllocator, 10)).errorCode());
    assertEquals(ErrorCode.DUPLICATE_OBJECT, assertThrows(QuiverException.class,
        () -> writeTable("T", 5, 5)).errorCode());
    assertEquals(ErrorCode.DUPLICATE_SCHEMA, assertThrows(QuiverException.class,
        () -> connector.createSchema("DEFAULT", false)).errorCode());
    MemoryTableWriter aborted = connector.newTableWriter("default", "u", SCHEMA);
    aborted.abort();
    aborted.abort();
    assertThrows(IllegalStateException.class, aborted::finish);
  }

  @Test
  void textColumnsWithMuchSlackAreStoredRightSized() {
    MemoryTableWriter writer = connector.newTableWriter("default", "slack", SCHEMA);
    try (BufferAllocator producer = root.newChildAllocator("producer", 0, Long.MAX_VALUE)) {
      VectorSchemaRoot batch = VectorSchemaRoot.create(SCHEMA.toArrowSchema(), producer);
      BigIntVector ids = (BigIntVector) batch.getVector(0);
      VarCharVector names = (VarCharVector) batch.getVector(1);
      ids.allocateNew(100);
      names.allocateNew(1 << 20, 100);
      for (int i = 0; i < 100; i++) {
        ids.set(i, i);
        if (i % 5 == 0) {
          names.setNull(i);
        } else {
          names.setSafe(i, ("n" + i).getBytes(StandardCharsets.UTF_8));
        }
      }
      batch.setRowCount(100);
      assertTrue(producer.getAllocatedMemory() > 1 << 20);
      writer.accept(batch);
    }
    MemoryTable table = connector.addTable("default", "slack", writer, false).orElseThrow();
    assertTrue(connector.allocatedBytes() < 64 * 1024, "allocated " + connector.allocatedBytes());
    List<String> all = new ArrayList<>();
    for (int split = 0; split < 3; split++) {
      try (SplitReader reader = open(table, split, 3, 1000)) {
        all.addAll(drain(reader));
      }
    }
    assertEquals(expected(0, 100), all);
  }

  @Test
  void anEmptyResultMakesAnEmptyTable() {
    MemoryTableWriter writer = connector.newTableWriter("default", "empty", SCHEMA);
    MemoryTable table = connector.addTable("default", "empty", writer, false).orElseThrow();
    assertEquals(0, table.rowCount());
    assertEquals(3, table.splitCount());
    try (SplitReader reader = open(table, 2, 3, 10)) {
      assertNull(reader.next());
    }
  }
}
