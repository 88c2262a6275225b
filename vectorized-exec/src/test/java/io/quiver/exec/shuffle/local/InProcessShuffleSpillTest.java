package io.quiver.exec.shuffle.local;

import static io.quiver.exec.testing.TestTables.batch;
import static io.quiver.exec.testing.TestTables.row;
import static io.quiver.exec.testing.TestTables.schema;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.exec.batch.Batches;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.shuffle.MapOutputStatistics;
import io.quiver.exec.shuffle.ShuffleId;
import io.quiver.exec.shuffle.ShuffleReader;
import io.quiver.exec.shuffle.ShuffleWriter;
import io.quiver.exec.shuffle.spill.ShuffleSpillSettings;
import io.quiver.exec.testing.TestTables;
import io.quiver.exec.type.Column;
import io.quiver.exec.type.DataType;
import io.quiver.exec.type.RowSchema;
import io.quiver.exec.type.TypeKind;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The in-process shuffle when map outputs go to spill files. */
class InProcessShuffleSpillTest {

  private static final RowSchema SCHEMA = schema("k", DataType.BIGINT, "v", DataType.VARCHAR);
  private static final ShuffleId SHUFFLE = new ShuffleId("job1", 3);

  @TempDir
  Path spillParent;

  private final RootAllocator root = new RootAllocator();
  private final BufferAllocator serviceAllocator = root.newChildAllocator("shuffle", 0, Long.MAX_VALUE);
  private InProcessShuffleService service;

  /** A service that spills every map output with rows. */
  private InProcessShuffleService spillingService() {
    service = new InProcessShuffleService(serviceAllocator, new ShuffleSpillSettings(0, spillParent));
    return service;
  }

  @AfterEach
  void closeAll() throws IOException {
    if (service != null) {
      service.close();
      assertEquals(List.of(), spillFiles(), "spill files left after close");
    }
    serviceAllocator.close();
    root.close();
  }

  /** Every file under the spill parent, directories included. */
  private List<Path> spillFiles() throws IOException {
    try (Stream<Path> files = Files.walk(spillParent)) {
      return files.filter(path -> !path.equals(spillParent)).toList();
    }
  }

  private long spillFileCount() throws IOException {
    return spillFiles().stream().filter(Files::isRegularFile).count();
  }

  private List<List<Object>> readAll(ShuffleId shuffle, int reducePartition, int maps, BufferAllocator allocator) {
    List<List<Object>> rows = new ArrayList<>();
    try (ShuffleReader reader = service.read(shuffle, reducePartition, maps, allocator)) {
      for (VectorSchemaRoot batch = reader.next(); batch != null; batch = reader.next()) {
        rows.addAll(TestTables.rows(batch));
        batch.close();
      }
      assertNull(reader.next());
    }
    return rows;
  }

  /** Map task m writes row (m, tag + "m->r") to every reduce partition r. */
  private MapOutputStatistics writeMap(ShuffleId shuffle, int map, int reducePartitions, String tag) {
    try (BufferAllocator task = root.newChildAllocator("task" + map, 0, Long.MAX_VALUE);
         ShuffleWriter writer = service.openWriter(shuffle, map, reducePartitions, SCHEMA.toArrowSchema())) {
      for (int r = 0; r < reducePartitions; r++) {
        writer.write(r, batch(task, SCHEMA, new Object[] {(long) map, tag + map + "->" + r}));
      }
      writer.write(0, batch(task, SCHEMA));
      return writer.commit();
    }
  }

