package io.quiver.exec.task;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quiver.exec.fragment.node.ExchangeSourceNode;
import io.quiver.exec.fragment.node.HashJoinNode;
import io.quiver.exec.fragment.node.JoinType;
import io.quiver.exec.fragment.node.PlanNode;
import io.quiver.exec.fragment.node.TableScanNode;
import io.quiver.exec.fragment.stage.OutputPartitioning;
import io.quiver.exec.fragment.stage.StageFragment;
import io.quiver.exec.testing.CollectingResultSink;
import io.quiver.exec.testing.InMemoryDataSource;
import io.quiver.exec.testing.TaskHarness;
import io.quiver.exec.testing.TestTables;
import io.quiver.exec.type.Column;
import io.quiver.exec.type.DataType;
import io.quiver.exec.type.RowSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * A join's result does not depend on how it is distributed: partitioned (both sides hash-exchanged
 * on the keys) and broadcast (the build side read whole by every task) give what one task over all
 * rows gives, for every join type the distribution allows.
 */
class DistributedJoinProperties {

  private static final RowSchema LEFT = TestTables.schema("k", DataType.INTEGER, "v", DataType.VARCHAR);
  private static final RowSchema RIGHT = TestTables.schema("rk", DataType.BIGINT, "w", DataType.BIGINT);

  @Provide
  Arbitrary<List<List<Object>>> left() {
    Arbitrary<Object> key = Arbitraries.longs().between(0, 12).map(v -> (Object) v).injectNull(0.1);
    Arbitrary<Object> value = Arbitraries.of("p", "q", "r").map(v -> (Object) v).injectNull(0.1);
    return Combinators.combine(key, value).as((k, v) -> Arrays.asList(k, v)).list().ofMaxSize(80);
  }

  @Provide
  Arbitrary<List<List<Object>>> right() {
    Arbitrary<Object> key = Arbitraries.longs().between(0, 12).map(v -> (Object) v).injectNull(0.1);
    Arbitrary<Object> value = Arbitraries.longs().between(0, 100).map(v -> (Object) v).injectNull(0.1);
    return Combinators.combine(key, value).as((k, v) -> Arrays.asList(k, v)).list().ofMaxSize(80);
  }

  private static HashJoinNode join(PlanNode probe, PlanNode build, JoinType type) {
    List<Column> columns = new ArrayList<>(LEFT.columns());
    if (!type.probeColumnsOnly()) {
      columns.addAll(RIGHT.columns());
    }
    return new HashJoinNode(probe, build, type, List.of(0), List.of(0), null, new RowSchema(columns));
  }

  private static TableScanNode scan(String table, RowSchema schema, int splits) {
    return new TableScanNode(InMemoryDataSource.handle(table), List.of(0, 1), splits, schema);
  }

  @Property(tries = 40)
  void distributionDoesNotChangeTheResult(@ForAll("left") List<List<Object>> left,
      @ForAll("right") List<List<Object>> right, @ForAll JoinType type,
      @ForAll @IntRange(min = 1, max = 4) int splits, @ForAll @IntRange(min = 1, max = 4) int partitions,
      @ForAll @IntRange(min = 1, max = 16) int batchSize) {
    List<String> single;
    try (TaskHarness harness = harness(left, right, batchSize)) {
      CollectingResultSink sink = new CollectingResultSink();
      harness.runStage(new StageFragment(0, join(scan("left", LEFT, 1), scan("right", RIGHT, 1), type), 1,
          new OutputPartitioning.Result(), List.of()), sink, null);
      single = canonical(sink.rows());
    }
    // NOT IN needs the whole build side in every task (a NULL anywhere in it decides every row)
    if (type != JoinType.NULL_AWARE_ANTI) {
      try (TaskHarness harness = harness(left, right, batchSize)) {
        harness.runStage(new StageFragment(0, scan("left", LEFT, splits), splits,
            new OutputPartitioning.Hash(List.of(0), partitions), List.of()), null, null);
        harness.runStage(new StageFragment(1, scan("right", RIGHT, splits), splits,
            new OutputPartitioning.Hash(List.of(0), partitions), List.of()), null, null);
        CollectingResultSink sink = new CollectingResultSink();
        PlanNode joined = join(new ExchangeSourceNode(0, splits, false, LEFT),
            new ExchangeSourceNode(1, splits, false, RIGHT), type);
        harness.runStage(new StageFragment(2, joined, partitions, new OutputPartitioning.Result(), List.of(0, 1)),
            sink, null);
        assertEquals(single, canonical(sink.rows()), "partitioned");
      }
    }
    boolean broadcastAllowed = type != JoinType.BUILD_OUTER && type != JoinType.FULL_OUTER;
    if (broadcastAllowed) {
      try (TaskHarness harness = harness(left, right, batchSize)) {
        harness.runStage(new StageFragment(0, scan("right", RIGHT, splits), splits,
            new OutputPartitioning.Broadcast(), List.of()), null, null);
        CollectingResultSink sink = new CollectingResultSink();
        PlanNode joined = join(scan("left", LEFT, partitions), new ExchangeSourceNode(0, splits, true, RIGHT), type);
        harness.runStage(new StageFragment(1, joined, partitions, new OutputPartitioning.Result(), List.of(0)),
            sink, null);
        assertEquals(single, canonical(sink.rows()), "broadcast");
      }
    }
  }

  private static TaskHarness harness(List<List<Object>> left, List<List<Object>> right, int batchSize) {
    TaskHarness harness = new TaskHarness("join");
    harness.data.add("left", left);
    harness.data.add("right", right);
    harness.batchSize = batchSize;
    return harness;
  }

  private static List<String> canonical(List<List<Object>> rows) {
    List<String> strings = new ArrayList<>();
    rows.forEach(row -> strings.add(String.valueOf(row)));
    strings.sort(Comparator.naturalOrder());
    return strings;
  }
}
