package io.quiver.exec.memory;

import static io.quiver.exec.testing.TestTables.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.fragment.node.AggregateCall;
import io.quiver.exec.fragment.node.AggregateFunction;
import io.quiver.exec.fragment.node.AggregateNode;
import io.quiver.exec.fragment.node.AggregateStep;
import io.quiver.exec.fragment.node.SortKey;
import io.quiver.exec.fragment.node.ValuesNode;
import io.quiver.exec.operator.aggregate.HashAggregateOperator;
import io.quiver.exec.operator.sort.SortOperator;
import io.quiver.exec.operator.sort.TopNOperator;
import io.quiver.exec.task.TaskMetrics;
import io.quiver.exec.testing.SpillDriver;
import io.quiver.exec.testing.TestTables;
import io.quiver.exec.type.Column;
import io.quiver.exec.type.DataType;
import io.quiver.exec.type.RowSchema;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Where spilling cannot help (a batch larger than the whole limit, state with no partial form),
 * an operator fails with MEMORY_LIMIT_EXCEEDED (53200) naming itself, never a JVM
 * OutOfMemoryError, and leaves nothing allocated.
 */
class MemoryLimitTest {

  private static final RowSchema INPUT = TestTables.schema("k", DataType.BIGINT, "s", DataType.VARCHAR);

  private final RootAllocator root = new RootAllocator();

  @AfterEach
  void close() {
    root.close();
  }

  private static List<List<Object>> rows(int count) {
    List<List<Object>> rows = new ArrayList<>();
    for (long i = 0; i < count; i++) {
      rows.add(row(i, "value " + i));
    }
    return rows;
  }

  @Test
  void aSortFailsNamingItselfWhenOneBatchExceedsTheLimit() {
    try (BufferAllocator task = root.newChildAllocator("task", 0, 16 * 1024);
        TaskMemory memory = TaskMemory.standalone(task, new TaskMetrics())) {
      SortOperator sort = new SortOperator(INPUT.toArrowSchema(), List.of(new SortKey(0, false, false)), memory,
          4096, null);
      QuiverException error = assertThrows(QuiverException.class, () -> SpillDriver.run(
          TestTables.batches(root, INPUT, rows(4096), 4096), sort, List.of()));
      assertEquals(ErrorCode.MEMORY_LIMIT_EXCEEDED, error.errorCode());
      assertTrue(error.getMessage().contains("the sort (ORDER BY)"), error.getMessage());
      assertEquals(0, task.getAllocatedMemory());
    }
  }

  @Test
  void aTopNFailsNamingItselfWhenOneBatchExceedsTheLimit() {
    try (BufferAllocator task = root.newChildAllocator("task", 0, 16 * 1024);
        TaskMemory memory = TaskMemory.standalone(task, new TaskMetrics())) {
      TopNOperator topN = new TopNOperator(INPUT.toArrowSchema(), List.of(new SortKey(0, false, false)), 100_000,
          memory, 4096);
      QuiverException error = assertThrows(QuiverException.class, () -> SpillDriver.run(
          TestTables.batches(root, INPUT, rows(4096), 4096), topN, List.of()));
      assertEquals(ErrorCode.MEMORY_LIMIT_EXCEEDED, error.errorCode());
      assertTrue(error.getMessage().contains("the top-N (ORDER BY ... LIMIT 100000)"), error.getMessage());
      assertEquals(0, task.getAllocatedMemory());
    }
  }