  @Test
  void everyColumnTypeSurvivesASpill() throws IOException {
    spillingService();
    List<Column> columns = new ArrayList<>();
    for (TypeKind kind : TypeKind.values()) {
      DataType type = switch (kind) {
        case DECIMAL -> DataType.decimal(20, 3);
        case CHAR -> DataType.character(4);
        case VARCHAR -> DataType.varchar(12);
        default -> new DataType(kind, kind == TypeKind.VARBINARY ? -1 : 0, 0);
      };
      columns.add(new Column(kind.name().toLowerCase(), type, true));
    }
    RowSchema everyType = new RowSchema(columns);
    List<VectorSchemaRoot> expected = new ArrayList<>();
    try (BufferAllocator task = root.newChildAllocator("task", 0, Long.MAX_VALUE)) {
      try (ShuffleWriter writer = service.openWriter(SHUFFLE, 0, 2, everyType.toArrowSchema())) {
        for (int b = 0; b < 3; b++) {
          VectorSchemaRoot written = filled(everyType, task, 7 + b * 50, b * 1000);
          expected.add(Batches.copyTo(written, task));
          writer.write(b % 2, written);
        }
        MapOutputStatistics statistics = writer.commit();
        assertEquals(7 + 57 + 107, statistics.totalRows());
        assertEquals(1, writer.spillFiles(), "the writer reports its spill file");
        assertTrue(writer.spillBytes() > 0);
        assertEquals(Files.size(spillFiles().stream().filter(Files::isRegularFile).findFirst().orElseThrow()),
            writer.spillBytes());
      }
      assertEquals(0, serviceAllocator.getAllocatedMemory(), "a spilled output holds no memory");
      assertEquals(1, spillFileCount());
      try (BufferAllocator reader = root.newChildAllocator("reader", 0, Long.MAX_VALUE)) {
        assertSameBatches(List.of(expected.get(0), expected.get(2)), readBatches(0, reader));
        assertSameBatches(List.of(expected.get(1)), readBatches(1, reader));
        assertEquals(0, reader.getAllocatedMemory());
      }
      expected.forEach(VectorSchemaRoot::close);
    }
  }

  private List<VectorSchemaRoot> readBatches(int reducePartition, BufferAllocator allocator) {
    List<VectorSchemaRoot> batches = new ArrayList<>();
    try (ShuffleReader reader = service.read(SHUFFLE, reducePartition, 1, allocator)) {
      for (VectorSchemaRoot batch = reader.next(); batch != null; batch = reader.next()) {
        batches.add(batch);
      }
    }
    return batches;
  }

  private static void assertSameBatches(List<VectorSchemaRoot> expected, List<VectorSchemaRoot> actual) {
    try {
      assertEquals(expected.size(), actual.size(), "batches");
      for (int b = 0; b < expected.size(); b++) {
        VectorSchemaRoot want = expected.get(b);
        VectorSchemaRoot got = actual.get(b);
        assertEquals(want.getRowCount(), got.getRowCount());
        assertEquals(want.getSchema(), got.getSchema());
        for (int c = 0; c < want.getFieldVectors().size(); c++) {
          for (int r = 0; r < want.getRowCount(); r++) {
            Object wanted = want.getVector(c).getObject(r);
            Object gotten = got.getVector(c).getObject(r);
            assertTrue(java.util.Objects.deepEquals(wanted, gotten), "column " + want.getVector(c).getName()
                + " row " + r + ": expected " + wanted + " but was " + gotten);
          }
        }
      }
    } finally {
      actual.forEach(VectorSchemaRoot::close);
    }
  }

  /** A batch of {@code rows} rows with every third value NULL and the others made from the row number. */
  private static VectorSchemaRoot filled(RowSchema schema, BufferAllocator allocator, int rows, int seed) {
    VectorSchemaRoot batch = Batches.create(schema, allocator);
    for (FieldVector vector : batch.getFieldVectors()) {
      vector.setInitialCapacity(rows);
      vector.allocateNew();
      for (int r = 0; r < rows; r++) {
        int value = seed + r;
        if (r % 3 == 1 && !(vector instanceof NullVector)) {
          vector.setNull(r);
        } else {
          set(vector, r, value);
        }
      }
      vector.setValueCount(rows);
    }
    batch.setRowCount(rows);
    return batch;
  }

