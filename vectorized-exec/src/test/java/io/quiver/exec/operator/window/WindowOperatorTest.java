package io.quiver.exec.operator.window;

import static io.quiver.exec.testing.TestTables.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.fragment.expression.Literal;
import io.quiver.exec.fragment.node.AggregateFunction;
import io.quiver.exec.fragment.node.ExchangeSourceNode;
import io.quiver.exec.fragment.node.SortKey;
import io.quiver.exec.fragment.node.WindowCall;
import io.quiver.exec.fragment.node.WindowFrame;
import io.quiver.exec.fragment.node.WindowFrame.Bound;
import io.quiver.exec.fragment.node.WindowFrame.BoundKind;
import io.quiver.exec.fragment.node.WindowFunction;
import io.quiver.exec.fragment.node.WindowNode;
import io.quiver.exec.operator.sort.SortOperator;
import io.quiver.exec.testing.Pipelines;
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

/** The window operator's contract: batches in and out, bounded holding, memory errors that name the window. */
class WindowOperatorTest {

  private static final RowSchema INPUT = TestTables.schema("p", DataType.BIGINT, "o", DataType.BIGINT,
      "v", DataType.BIGINT);
  private static final WindowFrame MOVING = new WindowFrame(WindowFrame.Unit.ROWS,
      new Bound(BoundKind.PRECEDING, Literal.ofLong(1, DataType.BIGINT)), Bound.of(BoundKind.CURRENT_ROW));

  private final RootAllocator allocator = new RootAllocator();

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  private static WindowNode node(List<Integer> partitionKeys) {
    List<WindowCall> calls = List.of(
        WindowCall.of(WindowFunction.ROW_NUMBER, List.of(), null, DataType.BIGINT, "rn"),
        WindowCall.aggregate(AggregateFunction.SUM, List.of(2), MOVING, DataType.BIGINT, DataType.BIGINT, "moving"),
        WindowCall.aggregate(AggregateFunction.COUNT, List.of(), WindowFrame.WHOLE_PARTITION, DataType.BIGINT,
            DataType.BIGINT, "size"));
    return WindowProperties.window(new ExchangeSourceNode(0, 1, false, INPUT), partitionKeys,
        List.of(new SortKey(1, true, false)), calls);
  }

  /** Sorted rows: partition p holds p + 1 rows, o counts within it, v = 10 * o. */
  private static List<List<Object>> rows(int partitions) {
    List<List<Object>> rows = new ArrayList<>();
    for (long p = 0; p < partitions; p++) {
      for (long o = 1; o <= p + 1; o++) {
        rows.add(row(p, o, 10 * o));
      }
    }
    return rows;
  }

  @Test
  void computesPartitionsThatSpanBatchesAndEmitsEveryBatchInOrder() {
    List<VectorSchemaRoot> input = TestTables.batches(allocator, INPUT, rows(6), 4);
    List<List<Object>> output = Pipelines.run(input, new WindowOperator(node(List.of(0)), allocator, 4));
    assertEquals(21, output.size());
    int index = 0;
    for (long p = 0; p < 6; p++) {
      for (long o = 1; o <= p + 1; o++) {
        long moving = 10 * o + (o > 1 ? 10 * (o - 1) : 0);
        assertEquals(row(p, o, 10 * o, o, moving, p + 1), output.get(index++));
      }
    }
  }

  @Test
  void holdsItsInputUntilThePartitionIsComplete() {
    WindowOperator window = new WindowOperator(node(List.of(0)), allocator, 2);
    try (window) {
      List<List<Object>> rows = List.of(row(1L, 1L, 1L), row(1L, 2L, 2L));
      window.addInput(TestTables.batch(allocator, INPUT, rows));
      assertNull(window.getOutput(), "partition 1 may continue in the next batch");
      assertTrue(window.needsInput());
      window.addInput(TestTables.batch(allocator, INPUT, List.of(row(1L, 3L, 3L), row(2L, 1L, 4L))));
      assertFalse(window.needsInput(), "partition 1 is complete: its rows come out first");
      VectorSchemaRoot first = window.getOutput();
      assertNotNull(first);
      try (first) {
        assertEquals(List.of(row(1L, 1L, 1L, 1L, 1L, 3L), row(1L, 2L, 2L, 2L, 3L, 3L)), TestTables.rows(first));
      }
      assertNull(window.getOutput(), "the second batch ends in the open partition 2");
      assertTrue(window.needsInput());
      window.finish();
      VectorSchemaRoot second = window.getOutput();
      try (second) {
        assertEquals(List.of(row(1L, 3L, 3L, 3L, 5L, 3L), row(2L, 1L, 4L, 1L, 4L, 1L)), TestTables.rows(second));
      }
      assertTrue(window.isFinished());
    }
  }

  @Test
  void emptyInputGivesNothing() {
    WindowOperator window = new WindowOperator(node(List.of()), allocator, 16);
    window.addInput(TestTables.batch(allocator, INPUT, List.of()));
    window.finish();
    assertNull(window.getOutput());
    assertTrue(window.isFinished());
    window.close();
  }

