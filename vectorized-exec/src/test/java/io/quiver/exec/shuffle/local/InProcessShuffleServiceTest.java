package io.quiver.exec.shuffle.local;

import static io.quiver.exec.testing.TestTables.batch;
import static io.quiver.exec.testing.TestTables.row;
import static io.quiver.exec.testing.TestTables.schema;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quiver.exec.error.QuiverException;
import io.quiver.exec.shuffle.MapOutputStatistics;
import io.quiver.exec.shuffle.ShuffleId;
import io.quiver.exec.shuffle.ShuffleReader;
import io.quiver.exec.shuffle.ShuffleWriter;
import io.quiver.exec.testing.TestTables;
import io.quiver.exec.type.DataType;
import io.quiver.exec.type.RowSchema;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InProcessShuffleServiceTest {

  private static final RowSchema SCHEMA = schema("k", DataType.BIGINT, "v", DataType.VARCHAR);
  private static final ShuffleId SHUFFLE = new ShuffleId("job1", 3);

  private final RootAllocator root = new RootAllocator();
  private final BufferAllocator serviceAllocator = root.newChildAllocator("shuffle", 0, Long.MAX_VALUE);
  private final InProcessShuffleService service = new InProcessShuffleService(serviceAllocator);

  @AfterEach
  void closeAll() {
    service.close();
    serviceAllocator.close();
    root.close();
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

  /** Map task m writes row (m, "m->r") to every reduce partition r, from a task allocator it then closes. */
  private MapOutputStatistics writeMap(ShuffleId shuffle, int map, int reducePartitions, String tag) {
    try (BufferAllocator task = root.newChildAllocator("task" + map, 0, Long.MAX_VALUE)) {
      try (ShuffleWriter writer = service.openWriter(shuffle, map, reducePartitions, SCHEMA.toArrowSchema())) {
        for (int r = 0; r < reducePartitions; r++) {
          writer.write(r, batch(task, SCHEMA, new Object[] {(long) map, tag + map + "->" + r}));
        }
        writer.write(0, batch(task, SCHEMA));
        return writer.commit();
      }
    }
  }

  @Test
  void roundTripFromSeveralMapTasks() {
    for (int map = 0; map < 3; map++) {
      MapOutputStatistics statistics = writeMap(SHUFFLE, map, 2, "");
      assertEquals(2, statistics.totalRows());
      assertEquals(1, statistics.rowsPerPartition()[1]);
    }
    try (BufferAllocator reader = root.newChildAllocator("reader", 0, Long.MAX_VALUE)) {
      assertEquals(List.of(row(0L, "0->1"), row(1L, "1->1"), row(2L, "2->1")), readAll(SHUFFLE, 1, 3, reader));
      // outputs stay readable: a broadcast is read by every consumer
      assertEquals(List.of(row(0L, "0->0"), row(1L, "1->0"), row(2L, "2->0")), readAll(SHUFFLE, 0, 3, reader));
    }
  }

  @Test
  void readerInAnotherRootAllocatorGetsCopies() {
    writeMap(SHUFFLE, 0, 1, "");
    try (BufferAllocator other = new RootAllocator()) {
      assertEquals(List.of(row(0L, "0->0")), readAll(SHUFFLE, 0, 1, other));
    }
  }

  @Test
  void reattemptReplacesEarlierOutputOnCommit() {
    writeMap(SHUFFLE, 0, 1, "first");
    try (BufferAllocator task = root.newChildAllocator("retry", 0, Long.MAX_VALUE)) {
      ShuffleWriter retry = service.openWriter(SHUFFLE, 0, 1, SCHEMA.toArrowSchema());
      retry.write(0, batch(task, SCHEMA, new Object[] {9L, "second"}));
      // not yet committed: readers still see the first attempt
      assertEquals(List.of(row(0L, "first0->0")), readAll(SHUFFLE, 0, 1, task));
      retry.commit();
      retry.close();
      assertEquals(List.of(row(9L, "second")), readAll(SHUFFLE, 0, 1, task));
    }
  }

  @Test
  void abortedOutputIsNeverVisibleAndReleased() {
    try (BufferAllocator task = root.newChildAllocator("task", 0, Long.MAX_VALUE)) {
      ShuffleWriter writer = service.openWriter(SHUFFLE, 0, 1, SCHEMA.toArrowSchema());
      writer.write(0, batch(task, SCHEMA, new Object[] {1L, "x"}));
      writer.abort();
      writer.abort();
      assertEquals(0, serviceAllocator.getAllocatedMemory());
      assertThrows(IllegalStateException.class, () -> writer.write(0, batch(task, SCHEMA)));
      assertThrows(IllegalStateException.class, writer::commit);
      QuiverException missing = assertThrows(QuiverException.class, () -> service.read(SHUFFLE, 0, 1, task));
      assertEquals(io.quiver.exec.error.ErrorCode.INTERNAL_ERROR, missing.errorCode());
    }
  }

  @Test
  void wrongUsageIsRejected() {
    try (BufferAllocator task = root.newChildAllocator("task", 0, Long.MAX_VALUE)) {
      try (ShuffleWriter writer = service.openWriter(SHUFFLE, 0, 2, SCHEMA.toArrowSchema())) {
        assertThrows(IllegalArgumentException.class, () -> writer.write(2, batch(task, SCHEMA)));
        writer.commit();
        assertThrows(IllegalStateException.class, writer::commit);
        writer.abort();
      }
      assertThrows(QuiverException.class, () -> service.read(SHUFFLE, 5, 1, task));
      assertThrows(QuiverException.class, () -> service.read(SHUFFLE, 0, 2, task));
      assertThrows(IllegalArgumentException.class,
          () -> service.openWriter(SHUFFLE, 0, 0, SCHEMA.toArrowSchema()));
    }
  }

  @Test
  void removeJobFreesItsOutputsOnly() {
    writeMap(SHUFFLE, 0, 2, "");
    writeMap(new ShuffleId("job2", 1), 0, 1, "");
    long both = serviceAllocator.getAllocatedMemory();
    service.removeJob("job1");
    service.removeJob("job1");
    long remaining = serviceAllocator.getAllocatedMemory();
    assertEquals(true, remaining > 0 && remaining < both);
    assertThrows(QuiverException.class, () -> service.read(SHUFFLE, 0, 1, root));
    service.removeJob("job2");
    assertEquals(0, serviceAllocator.getAllocatedMemory());
  }

  @Test
  void anOpenReaderKeepsReplacedOutputAlive() {
    writeMap(SHUFFLE, 0, 1, "old");
    try (BufferAllocator task = root.newChildAllocator("reader", 0, Long.MAX_VALUE)) {
      ShuffleReader reader = service.read(SHUFFLE, 0, 1, task);
      service.removeJob("job1");
      try (VectorSchemaRoot batch = reader.next()) {
        assertEquals(List.of(row(0L, "old0->0")), TestTables.rows(batch));
      }
      assertNull(reader.next());
      reader.close();
      assertEquals(0, serviceAllocator.getAllocatedMemory());
    }
  }

  @Test
  void concurrentWritersAndReaders() throws Exception {
    int maps = 8;
    List<Thread> threads = new ArrayList<>();
    List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    for (int map = 0; map < maps; map++) {
      int m = map;
      threads.add(new Thread(() -> {
        try {
          writeMap(SHUFFLE, m, 4, "");
        } catch (Throwable t) {
          failures.add(t);
        }
      }));
    }
    threads.forEach(Thread::start);
    for (Thread thread : threads) {
      thread.join();
    }
    assertEquals(List.of(), failures);
    try (BufferAllocator reader = root.newChildAllocator("reader", 0, Long.MAX_VALUE)) {
      for (int r = 0; r < 4; r++) {
        assertEquals(maps, readAll(SHUFFLE, r, maps, reader).size());
      }
    }
  }
}