  private static void set(FieldVector vector, int r, int value) {
    if (vector instanceof BitVector v) {
      v.setSafe(r, value % 2);
    } else if (vector instanceof TinyIntVector v) {
      v.setSafe(r, (byte) value);
    } else if (vector instanceof SmallIntVector v) {
      v.setSafe(r, (short) -value);
    } else if (vector instanceof IntVector v) {
      v.setSafe(r, value * 7);
    } else if (vector instanceof BigIntVector v) {
      v.setSafe(r, value * 1_000_000_007L);
    } else if (vector instanceof Float4Vector v) {
      v.setSafe(r, value / 4f);
    } else if (vector instanceof Float8Vector v) {
      v.setSafe(r, value / 3.0);
    } else if (vector instanceof DecimalVector v) {
      v.setSafe(r, BigDecimal.valueOf(value * 123_456_789L, 3));
    } else if (vector instanceof VarCharVector v) {
      v.setSafe(r, ("é" + value + "x".repeat(value % 5)).getBytes(StandardCharsets.UTF_8));
    } else if (vector instanceof VarBinaryVector v) {
      v.setSafe(r, new byte[] {(byte) value, 0, (byte) (value >> 8)});
    } else if (vector instanceof DateDayVector v) {
      v.setSafe(r, value);
    } else if (vector instanceof TimeMicroVector v) {
      v.setSafe(r, value * 1_000_001L);
    } else if (vector instanceof TimeStampMicroVector v) {
      v.setSafe(r, value * 86_400_000_001L);
    } else if (!(vector instanceof NullVector)) {
      throw new IllegalArgumentException("no test values for " + vector.getField());
    }
  }