  @Test
  void anAggregateWithoutPartialStateFailsNamingItself() {
    AggregateCall stringAgg = new AggregateCall(AggregateFunction.STRING_AGG, List.of(1, 1), false, DataType.VARCHAR,
        DataType.VARCHAR, "string_agg");
    RowSchema output = new RowSchema(List.of(new Column("k", DataType.BIGINT, true),
        new Column("string_agg", DataType.VARCHAR, true)));
    AggregateNode node = new AggregateNode(new ValuesNode(List.of(), INPUT), AggregateStep.SINGLE, List.of(0),
        List.of(stringAgg), output);
    try (BufferAllocator task = root.newChildAllocator("task", 0, 64 * 1024);
        TaskMemory memory = TaskMemory.standalone(task, new TaskMetrics())) {
      QuiverException error = assertThrows(QuiverException.class, () -> SpillDriver.run(
          TestTables.batches(root, INPUT, rows(50_000), 1024), new HashAggregateOperator(node, memory, 1024),
          List.of()));
      assertEquals(ErrorCode.MEMORY_LIMIT_EXCEEDED, error.errorCode());
      assertTrue(error.getMessage().contains("the hash aggregate (SINGLE, 1 group keys, string_agg)"),
          error.getMessage());
      assertEquals(0, task.getAllocatedMemory());
    }
  }

  @Test
  void anAggregateWithPartialStateSpillsInsteadOfFailing() {
    AggregateCall count = new AggregateCall(AggregateFunction.COUNT, List.of(), false, DataType.BIGINT,
        DataType.BIGINT, "count");
    RowSchema output = new RowSchema(List.of(new Column("k", DataType.BIGINT, true),
        new Column("count", DataType.BIGINT, true)));
    AggregateNode node = new AggregateNode(new ValuesNode(List.of(), INPUT), AggregateStep.SINGLE, List.of(0),
        List.of(count), output);
    TaskMetrics metrics = new TaskMetrics();
    try (BufferAllocator task = root.newChildAllocator("task", 0, 256 * 1024);
        TaskMemory memory = TaskMemory.standalone(task, metrics)) {
      List<List<Object>> result = SpillDriver.run(TestTables.batches(root, INPUT, rows(50_000), 1024),
          new HashAggregateOperator(node, memory, 1024), List.of());
      assertEquals(50_000, result.size());
    }
    assertTrue(metrics.spillCount() > 0);
  }

  /** A task short of memory makes another task's sort spill (on that task's thread) before it gives up. */
  @Test
  void anotherTasksLargestConsumerSpillsFirst() throws Exception {
    ExecutorMemoryManager manager = new ExecutorMemoryManager(null);
    try (BufferAllocator executor = root.newChildAllocator("executor", 0, 4 * 1024 * 1024);
        BufferAllocator first = executor.newChildAllocator("first", 0, Long.MAX_VALUE);
        BufferAllocator second = executor.newChildAllocator("second", 0, Long.MAX_VALUE)) {
      TaskMetrics firstMetrics = new TaskMetrics();
      TaskMemory firstMemory = manager.newTask(first, firstMetrics);
      TaskMemory secondMemory = manager.newTask(second, new TaskMetrics());
      SortOperator sort = new SortOperator(INPUT.toArrowSchema(), List.of(new SortKey(0, true, false)), firstMemory,
          1024, null);
      for (org.apache.arrow.vector.VectorSchemaRoot batch : TestTables.batches(root, INPUT, rows(40_000), 1024)) {
        sort.addInput(batch);
      }
      long held = first.getAllocatedMemory();
      assertTrue(held > 1024 * 1024, "the sort holds " + held);
      // the first task's driver honours spill requests between passes
      Thread firstTask = new Thread(() -> {
        while (firstMetrics.spillCount() == 0 && !Thread.currentThread().isInterrupted()) {
          firstMemory.spillIfRequested();
          Thread.onSpinWait();
        }
      });
      firstTask.start();
      boolean room = secondMemory.makeRoom(executor.getLimit() - 256 * 1024, null);
      firstTask.join(10_000);
      assertTrue(room, "headroom " + secondMemory.headroom());
      assertEquals(1, firstMetrics.spillCount());
      assertTrue(first.getAllocatedMemory() < held);
      sort.close();
      firstMemory.close();
      secondMemory.close();
      assertEquals(0, manager.runningTasks());
    }
  }
}
