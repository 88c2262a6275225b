package io.quiver.exec.task;

import static io.quiver.exec.testing.TestTables.row;
import static io.quiver.exec.testing.TestTables.schema;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.fragment.expression.InputReference;
import io.quiver.exec.fragment.expression.Literal;
import io.quiver.exec.fragment.node.AggregateCall;
import io.quiver.exec.fragment.node.AggregateFunction;
import io.quiver.exec.fragment.node.AggregateNode;
import io.quiver.exec.fragment.node.AggregateStep;
import io.quiver.exec.fragment.node.ExchangeSourceNode;
import io.quiver.exec.fragment.node.FilterNode;
import io.quiver.exec.fragment.node.LimitNode;
import io.quiver.exec.fragment.node.PlanNode;
import io.quiver.exec.fragment.node.ProjectNode;
import io.quiver.exec.fragment.node.SortKey;
import io.quiver.exec.fragment.node.SortNode;
import io.quiver.exec.fragment.node.TableScanNode;
import io.quiver.exec.fragment.node.TopNNode;
import io.quiver.exec.fragment.node.UnionAllNode;
import io.quiver.exec.fragment.node.ValuesNode;
import io.quiver.exec.fragment.stage.OutputPartitioning;
import io.quiver.exec.fragment.stage.StageFragment;
import io.quiver.exec.shuffle.MapOutputStatistics;
import io.quiver.exec.testing.CollectingResultSink;
import io.quiver.exec.testing.InMemoryDataSource;
import io.quiver.exec.testing.TaskHarness;
import io.quiver.exec.type.DataType;
import io.quiver.exec.type.RowSchema;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TaskRunnerTest {

  private static final RowSchema TABLE = schema("k", DataType.BIGINT, "name", DataType.VARCHAR);

  private final TaskHarness harness = new TaskHarness("job");

  @AfterEach
  void close() {
    harness.close();
  }

  private List<List<Object>> table(int rows) {
    List<List<Object>> list = new ArrayList<>();
    for (long i = 0; i < rows; i++) {
      list.add(row(i, "n" + (i % 7)));
    }
    return list;
  }

  private static TableScanNode scan(String table, int splits) {
    return new TableScanNode(InMemoryDataSource.handle(table), List.of(0, 1), splits, TABLE);
  }

  private static List<List<Object>> sorted(List<List<Object>> rows) {
    List<List<Object>> copy = new ArrayList<>(rows);
    copy.sort(Comparator.comparing(String::valueOf));
    return copy;
  }

  @Test
  void scanToResultCountsInputAndOutput() {
    harness.data.add("t", table(100));
    harness.batchSize = 16;
    CollectingResultSink sink = new CollectingResultSink();
    TaskMetrics metrics = new TaskMetrics();
    List<MapOutputStatistics> statistics = harness.runStage(
        new StageFragment(0, scan("t", 3), 3, new OutputPartitioning.Result(), List.of()), sink, metrics);
    assertEquals(sorted(table(100)), sorted(sink.rows()));
    assertEquals(100, metrics.inputRows());
    assertEquals(100, metrics.outputRows());
    assertTrue(metrics.inputBytes() > 0 && metrics.outputBytes() > 0);
    assertEquals(0, statistics.get(0).totalRows());
  }

  @Test
  void hashExchangeThenFinalAggregate() {
    harness.data.add("t", table(1000));
    AggregateCall partialCount = new AggregateCall(AggregateFunction.COUNT, List.of(), false, DataType.BIGINT,
        DataType.BIGINT, "c");
    RowSchema partialSchema = schema("name", DataType.VARCHAR, "c", DataType.BIGINT);
    PlanNode partial = new AggregateNode(scan("t", 4), AggregateStep.PARTIAL, List.of(1), List.of(partialCount),
        partialSchema);
    StageFragment map = new StageFragment(0, partial, 4, new OutputPartitioning.Hash(List.of(0), 3), List.of());
    List<MapOutputStatistics> statistics = harness.runStage(map, null, null);
    assertEquals(4, statistics.size());
    assertEquals(28, statistics.stream().mapToLong(MapOutputStatistics::totalRows).sum());

    AggregateCall finalCount = new AggregateCall(AggregateFunction.COUNT, List.of(1), false, DataType.BIGINT,
        DataType.BIGINT, "c");
    PlanNode finalAggregate = new AggregateNode(new ExchangeSourceNode(0, 4, false, partialSchema),
        AggregateStep.FINAL, List.of(0), List.of(finalCount), partialSchema);
    CollectingResultSink sink = new CollectingResultSink();
    // each reduce partition holds whole groups, so a FINAL per partition is complete
    harness.runStage(new StageFragment(1, finalAggregate, 3, new OutputPartitioning.Result(), List.of(0)), sink, null);
    List<List<Object>> expected = new ArrayList<>();
    for (int n = 0; n < 7; n++) {
      expected.add(row("n" + n, n < 1000 % 7 ? 143L : 142L));
    }
    assertEquals(sorted(expected), sorted(sink.rows()));
  }

  @Test
  void broadcastSingleAndRoundRobinExchanges() {
    harness.data.add("t", table(50));
    harness.batchSize = 8;
    harness.runStage(new StageFragment(0, scan("t", 2), 2, new OutputPartitioning.Broadcast(), List.of()), null, null);
    CollectingResultSink broadcast = new CollectingResultSink();
    harness.runStage(new StageFragment(1, new ExchangeSourceNode(0, 2, true, TABLE), 3,
        new OutputPartitioning.Result(), List.of(0)), broadcast, null);
    assertEquals(150, broadcast.rows().size());

    List<MapOutputStatistics> dealt = harness.runStage(new StageFragment(2, scan("t", 2), 2,
        new OutputPartitioning.RoundRobin(4), List.of()), null, null);
    for (int partition = 0; partition < 4; partition++) {
      long rows = 0;
      for (MapOutputStatistics statistics : dealt) {
        rows += statistics.rowsPerPartition()[partition];
      }
      assertTrue(rows >= 12 && rows <= 13, "round robin partition " + partition + " got " + rows);
    }
    List<MapOutputStatistics> gathered = harness.runStage(new StageFragment(3, scan("t", 2), 2,
        new OutputPartitioning.Single(), List.of()), null, null);
    assertEquals(50, gathered.get(0).totalRows() + gathered.get(1).totalRows());
  }

  @Test
  void valuesUnionSortTopNAndLimit() {
    RowSchema one = schema("k", DataType.BIGINT);
    ValuesNode values = new ValuesNode(List.of(List.of(Literal.ofLong(5, DataType.BIGINT)),
        List.of(Literal.nullOf(DataType.BIGINT)), List.of(Literal.ofLong(-1, DataType.BIGINT))), one);
    ValuesNode more = new ValuesNode(List.of(List.of(Literal.ofLong(3, DataType.BIGINT))), one);
    PlanNode union = new UnionAllNode(List.of(values, more), one);
    CollectingResultSink sorted = new CollectingResultSink();
    harness.runStage(new StageFragment(0, new SortNode(union, List.of(new SortKey(0, false, true))), 2,
        new OutputPartitioning.Result(), List.of()), sorted, null);
    assertEquals(List.of(row((Object) null), row(5L), row(3L), row(-1L)), sorted.rows());

    CollectingResultSink top = new CollectingResultSink();
    harness.runStage(new StageFragment(1, new TopNNode(union, List.of(new SortKey(0, true, false)), 2), 1,
        new OutputPartitioning.Result(), List.of()), top, null);
    assertEquals(List.of(row(-1L), row(3L)), top.rows());

    CollectingResultSink limited = new CollectingResultSink();
    harness.data.add("t", table(10_000));
    harness.batchSize = 100;
    harness.runStage(new StageFragment(2, new LimitNode(scan("t", 1), 150, 120), 1,
        new OutputPartitioning.Result(), List.of()), limited, null);
    assertEquals(120, limited.rows().size());
    assertEquals(150L, limited.rows().get(0).get(0));
  }

  @Test
  void projectOfInputReferencesNeedsNoCompiler() {
    harness.data.add("t", table(3));
    RowSchema swapped = schema("name", DataType.VARCHAR, "k", DataType.BIGINT);
    PlanNode project = new ProjectNode(scan("t", 1), List.of(new InputReference(1, DataType.VARCHAR),
        new InputReference(0, DataType.BIGINT)), swapped);
    CollectingResultSink sink = new CollectingResultSink();
    harness.runStage(new StageFragment(0, project, 1, new OutputPartitioning.Result(), List.of()), sink, null);
    assertEquals(List.of(row("n0", 0L), row("n1", 1L), row("n2", 2L)), sink.rows());
  }

  @Test
  void failingSourceAbortsShuffleOutputAndReportsQuiverError() {
    harness.data.add("failing", table(100));
    harness.batchSize = 10;
    StageFragment stage = new StageFragment(0, scan("failing", 1), 1, new OutputPartitioning.Single(), List.of());
    QuiverException error = assertThrows(QuiverException.class, () -> harness.runTask(stage, 0, null, null));
    assertEquals(ErrorCode.INTERNAL_ERROR, error.errorCode());
    assertTrue(error.getCause() instanceof IllegalStateException);
    assertEquals(0, harness.data.openReaders());
    assertEquals(0, harness.shuffleAllocator.getAllocatedMemory());
    assertThrows(QuiverException.class, () -> harness.shuffle.read(
        new io.quiver.exec.shuffle.ShuffleId("job", 0), 0, 1, harness.root));
  }

  @Test
  void unsupportedExpressionFailsPlanningAndClosesWhatWasBuilt() {
    harness.data.add("t", table(10));
    PlanNode filter = new FilterNode(scan("t", 1), Literal.ofBoolean(true));
    StageFragment stage = new StageFragment(0, filter, 1, new OutputPartitioning.Result(), List.of());
    QuiverException error = assertThrows(QuiverException.class,
        () -> harness.runTask(stage, 0, new CollectingResultSink(), null));
    assertEquals(ErrorCode.NOT_SUPPORTED, error.errorCode());
  }

  @Test
  void cancelledJobStopsTask() {
    harness.data.add("t", table(10));
    harness.cancellation.cancel(CancellationToken.cancelledByUser());
    StageFragment stage = new StageFragment(0, scan("t", 1), 1, new OutputPartitioning.Single(), List.of());
    QuiverException error = assertThrows(QuiverException.class, () -> harness.runTask(stage, 0, null, null));
    assertEquals(ErrorCode.QUERY_CANCELLED, error.errorCode());
    assertEquals(0, harness.data.openReaders());
  }

  @Test
  void resultStageWithoutSinkAndPartitionOutOfRangeAreErrors() {
    harness.data.add("t", table(10));
    StageFragment result = new StageFragment(0, scan("t", 1), 1, new OutputPartitioning.Result(), List.of());
    assertEquals(ErrorCode.INTERNAL_ERROR,
        assertThrows(QuiverException.class, () -> harness.runTask(result, 0, null, null)).errorCode());
    assertEquals(ErrorCode.INTERNAL_ERROR, assertThrows(QuiverException.class,
        () -> harness.runTask(result, 1, new CollectingResultSink(), null)).errorCode());
  }

  @Test
  void reattemptedMapTaskReplacesItsOutput() {
    harness.data.add("t", table(20));
    StageFragment stage = new StageFragment(0, scan("t", 1), 1, new OutputPartitioning.Single(), List.of());
    harness.runTask(stage, 0, null, null);
    harness.runTask(stage, 0, null, null);
    CollectingResultSink sink = new CollectingResultSink();
    harness.runStage(new StageFragment(1, new ExchangeSourceNode(0, 1, false, TABLE), 1,
        new OutputPartitioning.Result(), List.of(0)), sink, null);
    assertEquals(20, sink.rows().size());
  }
}