  @Test
  void spilledOutputIsBroadcastToManyReaders() throws Exception {
    spillingService();
    for (int map = 0; map < 3; map++) {
      writeMap(SHUFFLE, map, 2, "");
    }
    assertEquals(3, spillFileCount());
    List<List<Object>> expected = List.of(row(0L, "0->1"), row(1L, "1->1"), row(2L, "2->1"));
    List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
    List<Thread> readers = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      readers.add(new Thread(() -> {
        try (BufferAllocator reader = root.newChildAllocator("reader", 0, Long.MAX_VALUE)) {
          for (int round = 0; round < 5; round++) {
            assertEquals(expected, readAll(SHUFFLE, 1, 3, reader));
          }
        } catch (Throwable t) {
          failures.add(t);
        }
      }));
    }
    readers.forEach(Thread::start);
    for (Thread reader : readers) {
      reader.join();
    }
    assertEquals(List.of(), failures);
    assertEquals(3, spillFileCount(), "reading keeps the files for later readers");
  }

  @Test
  void aRetryReplacesSpilledOutputAndDeletesItsFile() throws IOException {
    spillingService();
    writeMap(SHUFFLE, 0, 1, "first");
    List<Path> firstFiles = spillFiles().stream().filter(Files::isRegularFile).toList();
    assertEquals(1, firstFiles.size());
    try (BufferAllocator task = root.newChildAllocator("retry", 0, Long.MAX_VALUE)) {
      ShuffleWriter retry = service.openWriter(SHUFFLE, 0, 1, SCHEMA.toArrowSchema());
      retry.write(0, batch(task, SCHEMA, new Object[] {9L, "second"}));
      assertEquals(List.of(row(0L, "first0->0")), readAll(SHUFFLE, 0, 1, task));
      retry.commit();
      retry.close();
      assertEquals(List.of(row(9L, "second")), readAll(SHUFFLE, 0, 1, task));
    }
    assertFalse(Files.exists(firstFiles.get(0)), "the replaced attempt's file is deleted");
    assertEquals(1, spillFileCount());
  }

  @Test
  void aWriterMovesWhatItHeldToTheFileWhenTheBudgetRunsOut() {
    // The first batch fits in the budget, the second does not: both end up in one file, in order.
    service = new InProcessShuffleService(serviceAllocator, new ShuffleSpillSettings(100_000, spillParent));
    try (BufferAllocator task = root.newChildAllocator("task", 0, Long.MAX_VALUE)) {
      try (ShuffleWriter writer = service.openWriter(SHUFFLE, 0, 2, SCHEMA.toArrowSchema())) {
        writer.write(1, batch(task, SCHEMA, new Object[] {1L, "small"}));
        assertTrue(serviceAllocator.getAllocatedMemory() > 0, "the first batch is held in memory");
        List<List<Object>> many = new ArrayList<>();
        for (long i = 0; i < 5_000; i++) {
          many.add(row(i, "row " + i));
        }
        writer.write(1, batch(task, SCHEMA, many));
        assertEquals(0, serviceAllocator.getAllocatedMemory(), "held batches went to the file");
        writer.write(0, batch(task, SCHEMA, new Object[] {2L, "after"}));
        writer.commit();
        assertEquals(1, writer.spillFiles());
      }
      List<List<Object>> partition1 = readAll(SHUFFLE, 1, 1, task);
      assertEquals(5_001, partition1.size());
      assertEquals(row(1L, "small"), partition1.get(0));
      assertEquals(row(4_999L, "row 4999"), partition1.get(5_000));
      assertEquals(List.of(row(2L, "after")), readAll(SHUFFLE, 0, 1, task));
    }
  }

  @Test
  void smallOutputsStayInMemoryUnderTheBudget() throws IOException {
    service = new InProcessShuffleService(serviceAllocator, new ShuffleSpillSettings(1 << 20, spillParent));
    writeMap(SHUFFLE, 0, 2, "");
    assertNull(service.spillDirectory(), "no directory until something spills");
    assertEquals(List.of(), spillFiles());
  }

  @Test
  void disabledSpillNeverSpills() {
    try (BufferAllocator tiny = root.newChildAllocator("tiny", 0, 64 * 1024)) {
      InProcessShuffleService noSpill = new InProcessShuffleService(tiny, ShuffleSpillSettings.disabled());
      try (BufferAllocator task = root.newChildAllocator("task", 0, Long.MAX_VALUE);
           ShuffleWriter writer = noSpill.openWriter(SHUFFLE, 0, 1, SCHEMA.toArrowSchema())) {
        writer.write(0, batch(task, SCHEMA, new Object[] {1L, "x"}));
        writer.commit();
        assertEquals(0, writer.spillFiles());
        assertEquals(0, writer.spillBytes());
      } finally {
        noSpill.close();
      }
      assertNull(noSpill.spillDirectory());
    }
  }

  @Test
  void removingTheJobDeletesItsFilesOnly() throws IOException {
    spillingService();
    writeMap(SHUFFLE, 0, 2, "");
    writeMap(new ShuffleId("job2", 1), 0, 1, "");
    assertEquals(2, spillFileCount());
    service.removeJob("job1");
    service.removeJob("job1");
    assertEquals(1, spillFileCount());
    try (BufferAllocator reader = root.newChildAllocator("reader", 0, Long.MAX_VALUE)) {
      assertEquals(List.of(row(0L, "0->0")), readAll(new ShuffleId("job2", 1), 0, 1, reader));
    }
    service.removeJob("job2");
    assertEquals(0, spillFileCount());
  }

  @Test
  void anOpenReaderKeepsARemovedSpillFileUntilItCloses() throws IOException {
    spillingService();
    writeMap(SHUFFLE, 0, 1, "old");
    try (BufferAllocator task = root.newChildAllocator("reader", 0, Long.MAX_VALUE)) {
      ShuffleReader reader = service.read(SHUFFLE, 0, 1, task);
      service.removeJob("job1");
      assertEquals(1, spillFileCount());
      try (VectorSchemaRoot batch = reader.next()) {
        assertEquals(List.of(row(0L, "old0->0")), TestTables.rows(batch));
      }
      assertNull(reader.next());
      reader.close();
      assertEquals(0, spillFileCount());
    }
  }

  @Test
  void abortingOrClosingDeletesPartialFiles() throws IOException {
    spillingService();
    try (BufferAllocator task = root.newChildAllocator("task", 0, Long.MAX_VALUE)) {
      ShuffleWriter aborted = service.openWriter(SHUFFLE, 0, 1, SCHEMA.toArrowSchema());
      aborted.write(0, batch(task, SCHEMA, new Object[] {1L, "x"}));
      assertEquals(1, spillFileCount());
      aborted.abort();
      assertEquals(0, spillFileCount());
      assertThrows(IllegalStateException.class, () -> aborted.write(0, batch(task, SCHEMA, new Object[] {1L, "y"})));
      ShuffleWriter unclosed = service.openWriter(SHUFFLE, 1, 1, SCHEMA.toArrowSchema());
      unclosed.write(0, batch(task, SCHEMA, new Object[] {2L, "z"}));
      writeMap(SHUFFLE, 2, 1, "");
      assertEquals(2, spillFileCount());
      Path directory = service.spillDirectory();
      service.close();
      service.close();
      assertFalse(Files.exists(directory), "closing the service deletes its directory");
      assertThrows(QuiverException.class, () -> service.openWriter(SHUFFLE, 3, 1, SCHEMA.toArrowSchema()));
      unclosed.close();
    }
  }

  @Test
  void wrongUsageIsRejectedWithoutLeaks() {
    spillingService();
    RowSchema other = schema("k", DataType.INTEGER, "v", DataType.VARCHAR);
    try (BufferAllocator task = root.newChildAllocator("task", 0, Long.MAX_VALUE)) {
      try (ShuffleWriter writer = service.openWriter(SHUFFLE, 0, 2, SCHEMA.toArrowSchema())) {
        writer.write(0, batch(task, SCHEMA, new Object[] {1L, "x"}));
        assertThrows(IllegalArgumentException.class, () -> writer.write(0, batch(task, other, new Object[] {1, "x"})));
        assertThrows(IllegalArgumentException.class, () -> writer.write(2, batch(task, SCHEMA, new Object[] {1L, "x"})));
        writer.commit();
        assertThrows(IllegalStateException.class, () -> writer.write(0, batch(task, SCHEMA, new Object[] {1L, "x"})));
        assertThrows(IllegalStateException.class, writer::commit);
      }
      assertThrows(QuiverException.class, () -> service.read(SHUFFLE, 2, 1, task));
      ShuffleReader reader = service.read(SHUFFLE, 0, 1, task);
      reader.close();
      reader.close();
      assertThrows(IllegalStateException.class, reader::next);
      assertEquals(0, task.getAllocatedMemory());
    }
    assertThrows(IllegalArgumentException.class, () -> new ShuffleSpillSettings(-1, null));
  }

  @Test
  void aSpillDirectoryThatCannotBeMadeIsAnIoError() throws IOException {
    Path notADirectory = Files.writeString(spillParent.resolve("plain-file"), "x");
    service = new InProcessShuffleService(serviceAllocator, new ShuffleSpillSettings(0, notADirectory.resolve("sub")));
    try (BufferAllocator task = root.newChildAllocator("task", 0, Long.MAX_VALUE);
         ShuffleWriter writer = service.openWriter(SHUFFLE, 0, 1, SCHEMA.toArrowSchema())) {
      QuiverException error = assertThrows(QuiverException.class,
          () -> writer.write(0, batch(task, SCHEMA, new Object[] {1L, "x"})));
      assertEquals(ErrorCode.IO_ERROR, error.errorCode());
      assertTrue(error.getMessage().contains("spill directory"), error.getMessage());
    }
    Files.delete(notADirectory);
  }

  @Test
  void spilledBatchesAreReadIntoAnotherRootAllocator() {
    spillingService();
    writeMap(SHUFFLE, 0, 1, "");
    try (BufferAllocator other = new RootAllocator()) {
      assertEquals(List.of(row(0L, "0->0")), readAll(SHUFFLE, 0, 1, other));
    }
  }

  @Test
  void aBatchWithoutColumnsKeepsItsRowCount() {
    spillingService();
    RowSchema noColumns = new RowSchema(List.of());
    try (BufferAllocator task = root.newChildAllocator("task", 0, Long.MAX_VALUE)) {
      try (ShuffleWriter writer = service.openWriter(SHUFFLE, 0, 1, noColumns.toArrowSchema())) {
        VectorSchemaRoot rows = Batches.create(noColumns, task);
        rows.setRowCount(42);
        writer.write(0, rows);
        assertEquals(42, writer.commit().totalRows());
      }
      try (ShuffleReader reader = service.read(SHUFFLE, 0, 1, task)) {
        try (VectorSchemaRoot batch = reader.next()) {
          assertEquals(42, batch.getRowCount());
        }
        assertNull(reader.next());
      }
    }
  }
}
