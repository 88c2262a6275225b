package io.quiver.exec.operator.window;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quiver.exec.fragment.node.ExchangeSourceNode;
import io.quiver.exec.fragment.node.GroupTopNNode;
import io.quiver.exec.fragment.node.PlanNode;
import io.quiver.exec.fragment.node.SortKey;
import io.quiver.exec.fragment.node.SortNode;
import io.quiver.exec.fragment.node.TableScanNode;
import io.quiver.exec.fragment.node.WindowCall;
import io.quiver.exec.fragment.node.WindowFunction;
import io.quiver.exec.fragment.node.WindowNode;
import io.quiver.exec.fragment.stage.OutputPartitioning;
import io.quiver.exec.fragment.stage.StageFragment;
import io.quiver.exec.testing.CollectingResultSink;
import io.quiver.exec.testing.InMemoryDataSource;
import io.quiver.exec.testing.TaskHarness;
import io.quiver.exec.type.DataType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.constraints.IntRange;

/**
 * Top-N per group: a group top-N in every map task before the exchange keeps every row whose rank
 * (ROW_NUMBER, RANK, DENSE_RANK) is within n, so the window above it ranks those rows exactly as it
 * would rank them over all rows — whatever the splits, the batch size (and so how often the operator
 * cuts its buffer, or gives up and passes rows through), ties and NULLs.
 */
class GroupTopNProperties {

  @Provide
  Arbitrary<List<List<Object>>> tables() {
    return new WindowProperties().tables();
  }

  @Property(tries = 120)
  void groupTopNKeepsEveryRowWithinTheLimit(@ForAll("tables") List<List<Object>> rows, @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 4) int mapPartitions, @ForAll @IntRange(min = 1, max = 3) int reducePartitions,
      @ForAll @IntRange(min = 1, max = 20) int batchSize, @ForAll @IntRange(min = 0, max = 6) int limit) {
    Random random = new Random(seed);
    List<Integer> partitionKeys = List.of(List.<Integer>of(), List.of(1), List.of(2), List.of(1, 2))
        .get(random.nextInt(4));
    WindowFunction rank = List.of(WindowFunction.ROW_NUMBER, WindowFunction.RANK, WindowFunction.DENSE_RANK)
        .get(random.nextInt(3));
    List<SortKey> orderKeys = new ArrayList<>();
    orderKeys.add(new SortKey(List.of(3, 6, 7).get(random.nextInt(3)), random.nextBoolean(), random.nextBoolean()));
    if (rank == WindowFunction.ROW_NUMBER) {
      // ROW_NUMBER over ties is arbitrary: make the order total
      orderKeys.add(new SortKey(0, true, false));
    }
    List<WindowCall> calls = List.of(WindowCall.of(rank, List.of(), null, DataType.BIGINT, "r"));
    List<List<Object>> expected = new ArrayList<>();
    for (List<Object> row : ReferenceWindow.evaluate(rows, partitionKeys, orderKeys, calls)) {
      if ((Long) row.get(row.size() - 1) <= limit) {
        expected.add(row);
      }
    }
    List<List<Object>> actual = new ArrayList<>();
    try (TaskHarness harness = new TaskHarness("group-top-n")) {
      harness.data.add("t", rows);
      harness.batchSize = batchSize;
      TableScanNode scan = new TableScanNode(InMemoryDataSource.handle("t"), List.of(0, 1, 2, 3, 4, 5, 6, 7, 8),
          mapPartitions, WindowProperties.TABLE);
      GroupTopNNode partial = new GroupTopNNode(scan, partitionKeys, orderKeys, rank, limit);
      int partitions = partitionKeys.isEmpty() ? 1 : reducePartitions;
      OutputPartitioning exchange = partitionKeys.isEmpty() ? new OutputPartitioning.Single()
          : new OutputPartitioning.Hash(partitionKeys, partitions);
      harness.runStage(new StageFragment(0, partial, mapPartitions, exchange, List.of()), null, null);
      PlanNode source = new ExchangeSourceNode(0, mapPartitions, false, WindowProperties.TABLE);
      List<SortKey> sortKeys = new ArrayList<>();
      for (int key : partitionKeys) {
        sortKeys.add(new SortKey(key, true, false));
      }
      sortKeys.addAll(orderKeys);
      WindowNode window = WindowProperties.window(new SortNode(source, sortKeys), partitionKeys, orderKeys, calls);
      CollectingResultSink sink = new CollectingResultSink();
      harness.runStage(new StageFragment(1, window, partitions, new OutputPartitioning.Result(), List.of(0)), sink,
          null);
      for (List<Object> row : sink.rows()) {
        if ((Long) row.get(row.size() - 1) <= limit) {
          actual.add(row);
        }
      }
    }
    Comparator<List<Object>> byId = Comparator.comparing(row -> (Long) row.get(0));
    expected.sort(byId);
    actual.sort(byId);
    assertEquals(expected, actual, () -> rank + " <= " + limit + " partition " + partitionKeys + " order "
        + orderKeys);
  }
}
