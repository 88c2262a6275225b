package io.quiver.exec.task;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quiver.exec.fragment.node.AggregateCall;
import io.quiver.exec.fragment.node.AggregateFunction;
import io.quiver.exec.fragment.node.AggregateNode;
import io.quiver.exec.fragment.node.AggregateStep;
import io.quiver.exec.fragment.node.ExchangeSourceNode;
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
import java.math.BigDecimal;
import java.time.LocalDate;
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
 * An aggregate's result depends neither on batch size nor on how its input is split: PARTIAL per
 * partition, a hash exchange, then FINAL per reduce partition equals one SINGLE step over all rows,
 * with NULL keys and NULL values included.
 */
class AggregateProperties {

  private static final DataType MONEY = DataType.decimal(12, 2);
  private static final RowSchema TABLE = TestTables.schema("k", DataType.INTEGER, "name", DataType.VARCHAR,
      "v", DataType.BIGINT, "d", DataType.DOUBLE, "m", MONEY, "day", DataType.DATE, "small", DataType.SMALLINT);

  private static final List<AggregateCall> CALLS = List.of(
      call(AggregateFunction.COUNT, DataType.BIGINT, DataType.BIGINT),
      call(AggregateFunction.COUNT, DataType.BIGINT, DataType.BIGINT, 2),
      call(AggregateFunction.SUM, DataType.BIGINT, DataType.BIGINT, 2),
      call(AggregateFunction.AVG, DataType.BIGINT, DataType.DOUBLE, 2),
      call(AggregateFunction.SUM, DataType.DOUBLE, DataType.DOUBLE, 3),
      call(AggregateFunction.AVG, DataType.DOUBLE, DataType.DOUBLE, 3),
      call(AggregateFunction.SUM, MONEY, DataType.decimal(38, 2), 4),
      call(AggregateFunction.AVG, MONEY, DataType.decimal(16, 6), 4),
      call(AggregateFunction.MIN, MONEY, MONEY, 4),
      call(AggregateFunction.MAX, DataType.VARCHAR, DataType.VARCHAR, 1),
      call(AggregateFunction.MIN, DataType.DATE, DataType.DATE, 5),
      call(AggregateFunction.MAX, DataType.DOUBLE, DataType.DOUBLE, 3),
      call(AggregateFunction.SUM, DataType.SMALLINT, DataType.BIGINT, 6),
      call(AggregateFunction.MAX, DataType.SMALLINT, DataType.SMALLINT, 6));

  private static AggregateCall call(AggregateFunction function, DataType argument, DataType result,
      Integer... arguments) {
    return new AggregateCall(function, List.of(arguments), false, argument, result, function.name().toLowerCase());
  }

  @Provide
  Arbitrary<List<List<Object>>> tables() {
    Arbitrary<Object> key = Arbitraries.integers().between(-3, 3).map(i -> (Object) (long) i).injectNull(0.15);
    Arbitrary<Object> name = Arbitraries.of("a", "b", "ab", "", "ünï", "a longer name than eight bytes")
        .map(s -> (Object) s).injectNull(0.15);
    Arbitrary<Object> value = Arbitraries.longs().between(-1_000_000, 1_000_000).map(v -> (Object) v).injectNull(0.2);
    Arbitrary<Object> dbl = Arbitraries.integers().between(-1000, 1000).map(i -> (Object) (i / 2.0)).injectNull(0.2);
    Arbitrary<Object> money = Arbitraries.longs().between(-10_000_000, 10_000_000)
        .map(v -> (Object) BigDecimal.valueOf(v, 2)).injectNull(0.2);
    Arbitrary<Object> day = Arbitraries.integers().between(0, 20_000)
        .map(d -> (Object) LocalDate.ofEpochDay(d)).injectNull(0.2);
    Arbitrary<Object> small = Arbitraries.integers().between(-300, 300).map(i -> (Object) (long) i).injectNull(0.2);
    Arbitrary<List<Object>> row = Combinators.combine(key, name, value, dbl, money, day, small)
        .as((a, b, c, d, e, f, g) -> Arrays.asList(a, b, c, d, e, f, g));
    return row.list().ofMaxSize(300);
  }

  @Provide
  Arbitrary<List<Integer>> groupKeys() {
    return Arbitraries.of(List.of(), List.of(0), List.of(1), List.of(0, 1), List.of(1, 0), List.of(5), List.of(4, 6));
  }

