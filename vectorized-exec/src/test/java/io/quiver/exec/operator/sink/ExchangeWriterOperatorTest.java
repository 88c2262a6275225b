package io.quiver.exec.operator.sink;

import static io.quiver.exec.testing.TestTables.batch;
import static io.quiver.exec.testing.TestTables.row;
import static io.quiver.exec.testing.TestTables.schema;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.exec.batch.PartitionHash;
import io.quiver.exec.fragment.stage.OutputPartitioning;
import io.quiver.exec.shuffle.MapOutputStatistics;
import io.quiver.exec.shuffle.ShuffleWriter;
import io.quiver.exec.task.TaskMetrics;
import io.quiver.exec.testing.TestTables;
import io.quiver.exec.type.DataType;
import io.quiver.exec.type.RowSchema;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ExchangeWriterOperatorTest {

  private static final RowSchema SCHEMA = schema("k", DataType.BIGINT);

  private final RootAllocator allocator = new RootAllocator();

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  /** Records what is written as rows per partition, in order; releases every batch. */
  private static final class RecordingWriter implements ShuffleWriter {
    final List<List<List<Object>>> writes = new ArrayList<>();
    final List<Integer> partitions = new ArrayList<>();
    boolean committed;
    boolean aborted;

    @Override
    public void write(int reducePartition, VectorSchemaRoot batch) {
      partitions.add(reducePartition);
      writes.add(TestTables.rows(batch));
      batch.close();
    }

    @Override
    public MapOutputStatistics commit() {
      committed = true;
      return new MapOutputStatistics(new long[] {0}, new long[] {0});
    }

    @Override
    public void abort() {
      aborted = !committed;
    }

    @Override
    public void close() {
      abort();
    }
  }

  @Test
  void singleExchangeGathersSmallBatchesAndKeepsOrder() {
    RecordingWriter writer = new RecordingWriter();
    TaskMetrics metrics = new TaskMetrics();
    try (ExchangeWriterOperator sink = new ExchangeWriterOperator(writer, new OutputPartitioning.Single(),
        SCHEMA.toArrowSchema(), 0, allocator, 16, metrics)) {
      for (long i = 0; i < 5; i++) {
        sink.addInput(batch(allocator, SCHEMA, new Object[] {i}));
      }
      List<List<Object>> big = new ArrayList<>();
      for (long i = 5; i < 25; i++) {
        big.add(row(i));
      }
      sink.addInput(batch(allocator, SCHEMA, big));
      sink.addInput(batch(allocator, SCHEMA, new Object[] {25L}));
      sink.finish();
      assertTrue(sink.isFinished());
    }
    assertTrue(writer.committed && !writer.aborted);
    assertEquals(3, writer.writes.size());
    List<List<Object>> all = new ArrayList<>();
    writer.writes.forEach(all::addAll);
    for (int i = 0; i < 26; i++) {
      assertEquals(row((long) i), all.get(i));
    }
    assertEquals(26, metrics.outputRows());
  }

  @Test
  void hashExchangeSendsEveryRowToItsPartitionInFullBatches() {
    RecordingWriter writer = new RecordingWriter();
    List<List<Object>> rows = new ArrayList<>();
    for (long i = 0; i < 1000; i++) {
      rows.add(row(i % 100));
    }
    try (ExchangeWriterOperator sink = new ExchangeWriterOperator(writer,
        new OutputPartitioning.Hash(List.of(0), 4), SCHEMA.toArrowSchema(), 0, allocator, 64, null)) {
      for (VectorSchemaRoot batch : TestTables.batches(allocator, SCHEMA, rows, 100)) {
        sink.addInput(batch);
      }
      sink.finish();
    }
    int total = 0;
    for (int w = 0; w < writer.writes.size(); w++) {
      for (List<Object> row : writer.writes.get(w)) {
        assertEquals(PartitionHash.partitionOfLong((Long) row.get(0), 4), writer.partitions.get(w));
      }
      assertTrue(writer.writes.get(w).size() <= 64);
      total += writer.writes.get(w).size();
    }
    assertEquals(1000, total);
  }

  @Test
  void closedBeforeFinishAbortsAndRejectsInput() {
    RecordingWriter writer = new RecordingWriter();
    ExchangeWriterOperator sink = new ExchangeWriterOperator(writer, new OutputPartitioning.RoundRobin(3),
        SCHEMA.toArrowSchema(), 1, allocator, 16, null);
    sink.addInput(batch(allocator, SCHEMA, new Object[] {1L}));
    sink.close();
    assertTrue(writer.aborted);
    assertThrows(IllegalStateException.class, () -> sink.addInput(batch(allocator, SCHEMA, new Object[] {2L})));
    assertThrows(IllegalStateException.class, sink::statistics);
    assertThrows(IllegalArgumentException.class, () -> new ExchangeWriterOperator(new RecordingWriter(),
        new OutputPartitioning.Result(), SCHEMA.toArrowSchema(), 0, allocator, 16, null));
  }
}