  @Test
  void closeBeforeTheEndReleasesHeldBatches() {
    WindowOperator window = new WindowOperator(node(List.of()), allocator, 16);
    window.addInput(TestTables.batch(allocator, INPUT, rows(3)));
    window.addInput(TestTables.batch(allocator, INPUT, rows(2)));
    window.close();
    window.close();
    assertEquals(0, allocator.getAllocatedMemory());
    assertThrows(IllegalStateException.class,
        () -> window.addInput(TestTables.batch(allocator, INPUT, rows(1))));
  }

  @Test
  void aPartitionBeyondTheMemoryLimitFailsNamingTheWindow() {
    // the input batches live outside the limit; the window's own buffers (results, flags) do not
    try (BufferAllocator limited = allocator.newChildAllocator("task", 0, 3 << 20)) {
      WindowOperator window = new WindowOperator(node(List.of()), limited, 4096);
      QuiverException error;
      try (window) {
        error = assertThrows(QuiverException.class, () -> {
          for (long batch = 0; batch < 10_000; batch++) {
            List<List<Object>> rows = new ArrayList<>();
            for (long i = 0; i < 4096; i++) {
              rows.add(row(0L, batch * 4096 + i, i));
            }
            window.addInput(TestTables.batch(allocator, INPUT, rows));
          }
        });
      }
      assertEquals(ErrorCode.MEMORY_LIMIT_EXCEEDED, error.errorCode());
      assertEquals("53200", error.sqlState());
      assertTrue(error.getMessage().contains("row_number()") && error.getMessage().contains("OVER (ORDER BY $1"),
          error.getMessage());
      assertEquals(0, limited.getAllocatedMemory());
    }
  }

  @Test
  void workingMemoryOfAChunkIsChargedToTheAllocator() {
    // the held rows fit; the chunk's working arrays (frames, sums) do not
    try (BufferAllocator limited = allocator.newChildAllocator("task", 0, 2 << 20)) {
      List<List<Object>> rows = new ArrayList<>();
      for (long i = 0; i < 30_000; i++) {
        rows.add(row(0L, i, i));
      }
      List<VectorSchemaRoot> input = TestTables.batches(allocator, INPUT, rows, 8192);
      WindowOperator window = new WindowOperator(node(List.of()), limited, 8192);
      QuiverException error;
      try (window) {
        error = assertThrows(QuiverException.class, () -> {
          for (VectorSchemaRoot batch : input) {
            try (batch) {
              window.addInput(io.quiver.exec.batch.Batches.copyTo(batch, limited));
            }
          }
          window.finish();
          window.getOutput();
        });
      } finally {
        input.forEach(VectorSchemaRoot::close);
      }
      assertEquals(ErrorCode.MEMORY_LIMIT_EXCEEDED, error.errorCode());
      assertTrue(error.getMessage().contains("the window"), error.getMessage());
      assertEquals(0, limited.getAllocatedMemory());
    }
  }

  @Test
  void theSortOfAWindowNamesItWhenMemoryRunsOut() {
    try (BufferAllocator limited = allocator.newChildAllocator("task", 0, 1 << 20)) {
      SortOperator sort = new SortOperator(INPUT.toArrowSchema(), List.of(new SortKey(1, true, false)), limited, 4096,
          "the window OVER (ORDER BY $1)");
      List<List<Object>> rows = new ArrayList<>();
      for (long i = 0; i < 4096; i++) {
        rows.add(row(0L, i, i));
      }
      QuiverException error;
      try (sort) {
        error = assertThrows(QuiverException.class, () -> {
          for (int batch = 0; batch < 1000; batch++) {
            VectorSchemaRoot input = TestTables.batch(allocator, INPUT, rows);
            sort.addInput(input);
          }
        });
      }
      assertEquals(ErrorCode.MEMORY_LIMIT_EXCEEDED, error.errorCode());
      assertTrue(error.getMessage().contains("for the window OVER (ORDER BY $1)"), error.getMessage());
    }
  }

  @Test
  void invalidConstantsAreRejectedBeforeAnyRowIsRead() {
    WindowCall ntile = new WindowCall(WindowFunction.NTILE, null, List.of(), 0L, WindowFrame.DEFAULT, false, null,
        DataType.BIGINT, "n");
    QuiverException error = assertThrows(QuiverException.class, () -> new WindowOperator(
        WindowProperties.window(new ExchangeSourceNode(0, 1, false, INPUT), List.of(), List.of(), List.of(ntile)),
        allocator, 16));
    assertEquals(ErrorCode.INVALID_ARGUMENT_FOR_NTILE, error.errorCode());
    WindowCall nth = new WindowCall(WindowFunction.NTH_VALUE, null, List.of(2), -1L, WindowFrame.DEFAULT, false,
        DataType.BIGINT, DataType.BIGINT, "n");
    assertEquals(ErrorCode.INVALID_ARGUMENT_FOR_NTH_VALUE, assertThrows(QuiverException.class,
        () -> WindowEvaluators.requireSupported(nth)).errorCode());
  }
}
