package io.quiver.exec.operator.aggregate;

import static io.quiver.exec.testing.TestTables.batch;
import static io.quiver.exec.testing.TestTables.row;
import static io.quiver.exec.testing.TestTables.schema;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.fragment.node.AggregateCall;
import io.quiver.exec.fragment.node.AggregateFunction;
import io.quiver.exec.fragment.node.AggregateNode;
import io.quiver.exec.fragment.node.AggregateStep;
import io.quiver.exec.fragment.node.ValuesNode;
import io.quiver.exec.testing.Pipelines;
import io.quiver.exec.testing.TestTables;
import io.quiver.exec.type.Column;
import io.quiver.exec.type.DataType;
import io.quiver.exec.type.RowSchema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HashAggregateOperatorTest {

  private static final DataType MONEY = DataType.decimal(15, 2);
  private static final RowSchema INPUT = schema("k", DataType.INTEGER, "name", DataType.VARCHAR,
      "amount", MONEY, "x", DataType.BIGINT, "d", DataType.DOUBLE, "day", DataType.DATE);

  private final RootAllocator allocator = new RootAllocator();

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  static AggregateCall call(AggregateFunction function, DataType argumentType, DataType resultType,
      Integer... arguments) {
    return new AggregateCall(function, List.of(arguments), false, argumentType, resultType,
        function.name().toLowerCase());
  }

  /** The node with the output schema the planner would derive: keys, then results or intermediates. */
  static AggregateNode node(RowSchema input, AggregateStep step, List<Integer> keys, List<AggregateCall> calls) {
    List<Column> columns = new ArrayList<>();
    for (int key : keys) {
      columns.add(input.column(key));
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
    return new AggregateNode(new ValuesNode(List.of(), input), step, keys, calls, new RowSchema(columns));
  }

  private List<VectorSchemaRoot> sample(int batchSize) {
    List<List<Object>> rows = List.of(
        row(1L, "b", new BigDecimal("1.10"), 10L, 1.0, LocalDate.of(2020, 1, 5)),
        row(2L, "a", new BigDecimal("2.00"), null, 2.0, LocalDate.of(2020, 1, 1)),
        row(1L, "c", null, 30L, null, null),
        row(null, "z", new BigDecimal("5.55"), 7L, 4.0, LocalDate.of(1999, 12, 31)),
        row(2L, null, new BigDecimal("-0.01"), 20L, 8.0, LocalDate.of(2021, 6, 1)),
        row(null, "y", new BigDecimal("0.45"), null, null, null));
    return TestTables.batches(allocator, INPUT, rows, batchSize);
  }

  private static List<List<Object>> sorted(List<List<Object>> rows) {
    List<List<Object>> copy = new ArrayList<>(rows);
    copy.sort(Comparator.comparing(row -> String.valueOf(row)));
    return copy;
  }

  @Test
  void groupsByIntegerKeyWithNullsForEveryFunction() {
    List<AggregateCall> calls = List.of(
        call(AggregateFunction.COUNT, DataType.BIGINT, DataType.BIGINT),
        call(AggregateFunction.COUNT, DataType.BIGINT, DataType.BIGINT, 3),
        call(AggregateFunction.SUM, DataType.BIGINT, DataType.BIGINT, 3),
        call(AggregateFunction.SUM, MONEY, DataType.decimal(38, 2), 2),
        call(AggregateFunction.AVG, MONEY, DataType.decimal(19, 6), 2),
        call(AggregateFunction.AVG, DataType.BIGINT, DataType.DOUBLE, 3),
        call(AggregateFunction.AVG, DataType.DOUBLE, DataType.DOUBLE, 4),
        call(AggregateFunction.MIN, DataType.VARCHAR, DataType.VARCHAR, 1),
        call(AggregateFunction.MAX, DataType.DATE, DataType.DATE, 5),
        call(AggregateFunction.MIN, MONEY, MONEY, 2),
        call(AggregateFunction.MAX, DataType.DOUBLE, DataType.DOUBLE, 4));
    List<List<Object>> expected = sorted(List.of(
        row(1L, 2L, 2L, 40L, new BigDecimal("1.10"), new BigDecimal("1.100000"), 20.0, 1.0, "b",
            LocalDate.of(2020, 1, 5), new BigDecimal("1.10"), 1.0),
        row(2L, 2L, 1L, 20L, new BigDecimal("1.99"), new BigDecimal("0.995000"), 20.0, 5.0, "a",
            LocalDate.of(2021, 6, 1), new BigDecimal("-0.01"), 8.0),
        row(null, 2L, 1L, 7L, new BigDecimal("6.00"), new BigDecimal("3.000000"), 7.0, 4.0, "y",
            LocalDate.of(1999, 12, 31), new BigDecimal("0.45"), 4.0)));
    for (int batchSize : new int[] {1, 2, 100}) {
      List<List<Object>> rows = Pipelines.run(sample(batchSize),
          new HashAggregateOperator(node(INPUT, AggregateStep.SINGLE, List.of(0), calls), allocator, 2));
      assertEquals(expected, sorted(rows), "batch size " + batchSize);
    }
  }

  @Test
  void groupsByTextAndMultipleKeys() {
    List<AggregateCall> calls = List.of(call(AggregateFunction.COUNT, DataType.BIGINT, DataType.BIGINT));
    List<List<Object>> byName = Pipelines.run(sample(4),
        new HashAggregateOperator(node(INPUT, AggregateStep.SINGLE, List.of(1), calls), allocator, 1024));
    assertEquals(6, byName.size());
    List<List<Object>> byTwo = Pipelines.run(sample(4),
        new HashAggregateOperator(node(INPUT, AggregateStep.SINGLE, List.of(0, 3), calls), allocator, 1024));
    assertEquals(6, byTwo.size());
    List<List<Object>> byDecimal = Pipelines.run(sample(4),
        new HashAggregateOperator(node(INPUT, AggregateStep.SINGLE, List.of(4, 2), calls), allocator, 1024));
    assertEquals(6, byDecimal.size());
  }

  @Test
  void globalAggregateGivesOneRowOnEmptyInput() {
    List<AggregateCall> calls = List.of(
        call(AggregateFunction.COUNT, DataType.BIGINT, DataType.BIGINT),
        call(AggregateFunction.SUM, DataType.BIGINT, DataType.BIGINT, 3),
        call(AggregateFunction.MAX, DataType.VARCHAR, DataType.VARCHAR, 1));
    for (AggregateStep step : new AggregateStep[] {AggregateStep.SINGLE, AggregateStep.PARTIAL}) {
      List<List<Object>> rows = Pipelines.run(List.of(),
          new HashAggregateOperator(node(INPUT, step, List.of(), calls), allocator, 1024));
      assertEquals(List.of(row(0L, null, null)), rows);
    }
    List<List<Object>> grouped = Pipelines.run(List.of(),
        new HashAggregateOperator(node(INPUT, AggregateStep.SINGLE, List.of(0), calls), allocator, 1024));
    assertEquals(List.of(), grouped);
  }

  @Test
  void partialThenFinalEqualsSingle() {
    List<AggregateCall> calls = List.of(
        call(AggregateFunction.COUNT, DataType.BIGINT, DataType.BIGINT, 3),
        call(AggregateFunction.AVG, MONEY, DataType.decimal(19, 6), 2),
        call(AggregateFunction.MIN, DataType.VARCHAR, DataType.VARCHAR, 1));
    AggregateNode partial = node(INPUT, AggregateStep.PARTIAL, List.of(0), calls);
    List<List<Object>> intermediate = new ArrayList<>();
    List<VectorSchemaRoot> input = sample(2);
    intermediate.addAll(Pipelines.run(input.subList(0, 1), new HashAggregateOperator(partial, allocator, 64)));
    intermediate.addAll(Pipelines.run(input.subList(1, 3), new HashAggregateOperator(partial, allocator, 64)));
    List<AggregateCall> finalCalls = List.of(
        call(AggregateFunction.COUNT, DataType.BIGINT, DataType.BIGINT, 1),
        call(AggregateFunction.AVG, MONEY, DataType.decimal(19, 6), 2, 3),
        call(AggregateFunction.MIN, DataType.VARCHAR, DataType.VARCHAR, 4));
    AggregateNode finalNode = node(partial.outputSchema(), AggregateStep.FINAL, List.of(0), finalCalls);
    List<List<Object>> combined = Pipelines.run(
        List.of(batch(allocator, partial.outputSchema(), intermediate)),
        new HashAggregateOperator(finalNode, allocator, 64));
    List<List<Object>> single = Pipelines.run(sample(3),
        new HashAggregateOperator(node(INPUT, AggregateStep.SINGLE, List.of(0), calls), allocator, 64));
    assertEquals(sorted(single), sorted(combined));
  }

  @Test
  void sumOverflowIsAnError() {
    RowSchema schema = schema("x", DataType.BIGINT);
    List<AggregateCall> calls = List.of(call(AggregateFunction.SUM, DataType.BIGINT, DataType.BIGINT, 0));
    QuiverException error = assertThrows(QuiverException.class, () -> Pipelines.run(
        List.of(batch(allocator, schema, new Object[] {Long.MAX_VALUE}, new Object[] {1L})),
        new HashAggregateOperator(node(schema, AggregateStep.SINGLE, List.of(), calls), allocator, 64)));
    assertEquals(ErrorCode.NUMERIC_OVERFLOW, error.errorCode());
  }

  @Test
  void distinctIsRejected() {
    AggregateCall distinct = new AggregateCall(AggregateFunction.COUNT, List.of(0), true, DataType.BIGINT,
        DataType.BIGINT, "c");
    QuiverException error = assertThrows(QuiverException.class, () -> new HashAggregateOperator(
        node(INPUT, AggregateStep.SINGLE, List.of(), List.of(distinct)), allocator, 64));
    assertEquals(ErrorCode.NOT_SUPPORTED, error.errorCode());
  }

  @Test
  void manyGroupsAcrossTableGrowth() {
    RowSchema schema = schema("k", DataType.BIGINT, "s", DataType.VARCHAR);
    List<List<Object>> rows = new ArrayList<>();
    for (long i = 0; i < 20_000; i++) {
      rows.add(row(i % 5000, "g" + (i % 3000)));
    }
    List<AggregateCall> calls = List.of(call(AggregateFunction.COUNT, DataType.BIGINT, DataType.BIGINT));
    assertEquals(5000, Pipelines.run(TestTables.batches(allocator, schema, rows, 1024),
        new HashAggregateOperator(node(schema, AggregateStep.SINGLE, List.of(0), calls), allocator, 1000)).size());
    List<List<Object>> byText = Pipelines.run(TestTables.batches(allocator, schema, rows, 1024),
        new HashAggregateOperator(node(schema, AggregateStep.SINGLE, List.of(1), calls), allocator, 1000));
    assertEquals(3000, byText.size());
    for (List<Object> row : byText) {
      long group = Long.parseLong(((String) row.get(0)).substring(1));
      assertEquals(group < 2000 ? 7L : 6L, row.get(1));
    }
  }

  @Test
  void inputAfterFinishIsRejected() {
    List<AggregateCall> calls = List.of(call(AggregateFunction.COUNT, DataType.BIGINT, DataType.BIGINT));
    try (HashAggregateOperator aggregate = new HashAggregateOperator(
        node(INPUT, AggregateStep.SINGLE, List.of(0), calls), allocator, 64)) {
      aggregate.finish();
      assertThrows(IllegalStateException.class, () -> aggregate.addInput(sample(10).get(0)));
    }
  }
}
