package io.quiver.exec.operator.limit;

import static io.quiver.exec.testing.TestTables.row;
import static io.quiver.exec.testing.TestTables.schema;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.exec.operator.Driver;
import io.quiver.exec.operator.Operator;
import io.quiver.exec.task.CancellationToken;
import io.quiver.exec.testing.CollectingSink;
import io.quiver.exec.testing.ListSourceOperator;
import io.quiver.exec.testing.Pipelines;
import io.quiver.exec.testing.TestTables;
import io.quiver.exec.type.DataType;
import io.quiver.exec.type.RowSchema;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LimitOperatorTest {

  private static final RowSchema SCHEMA = schema("k", DataType.BIGINT);

  private final RootAllocator allocator = new RootAllocator();

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  private List<VectorSchemaRoot> numbers(int count, int batchSize) {
    List<List<Object>> rows = new ArrayList<>();
    for (long i = 0; i < count; i++) {
      rows.add(row(i));
    }
    return TestTables.batches(allocator, SCHEMA, rows, batchSize);
  }

  @Test
  void skipsOffsetAndPassesFetchAcrossBatches() {
    List<List<Object>> rows = Pipelines.run(numbers(20, 3), new LimitOperator(4, 5, allocator));
    assertEquals(List.of(row(4L), row(5L), row(6L), row(7L), row(8L)), rows);
  }

  @Test
  void negativeFetchPassesEverythingAfterOffset() {
    assertEquals(2, Pipelines.run(numbers(10, 4), new LimitOperator(8, -1, allocator)).size());
    assertEquals(0, Pipelines.run(numbers(10, 4), new LimitOperator(80, -1, allocator)).size());
    assertEquals(0, Pipelines.run(List.of(), new LimitOperator(0, 3, allocator)).size());
  }

  @Test
  void stopsPullingWhenSatisfied() {
    ListSourceOperator source = new ListSourceOperator(numbers(1000, 10));
    CollectingSink sink = new CollectingSink();
    List<Operator> chain = List.of(source, new LimitOperator(0, 15, allocator), sink);
    try (Driver driver = new Driver(chain, new CancellationToken())) {
      driver.run();
    }
    assertEquals(15, TestTables.drain(sink.batches()).size());
    assertEquals(2, source.produced());
    assertTrue(source.isClosed());
  }

  @Test
  void fetchZeroIsFinishedAtOnce() {
    try (LimitOperator limit = new LimitOperator(0, 0, allocator)) {
      assertTrue(limit.isFinished());
      assertThrows(IllegalStateException.class,
          () -> limit.addInput(TestTables.batch(allocator, SCHEMA, new Object[] {1L})));
    }
    assertThrows(IllegalArgumentException.class, () -> new LimitOperator(-1, 1, allocator));
  }
}
