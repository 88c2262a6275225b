package io.quiver.exec.operator.aggregate;

import static io.quiver.exec.operator.aggregate.HashAggregateOperatorTest.node;
import static io.quiver.exec.testing.TestTables.batch;
import static io.quiver.exec.testing.TestTables.row;
import static io.quiver.exec.testing.TestTables.schema;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.fragment.node.AggregateCall;
import io.quiver.exec.fragment.node.AggregateFunction;
import io.quiver.exec.fragment.node.AggregateNode;
import io.quiver.exec.fragment.node.AggregateStep;
import io.quiver.exec.fragment.node.SortKey;
import io.quiver.exec.testing.Pipelines;
import io.quiver.exec.testing.TestTables;
import io.quiver.exec.type.DataType;
import io.quiver.exec.type.RowSchema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The aggregates beyond count/sum/avg/min/max, directly on the operator: exact against plain-Java
 * references, PARTIAL + FINAL equal to SINGLE, FILTER, empty groups, and no leaked memory.
 */
class StatisticalAggregatesTest {

  private static final RowSchema INPUT = schema("g", DataType.INTEGER, "x", DataType.BIGINT, "y", DataType.DOUBLE,
      "d", DataType.decimal(10, 2), "s", DataType.VARCHAR, "f", DataType.BOOLEAN);

  private final RootAllocator allocator = new RootAllocator(64L << 20);

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  private static AggregateCall call(AggregateFunction function, DataType argument, DataType result,
      List<Integer> arguments, int filter, List<SortKey> orderBy) {
    return new AggregateCall(function, arguments, false, argument, result, function.name().toLowerCase(), filter,
        orderBy);
  }

  private static AggregateCall call(AggregateFunction function, DataType argument, DataType result,
      Integer... arguments) {
    return call(function, argument, result, List.of(arguments), -1, List.of());
  }