  @Property(tries = 60)
  void twoPhaseAggregateEqualsSingleStep(@ForAll("tables") List<List<Object>> rows,
      @ForAll("groupKeys") List<Integer> keys, @ForAll @IntRange(min = 1, max = 5) int mapPartitions,
      @ForAll @IntRange(min = 1, max = 4) int reducePartitions, @ForAll @IntRange(min = 1, max = 64) int batchSize,
      @ForAll @IntRange(min = 1, max = 64) int otherBatchSize) {
    List<List<Object>> single;
    try (TaskHarness harness = new TaskHarness("single")) {
      harness.data.add("t", rows);
      harness.batchSize = batchSize;
      AggregateNode aggregate = aggregate(scan(1), AggregateStep.SINGLE, keys, CALLS);
      CollectingResultSink sink = new CollectingResultSink();
      harness.runStage(new StageFragment(0, aggregate, 1, new OutputPartitioning.Result(), List.of()), sink, null);
      single = sink.rows();
    }
    List<List<Object>> twoPhase;
    try (TaskHarness harness = new TaskHarness("two-phase")) {
      harness.data.add("t", rows);
      harness.batchSize = otherBatchSize;
      AggregateNode partial = aggregate(scan(mapPartitions), AggregateStep.PARTIAL, keys, CALLS);
      List<Integer> partialKeys = new ArrayList<>();
      for (int i = 0; i < keys.size(); i++) {
        partialKeys.add(i);
      }
      int finalPartitions = keys.isEmpty() ? 1 : reducePartitions;
      OutputPartitioning exchange = keys.isEmpty() ? new OutputPartitioning.Single()
          : new OutputPartitioning.Hash(partialKeys, finalPartitions);
      harness.runStage(new StageFragment(0, partial, mapPartitions, exchange, List.of()), null, null);
      AggregateNode finalStep = aggregate(new ExchangeSourceNode(0, mapPartitions, false, partial.outputSchema()),
          AggregateStep.FINAL, partialKeys, finalCalls(keys.size()));
      CollectingResultSink sink = new CollectingResultSink();
      harness.runStage(new StageFragment(1, finalStep, finalPartitions, new OutputPartitioning.Result(), List.of(0)),
          sink, null);
      twoPhase = sink.rows();
    }
    assertEquals(sorted(single), sorted(twoPhase));
    if (keys.isEmpty()) {
      assertEquals(1, single.size());
    }
  }

  private static List<AggregateCall> finalCalls(int keyCount) {
    List<AggregateCall> calls = new ArrayList<>();
    int column = keyCount;
    for (AggregateCall call : CALLS) {
      int width = call.function().intermediateTypes(call.argumentType(), call.resultType()).size();
      List<Integer> arguments = new ArrayList<>();
      for (int i = 0; i < width; i++) {
        arguments.add(column++);
      }
      calls.add(new AggregateCall(call.function(), arguments, false, call.argumentType(), call.resultType(),
          call.name()));
    }
    return calls;
  }

  private static TableScanNode scan(int splits) {
    return new TableScanNode(InMemoryDataSource.handle("t"), List.of(0, 1, 2, 3, 4, 5, 6), splits, TABLE);
  }

  private static AggregateNode aggregate(io.quiver.exec.fragment.node.PlanNode input, AggregateStep step,
      List<Integer> keys, List<AggregateCall> calls) {
    RowSchema inputSchema = input.outputSchema();
    List<Column> columns = new ArrayList<>();
    for (int key : keys) {
      columns.add(inputSchema.column(key));
    }
    for (AggregateCall call : calls) {
      if (step == AggregateStep.PARTIAL) {
        List<DataType> types = call.function().intermediateTypes(call.argumentType(), call.resultType());
        for (int i = 0; i < types.size(); i++) {
          columns.add(new Column(call.name() + "_" + i, types.get(i), true));
        }
      } else {
        columns.add(new Column(call.name(), call.resultType(), true));
      }
    }
    return new AggregateNode(input, step, keys, calls, new RowSchema(columns));
  }

  private static List<List<Object>> sorted(List<List<Object>> rows) {
    List<List<Object>> copy = new ArrayList<>(rows);
    copy.sort(Comparator.comparing(String::valueOf));
    return copy;
  }
}
