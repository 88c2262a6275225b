package io.quiver.exec.operator.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.exec.fragment.node.AggregateCall;
import io.quiver.exec.fragment.node.AggregateFunction;
import io.quiver.exec.fragment.node.AggregateNode;
import io.quiver.exec.fragment.node.AggregateStep;
import io.quiver.exec.fragment.node.ValuesNode;
import io.quiver.exec.memory.TaskMemory;
import io.quiver.exec.task.TaskMetrics;
import io.quiver.exec.testing.Pipelines;
import io.quiver.exec.testing.SpillDriver;
import io.quiver.exec.testing.TestTables;
import io.quiver.exec.type.DataType;
import io.quiver.exec.type.RowSchema;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * A hash aggregate that spills (at random points, or because its memory limit is tiny) gives
 * exactly the groups it gives in memory, in every step, with NULL keys, duplicates and skew; no
 * spill file is left.
 */
class AggregateSpillProperties {

  private static final DataType MONEY = DataType.decimal(12, 2);
  private static final RowSchema TABLE = TestTables.schema("k", DataType.INTEGER, "name", DataType.VARCHAR,
      "v", DataType.BIGINT, "d", DataType.DOUBLE, "m", MONEY);

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
      call(AggregateFunction.MIN, DataType.VARCHAR, DataType.VARCHAR, 1),
      call(AggregateFunction.MAX, DataType.DOUBLE, DataType.DOUBLE, 3));

  /** With a sketch of some kilobytes per group, which no tiny limit holds. */
  private static final List<AggregateCall> WITH_SKETCH = java.util.stream.Stream.concat(CALLS.stream(),
      java.util.stream.Stream.of(call(AggregateFunction.APPROX_COUNT_DISTINCT, DataType.BIGINT, DataType.BIGINT, 2)))
      .toList();

  private static AggregateCall call(AggregateFunction function, DataType argument, DataType result,
      Integer... arguments) {
    return new AggregateCall(function, List.of(arguments), false, argument, result, function.name().toLowerCase());
  }

  @Provide
  Arbitrary<List<List<Object>>> tables() {
    Arbitrary<Object> key = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(-3, 3)),
        net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(-5000, 5000))).map(i -> (Object) (long) i)
        .injectNull(0.1);
    Arbitrary<Object> name = Arbitraries.strings().withChars("abü").ofMaxLength(10).map(s -> (Object) s)
        .injectNull(0.15);
    Arbitrary<Object> value = Arbitraries.longs().between(-200, 200).map(v -> (Object) v).injectNull(0.2);
    Arbitrary<Object> dbl = Arbitraries.integers().between(-1000, 1000).map(i -> (Object) (i / 2.0)).injectNull(0.2);
    Arbitrary<Object> money = Arbitraries.longs().between(-10_000_000, 10_000_000)
        .map(v -> (Object) BigDecimal.valueOf(v, 2)).injectNull(0.2);
    return Combinators.combine(key, name, value, dbl, money).as((a, b, c, d, e) -> Arrays.asList(a, b, c, d, e))
        .list().ofMaxSize(800);
  }

  @Provide
  Arbitrary<List<Integer>> groupKeys() {
    return Arbitraries.of(List.of(0), List.of(1), List.of(2), List.of(0, 1), List.of(2, 0), List.of(3),
        List.of(4, 1), List.of(0, 2, 1));
  }

  @Property(tries = 50)
  void spillingAtRandomPointsGivesTheInMemoryGroups(@ForAll("tables") List<List<Object>> rows,
      @ForAll("groupKeys") List<Integer> keys, @ForAll AggregateStep step,
      @ForAll @IntRange(min = 1, max = 64) int batchSize, @ForAll List<Boolean> spillAfter) {
    check(rows, keys, step, batchSize, spillAfter, Long.MAX_VALUE, WITH_SKETCH);
  }

  @Property(tries = 40)
  void aTinyMemoryLimitSpillsInsteadOfFailing(@ForAll("tables") List<List<Object>> rows,
      @ForAll("groupKeys") List<Integer> keys, @ForAll AggregateStep step,
      @ForAll @IntRange(min = 1, max = 64) int batchSize,
      @ForAll @IntRange(min = 512 * 1024, max = 2048 * 1024) int limit) {
    check(rows, keys, step, batchSize, List.of(), limit, CALLS);
  }

  private static void check(List<List<Object>> rows, List<Integer> keys, AggregateStep step, int batchSize,
      List<Boolean> spillAfter, long limit, List<AggregateCall> calls) {
    try (RootAllocator allocator = new RootAllocator()) {
      RowSchema input = TABLE;
      List<List<Object>> inputRows = rows;
      AggregateNode node;
      if (step == AggregateStep.FINAL) {
        // FINAL input: the partial state of the rows, made in memory
        AggregateNode partial = HashAggregateOperatorTest.node(TABLE, AggregateStep.PARTIAL, keys, calls);
        inputRows = Pipelines.run(TestTables.batches(allocator, TABLE, rows, batchSize),
            new HashAggregateOperator(partial, allocator, batchSize));
        input = partial.outputSchema();
        node = HashAggregateOperatorTest.node(input, AggregateStep.FINAL, range(keys.size()), finalCalls(keys.size(), calls));
      } else {
        node = HashAggregateOperatorTest.node(TABLE, step, keys, calls);
      }
      node = new AggregateNode(new ValuesNode(List.of(), input), node.step(), node.groupKeys(), node.aggregates(),
          node.outputSchema());
      List<List<Object>> expected = Pipelines.run(TestTables.batches(allocator, input, inputRows, batchSize),
          new HashAggregateOperator(node, allocator, batchSize));
      Path directory;
      try (BufferAllocator task = allocator.newChildAllocator("task", 0, limit);
          TaskMemory memory = TaskMemory.standalone(task, new TaskMetrics())) {
        List<List<Object>> actual = SpillDriver.run(TestTables.batches(allocator, input, inputRows, batchSize),
            new HashAggregateOperator(node, memory, batchSize), spillAfter);
        assertEquals(sorted(expected), sorted(actual));
        directory = memory.spillDirectory();
      }
      if (directory != null) {
        assertFalse(Files.exists(directory), "spill directory " + directory + " is left");
      }
    }
  }

  private static List<Integer> range(int count) {
    List<Integer> range = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      range.add(i);
    }
    return range;
  }

  private static List<AggregateCall> finalCalls(int keyCount, List<AggregateCall> partialCalls) {
    List<AggregateCall> calls = new ArrayList<>();
    int column = keyCount;
    for (AggregateCall call : partialCalls) {
      int width = call.function().intermediateTypes(call.argumentType(), call.resultType()).size();
      calls.add(new AggregateCall(call.function(), shifted(column, width), false, call.argumentType(),
          call.resultType(), call.name()));
      column += width;
    }
    return calls;
  }

  private static List<Integer> shifted(int from, int width) {
    List<Integer> arguments = new ArrayList<>();
    for (int i = 0; i < width; i++) {
      arguments.add(from + i);
    }
    return arguments;
  }

  private static List<List<Object>> sorted(List<List<Object>> rows) {
    List<List<Object>> copy = new ArrayList<>();
    for (List<Object> row : rows) {
      copy.add(row.stream().map(value -> value instanceof byte[] bytes ? (Object) Arrays.toString(bytes) : value)
          .toList());
    }
    copy.sort(Comparator.comparing(String::valueOf));
    return copy;
  }

  @Property(tries = 1)
  void spillsHappen() {
    List<List<Object>> rows = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      rows.add(Arrays.asList((long) i, "n" + (i % 7), (long) i, i / 2.0, BigDecimal.valueOf(i, 2)));
    }
    try (RootAllocator allocator = new RootAllocator()) {
      AggregateNode node = HashAggregateOperatorTest.node(TABLE, AggregateStep.SINGLE, List.of(0), CALLS);
      TaskMetrics metrics = new TaskMetrics();
      try (BufferAllocator task = allocator.newChildAllocator("task", 0, 1024 * 1024);
          TaskMemory memory = TaskMemory.standalone(task, metrics)) {
        List<List<Object>> actual = SpillDriver.run(TestTables.batches(allocator, TABLE, rows, 1000),
            new HashAggregateOperator(node, memory, 1000), List.of());
        assertEquals(20_000, actual.size());
      }
      assertTrue(metrics.spillCount() > 1, "spills: " + metrics.spillCount());
      assertTrue(metrics.spilledBytes() > 0);
    }
  }
}