  private List<List<Object>> rows(Random random, int count) {
    List<List<Object>> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      rows.add(row((long) random.nextInt(4), random.nextInt(7) == 0 ? null : (long) random.nextInt(1000) - 500,
          random.nextInt(9) == 0 ? null : random.nextGaussian() * 1e3 + 1e6,
          random.nextInt(5) == 0 ? null : BigDecimal.valueOf(random.nextInt(100000) - 50000, 2),
          random.nextInt(6) == 0 ? null : "v" + random.nextInt(30),
          random.nextInt(4) == 0 ? null : random.nextBoolean()));
    }
    return rows;
  }

  private List<List<Object>> single(List<List<Object>> rows, List<AggregateCall> calls, int batchSize) {
    return sorted(Pipelines.run(TestTables.batches(allocator, INPUT, rows, batchSize),
        new HashAggregateOperator(node(INPUT, AggregateStep.SINGLE, List.of(0), calls), allocator, 7)));
  }

  private static List<List<Object>> sorted(List<List<Object>> rows) {
    List<List<Object>> copy = new ArrayList<>(rows);
    copy.sort(Comparator.comparing(row -> String.valueOf(row.get(0))));
    return copy;
  }

  @Test
  void varianceFamilyMatchesTwoPassReference() {
    List<List<Object>> rows = rows(new Random(3), 2000);
    List<AggregateCall> calls = List.of(
        call(AggregateFunction.VAR_POP, DataType.BIGINT, DataType.DOUBLE, 1),
        call(AggregateFunction.VAR_SAMP, DataType.DOUBLE, DataType.DOUBLE, 2),
        call(AggregateFunction.STDDEV_POP, DataType.decimal(10, 2), DataType.DOUBLE, 3),
        call(AggregateFunction.STDDEV_SAMP, DataType.BIGINT, DataType.DOUBLE, 1));
    for (List<Object> result : single(rows, calls, 300)) {
      long group = (Long) result.get(0);
      List<Double> xs = column(rows, group, 1);
      List<Double> ys = column(rows, group, 2);
      List<Double> ds = column(rows, group, 3);
      assertClose(m2(xs) / xs.size(), (Double) result.get(1));
      assertClose(m2(ys) / (ys.size() - 1), (Double) result.get(2));
      assertClose(Math.sqrt(m2(ds) / ds.size()), (Double) result.get(3));
      assertClose(Math.sqrt(m2(xs) / (xs.size() - 1)), (Double) result.get(4));
    }
  }

  @Test
  void covarianceAndCorrelationMatchReference() {
    List<List<Object>> rows = rows(new Random(5), 1500);
    List<AggregateCall> calls = List.of(
        call(AggregateFunction.COVAR_POP, DataType.DOUBLE, DataType.DOUBLE, 2, 1),
        call(AggregateFunction.COVAR_SAMP, DataType.DOUBLE, DataType.DOUBLE, 2, 1),
        call(AggregateFunction.CORR, DataType.DOUBLE, DataType.DOUBLE, 2, 1));
    for (List<Object> result : single(rows, calls, 256)) {
      long group = (Long) result.get(0);
      List<double[]> pairs = new ArrayList<>();
      for (List<Object> row : rows) {
        if ((Long) row.get(0) == group && row.get(1) != null && row.get(2) != null) {
          pairs.add(new double[] {(Double) row.get(2), ((Long) row.get(1)).doubleValue()});
        }
      }
      double meanY = pairs.stream().mapToDouble(p -> p[0]).average().orElseThrow();
      double meanX = pairs.stream().mapToDouble(p -> p[1]).average().orElseThrow();
      double c = pairs.stream().mapToDouble(p -> (p[0] - meanY) * (p[1] - meanX)).sum();
      double sy = pairs.stream().mapToDouble(p -> (p[0] - meanY) * (p[0] - meanY)).sum();
      double sx = pairs.stream().mapToDouble(p -> (p[1] - meanX) * (p[1] - meanX)).sum();
      assertClose(c / pairs.size(), (Double) result.get(1));
      assertClose(c / (pairs.size() - 1), (Double) result.get(2));
      assertClose(c / Math.sqrt(sy * sx), (Double) result.get(3));
    }
  }

  @Test
  void partialStatesMergeToTheSingleStepAnswer() {
    List<List<Object>> rows = rows(new Random(9), 900);
    List<AggregateCall> calls = List.of(
        call(AggregateFunction.VAR_SAMP, DataType.DOUBLE, DataType.DOUBLE, 2),
        call(AggregateFunction.COVAR_SAMP, DataType.DOUBLE, DataType.DOUBLE, 2, 3),
        call(AggregateFunction.APPROX_COUNT_DISTINCT, DataType.VARCHAR, DataType.BIGINT, 4),
        call(AggregateFunction.MIN, DataType.BOOLEAN, DataType.BOOLEAN, 5));
    AggregateNode partial = node(INPUT, AggregateStep.PARTIAL, List.of(0), calls);
    List<List<Object>> intermediate = new ArrayList<>();
    for (int part = 0; part < 3; part++) {
      intermediate.addAll(Pipelines.run(TestTables.batches(allocator, INPUT, rows.subList(part * 300, part * 300 + 300),
          64), new HashAggregateOperator(partial, allocator, 16)));
    }
    List<AggregateCall> finals = List.of(
        call(AggregateFunction.VAR_SAMP, DataType.DOUBLE, DataType.DOUBLE, 1, 2, 3),
        call(AggregateFunction.COVAR_SAMP, DataType.DOUBLE, DataType.DOUBLE, 4, 5, 6, 7, 8, 9),
        call(AggregateFunction.APPROX_COUNT_DISTINCT, DataType.VARCHAR, DataType.BIGINT, 10),
        call(AggregateFunction.MIN, DataType.BOOLEAN, DataType.BOOLEAN, 11));
    List<List<Object>> merged = sorted(Pipelines.run(List.of(batch(allocator, partial.outputSchema(), intermediate)),
        new HashAggregateOperator(node(partial.outputSchema(), AggregateStep.FINAL, List.of(0), finals), allocator, 16)));
    List<List<Object>> direct = single(rows, calls, 100);
    assertEquals(direct.size(), merged.size());
    for (int i = 0; i < direct.size(); i++) {
      assertClose((Double) direct.get(i).get(1), (Double) merged.get(i).get(1));
      assertClose((Double) direct.get(i).get(2), (Double) merged.get(i).get(2));
      assertEquals(direct.get(i).get(3), merged.get(i).get(3));
      assertEquals(direct.get(i).get(4), merged.get(i).get(4));
    }
  }

  @Test
  void approxCountDistinctIsCloseForSmallAndLargeCounts() {
    RowSchema schema = schema("g", DataType.INTEGER, "v", DataType.BIGINT);
    List<List<Object>> rows = new ArrayList<>();
    for (long i = 0; i < 100_000; i++) {
      rows.add(row(0L, i % 50_000));
      rows.add(row(1L, i % 120));
    }
    AggregateCall approx = call(AggregateFunction.APPROX_COUNT_DISTINCT, DataType.BIGINT, DataType.BIGINT, 1);
    List<List<Object>> result = sorted(Pipelines.run(TestTables.batches(allocator, schema, rows, 8192),
        new HashAggregateOperator(node(schema, AggregateStep.SINGLE, List.of(0), List.of(approx)), allocator, 16)));
    long large = (Long) result.get(0).get(1);
    // 2.3% standard error: 4 standard errors is far outside what a fixed seed-free hash gives.
    assertEquals(50_000, large, 50_000 * 0.092);
    assertEquals(120, (Long) result.get(1).get(1), 3);
  }

  @Test
  void filterRestrictsEveryKindOfCall() {
    List<List<Object>> rows = rows(new Random(11), 400);
    List<AggregateCall> calls = List.of(
        call(AggregateFunction.COUNT, DataType.BIGINT, DataType.BIGINT, List.of(), 5, List.of()),
        call(AggregateFunction.SUM, DataType.BIGINT, DataType.BIGINT, List.of(1), 5, List.of()),
        call(AggregateFunction.VAR_POP, DataType.BIGINT, DataType.DOUBLE, List.of(1), 5, List.of()));
    for (List<Object> result : single(rows, calls, 33)) {
      long group = (Long) result.get(0);
      List<List<Object>> passing = rows.stream()
          .filter(row -> (Long) row.get(0) == group && Boolean.TRUE.equals(row.get(5))).toList();
      List<Double> xs = new ArrayList<>();
      passing.forEach(row -> {
        if (row.get(1) != null) {
          xs.add(((Long) row.get(1)).doubleValue());
        }
      });
      assertEquals((long) passing.size(), result.get(1));
      assertEquals(xs.stream().mapToLong(Double::longValue).sum(), result.get(2));
      assertClose(m2(xs) / xs.size(), (Double) result.get(3));
    }
  }

  @Test
  void stringAggJoinsInOrderAndPercentilesPickOrInterpolate() {
    RowSchema schema = schema("g", DataType.INTEGER, "s", DataType.VARCHAR, "sep", DataType.VARCHAR,
        "x", DataType.BIGINT, "f", DataType.DOUBLE);
    List<List<Object>> rows = List.of(
        row(1L, "c", ", ", 3L, 0.5), row(1L, "a", ", ", 1L, 0.5), row(1L, null, ", ", null, 0.5),
        row(1L, "b", "; ", 2L, 0.5), row(1L, "d", ", ", 10L, 0.5), row(2L, null, "-", null, 0.25));
    List<AggregateCall> calls = List.of(
        call(AggregateFunction.STRING_AGG, DataType.VARCHAR, DataType.VARCHAR, List.of(1, 2), -1,
            List.of(new SortKey(1, true, false))),
        call(AggregateFunction.STRING_AGG, DataType.VARCHAR, DataType.VARCHAR, List.of(1, 2), -1,
            List.of(new SortKey(3, false, true))),
        call(AggregateFunction.PERCENTILE_CONT, DataType.BIGINT, DataType.DOUBLE, List.of(3, 4), -1,
            List.of(new SortKey(3, true, false))),
        call(AggregateFunction.PERCENTILE_DISC, DataType.BIGINT, DataType.BIGINT, List.of(3, 4), -1,
            List.of(new SortKey(3, true, false))),
        call(AggregateFunction.PERCENTILE_CONT, DataType.BIGINT, DataType.DOUBLE, List.of(3), -1, List.of()));
    for (int batchSize : new int[] {1, 2, 64}) {
      List<List<Object>> result = sorted(Pipelines.run(TestTables.batches(allocator, schema, rows, batchSize),
          new HashAggregateOperator(node(schema, AggregateStep.SINGLE, List.of(0), calls), allocator, 1)));
      assertEquals(row(1L, "a; b, c, d", "d, c; b, a", 2.5, 2L, 2.5), result.get(0), "batch size " + batchSize);
      assertEquals(row(2L, null, null, null, null, null), result.get(1));
    }
  }

  @Test
  void percentileFractionOutsideZeroToOneFails() {
    RowSchema schema = schema("g", DataType.INTEGER, "x", DataType.BIGINT, "f", DataType.DOUBLE);
    AggregateCall percentile = call(AggregateFunction.PERCENTILE_CONT, DataType.BIGINT, DataType.DOUBLE,
        List.of(1, 2), -1, List.of(new SortKey(1, true, false)));
    QuiverException error = assertThrows(QuiverException.class, () -> Pipelines.run(
        List.of(batch(allocator, schema, List.of(row(1L, 5L, 1.5)))),
        new HashAggregateOperator(node(schema, AggregateStep.SINGLE, List.of(0), List.of(percentile)), allocator, 4)));
    assertEquals(ErrorCode.PERCENTILE_OUT_OF_RANGE, error.errorCode());
  }

  @Test
  void orderedAggregatesRefuseToSplitAndDistinctIsRefused() {
    AggregateCall stringAgg = call(AggregateFunction.STRING_AGG, DataType.VARCHAR, DataType.VARCHAR, 4);
    QuiverException partial = assertThrows(QuiverException.class,
        () -> AggregateDefinitions.accumulator(stringAgg, AggregateStep.PARTIAL, allocator));
    assertEquals(ErrorCode.INTERNAL_ERROR, partial.errorCode());
    AggregateCall distinct = new AggregateCall(AggregateFunction.COUNT, List.of(1), true, DataType.BIGINT,
        DataType.BIGINT, "count");
    QuiverException error = assertThrows(QuiverException.class, () -> new HashAggregateOperator(
        node(INPUT, AggregateStep.SINGLE, List.of(0), List.of(distinct)), allocator, 4));
    assertEquals(ErrorCode.NOT_SUPPORTED, error.errorCode());
  }

  @Test
  void stateIsChargedToTheAllocatorAndReleasedOnClose() {
    try (RootAllocator small = new RootAllocator(64 * 1024)) {
      RowSchema schema = schema("g", DataType.BIGINT, "v", DataType.BIGINT);
      List<List<Object>> rows = new ArrayList<>();
      for (long i = 0; i < 200; i++) {
        rows.add(row(i, i));
      }
      AggregateCall approx = call(AggregateFunction.APPROX_COUNT_DISTINCT, DataType.BIGINT, DataType.BIGINT, 1);
      List<VectorSchemaRoot> input = TestTables.batches(allocator, schema, rows, 50);
      HashAggregateOperator operator = new HashAggregateOperator(
          node(schema, AggregateStep.SINGLE, List.of(0), List.of(approx)), small, 16);
      QuiverException error = assertThrows(QuiverException.class, () -> Pipelines.run(input, operator));
      assertEquals(ErrorCode.MEMORY_LIMIT_EXCEEDED, error.errorCode());
      operator.close();
      assertEquals(0, small.getAllocatedMemory());
    }
  }

  private static List<Double> column(List<List<Object>> rows, long group, int column) {
    List<Double> values = new ArrayList<>();
    for (List<Object> row : rows) {
      if ((Long) row.get(0) == group && row.get(column) != null) {
        Object value = row.get(column);
        values.add(value instanceof BigDecimal decimal ? decimal.doubleValue() : ((Number) value).doubleValue());
      }
    }
    return values;
  }

  /** The sum of squared deviations from the mean, in two passes. */
  private static double m2(List<Double> values) {
    double mean = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    return values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
  }

  private static void assertClose(double expected, Double actual) {
    if (Double.isNaN(expected)) {
      assertNull(actual);
      return;
    }
    assertEquals(expected, actual, Math.abs(expected) * 1e-9 + 1e-9);
  }
}
