package io.quiver.exec.operator.window;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quiver.exec.fragment.expression.Literal;
import io.quiver.exec.fragment.node.AggregateFunction;
import io.quiver.exec.fragment.node.ExchangeSourceNode;
import io.quiver.exec.fragment.node.PlanNode;
import io.quiver.exec.fragment.node.SortKey;
import io.quiver.exec.fragment.node.SortNode;
import io.quiver.exec.fragment.node.TableScanNode;
import io.quiver.exec.fragment.node.WindowCall;
import io.quiver.exec.fragment.node.WindowFrame;
import io.quiver.exec.fragment.node.WindowFrame.Bound;
import io.quiver.exec.fragment.node.WindowFrame.BoundKind;
import io.quiver.exec.fragment.node.WindowFunction;
import io.quiver.exec.fragment.node.WindowNode;
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
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Every window function over every kind of frame equals {@link ReferenceWindow}, whatever the
 * number of map and reduce partitions, the batch size, NULLs and duplicates: rows go through a
 * hash exchange on the partition keys (a gather without them), a sort, and the window operator, as
 * the planner arranges them. Windows whose result depends on the order of tied rows get a unique
 * last ORDER BY key; the others order by one key with ties, and RANGE frames with offsets.
 */
class WindowProperties {

  private static final DataType MONEY = DataType.decimal(12, 2);
  static final RowSchema TABLE = TestTables.schema("id", DataType.BIGINT, "p", DataType.INTEGER,
      "q", DataType.VARCHAR, "o", DataType.INTEGER, "v", DataType.BIGINT, "d", DataType.DOUBLE, "m", MONEY,
      "dt", DataType.DATE, "s", DataType.VARCHAR);
  private static final int ID = 0;
  private static final int Q = 2;
  private static final int O = 3;
  private static final int V = 4;
  private static final int D = 5;
  private static final int M = 6;
  private static final int DT = 7;
  private static final int S = 8;

  @Provide
  Arbitrary<List<List<Object>>> tables() {
    Arbitrary<Object> p = Arbitraries.integers().between(-2, 2).map(i -> (Object) (long) i).injectNull(0.15);
    Arbitrary<Object> q = Arbitraries.of("a", "b", "ü").map(s -> (Object) s).injectNull(0.1);
    Arbitrary<Object> o = Arbitraries.integers().between(-3, 3).map(i -> (Object) (long) i).injectNull(0.15);
    Arbitrary<Object> v = Arbitraries.longs().between(-1000, 1000).map(x -> (Object) x).injectNull(0.2);
    Arbitrary<Object> d = Arbitraries.integers().between(-40, 40).map(i -> (Object) (i / 2.0)).injectNull(0.2);
    Arbitrary<Object> m = Arbitraries.longs().between(-2000, 2000).map(x -> (Object) BigDecimal.valueOf(x, 2))
        .injectNull(0.2);
    Arbitrary<Object> dt = Arbitraries.integers().between(0, 120).map(x -> (Object) LocalDate.of(2020, 1, 1)
        .plusDays(x * 7L)).injectNull(0.15);
    Arbitrary<Object> s = Arbitraries.of("x", "y", "xy", "", "ünï").map(x -> (Object) x).injectNull(0.2);
    Arbitrary<List<Object>> row = Combinators.combine(p, q, o, v, d, m, dt, s)
        .as((a, b, c, e, f, g, h, i) -> Arrays.asList(null, a, b, c, e, f, g, h, i));
    return row.list().ofMaxSize(200).map(rows -> {
      for (int i = 0; i < rows.size(); i++) {
        rows.get(i).set(ID, (long) i);
      }
      return rows;
    });
  }

  @Property(tries = 150)
  void windowEqualsReference(@ForAll("tables") List<List<Object>> rows, @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 4) int mapPartitions, @ForAll @IntRange(min = 1, max = 4) int reducePartitions,
      @ForAll @IntRange(min = 1, max = 40) int batchSize) {
    Random random = new Random(seed);
    List<Integer> partitionKeys = List.of(List.<Integer>of(), List.of(1), List.of(2), List.of(1, 2))
        .get(random.nextInt(4));
    boolean ties = random.nextBoolean();
    List<SortKey> orderKeys = new ArrayList<>();
    List<WindowCall> calls = new ArrayList<>();
    if (ties) {
      if (random.nextInt(5) > 0) {
        orderKeys.add(sortKey(List.of(O, M, D, DT).get(random.nextInt(4)), random));
      }
      tiedCalls(orderKeys, random, calls);
    } else {
      for (int key : List.of(O, M, DT, S)) {
        if (random.nextInt(3) == 0) {
          orderKeys.add(sortKey(key, random));
        }
      }
      orderKeys.add(new SortKey(ID, random.nextBoolean(), random.nextBoolean()));
      orderedCalls(random, calls);
    }
    List<List<Object>> expected = ReferenceWindow.evaluate(rows, partitionKeys, orderKeys, calls);
    List<List<Object>> actual;
    try (TaskHarness harness = new TaskHarness("window")) {
      harness.data.add("t", rows);
      harness.batchSize = batchSize;
      TableScanNode scan = new TableScanNode(InMemoryDataSource.handle("t"), List.of(0, 1, 2, 3, 4, 5, 6, 7, 8),
          mapPartitions, TABLE);
      int partitions = partitionKeys.isEmpty() ? 1 : reducePartitions;
      OutputPartitioning exchange = partitionKeys.isEmpty() ? new OutputPartitioning.Single()
          : new OutputPartitioning.Hash(partitionKeys, partitions);
      harness.runStage(new StageFragment(0, scan, mapPartitions, exchange, List.of()), null, null);
      PlanNode source = new ExchangeSourceNode(0, mapPartitions, false, TABLE);
      List<SortKey> sortKeys = new ArrayList<>();
      for (int key : partitionKeys) {
        sortKeys.add(new SortKey(key, true, false));
      }
      sortKeys.addAll(orderKeys);
      WindowNode window = window(new SortNode(source, sortKeys), partitionKeys, orderKeys, calls);
      CollectingResultSink sink = new CollectingResultSink();
      harness.runStage(new StageFragment(1, window, partitions, new OutputPartitioning.Result(), List.of(0)), sink,
          null);
      actual = sink.rows();
    }
    List<List<Object>> want = sorted(expected);
    List<List<Object>> got = sorted(actual);
    String description = "partition " + partitionKeys + " order " + orderKeys + " calls "
        + calls.stream().map(WindowCall::describe).toList();
    assertEquals(want.size(), got.size(), description);
    for (int i = 0; i < want.size(); i++) {
      if (!ReferenceWindow.sameRow(want.get(i), got.get(i))) {
        assertEquals(want.get(i), got.get(i), description);
      }
    }
  }

  static WindowNode window(PlanNode input, List<Integer> partitionKeys, List<SortKey> orderKeys,
      List<WindowCall> calls) {
    List<Column> columns = new ArrayList<>(input.outputSchema().columns());
    for (WindowCall call : calls) {
      columns.add(new Column(call.name(), call.resultType(), true));
    }
    return new WindowNode(input, partitionKeys, orderKeys, calls, new RowSchema(columns));
  }

  private static SortKey sortKey(int column, Random random) {
    return new SortKey(column, random.nextBoolean(), random.nextBoolean());
  }

  /** Functions whose values do not depend on how tied rows are ordered, over RANGE frames. */
  private static void tiedCalls(List<SortKey> orderKeys, Random random, List<WindowCall> calls) {
    for (WindowFunction function : List.of(WindowFunction.RANK, WindowFunction.DENSE_RANK,
        WindowFunction.PERCENT_RANK, WindowFunction.CUME_DIST)) {
      DataType type = function == WindowFunction.PERCENT_RANK || function == WindowFunction.CUME_DIST
          ? DataType.DOUBLE : DataType.BIGINT;
      calls.add(WindowCall.of(function, List.of(), null, type, name(calls)));
    }
    for (int i = 0; i < 6; i++) {
      WindowFrame frame = rangeFrame(orderKeys, random);
      calls.add(randomAggregate(frame, random, name(calls)));
    }
    for (int i = 0; i < 3; i++) {
      calls.add(definedAggregate(rangeFrame(orderKeys, random), random, false, name(calls)));
    }
    if (!orderKeys.isEmpty()) {
      int key = orderKeys.get(0).column();
      DataType type = TABLE.column(key).type();
      calls.add(new WindowCall(WindowFunction.FIRST_VALUE, null, List.of(key), null, rangeFrame(orderKeys, random),
          random.nextBoolean(), type, type, name(calls)));
      calls.add(new WindowCall(WindowFunction.LAST_VALUE, null, List.of(key), null, rangeFrame(orderKeys, random),
          random.nextBoolean(), type, type, name(calls)));
    }
  }

  /** Every function, over ROWS frames and RANGE frames without offsets; the order is total. */
  private static void orderedCalls(Random random, List<WindowCall> calls) {
    calls.add(WindowCall.of(WindowFunction.ROW_NUMBER, List.of(), null, DataType.BIGINT, name(calls)));
    calls.add(WindowCall.of(WindowFunction.RANK, List.of(), null, DataType.BIGINT, name(calls)));
    calls.add(WindowCall.of(WindowFunction.CUME_DIST, List.of(), null, DataType.DOUBLE, name(calls)));
    Long buckets = random.nextInt(8) == 0 ? null : (long) List.of(1, 2, 3, 5, 100).get(random.nextInt(5));
    calls.add(new WindowCall(WindowFunction.NTILE, null, List.of(), buckets, WindowFrame.DEFAULT, false, null,
        DataType.INTEGER, name(calls)));
    for (int i = 0; i < 3; i++) {
      int column = List.of(V, S, M, DT).get(random.nextInt(4));
      DataType type = TABLE.column(column).type();
      List<Integer> arguments = column == V && random.nextBoolean() ? List.of(V, ID) : List.of(column);
      Long offset = random.nextInt(10) == 0 ? null : (long) (random.nextInt(7) - 2);
      WindowFunction function = random.nextBoolean() ? WindowFunction.LAG : WindowFunction.LEAD;
      calls.add(new WindowCall(function, null, arguments, offset, WindowFrame.DEFAULT, random.nextBoolean(), type, type,
          name(calls)));
    }
    for (int i = 0; i < 4; i++) {
      int column = List.of(V, S, M, DT, D).get(random.nextInt(5));
      DataType type = TABLE.column(column).type();
      WindowFunction function = List.of(WindowFunction.FIRST_VALUE, WindowFunction.LAST_VALUE,
          WindowFunction.NTH_VALUE).get(random.nextInt(3));
      Long n = function == WindowFunction.NTH_VALUE ? (random.nextInt(8) == 0 ? null : 1L + random.nextInt(3)) : null;
      calls.add(new WindowCall(function, null, List.of(column), n, rowsFrame(random), random.nextBoolean(), type, type,
          name(calls)));
    }
    for (int i = 0; i < 8; i++) {
      WindowFrame frame = random.nextInt(4) == 0 ? rangeFrame(List.of(), random) : rowsFrame(random);
      calls.add(randomAggregate(frame, random, name(calls)));
    }
    for (int i = 0; i < 4; i++) {
      WindowFrame frame = random.nextInt(4) == 0 ? rangeFrame(List.of(), random) : rowsFrame(random);
      calls.add(definedAggregate(frame, random, true, name(calls)));
    }
  }

  /**
   * An aggregate that {@link AccumulatorEvaluator} computes through its definition's accumulator;
   * STRING_AGG (whose value depends on the order of tied rows) only when {@code ordered}.
   */
  private static WindowCall definedAggregate(WindowFrame frame, Random random, boolean ordered, String name) {
    int choice = random.nextInt(ordered ? 12 : 11);
    AggregateFunction[] variances = {AggregateFunction.VAR_POP, AggregateFunction.VAR_SAMP,
        AggregateFunction.STDDEV_POP, AggregateFunction.STDDEV_SAMP};
    AggregateFunction[] covariances = {AggregateFunction.COVAR_POP, AggregateFunction.COVAR_SAMP,
        AggregateFunction.CORR};
    switch (choice) {
      case 0, 1, 2, 3: {
        int column = List.of(V, D, M).get(random.nextInt(3));
        return WindowCall.aggregate(variances[choice], List.of(column), frame, TABLE.column(column).type(),
            DataType.DOUBLE, name);
      }
      case 4, 5, 6: {
        List<Integer> arguments = random.nextBoolean() ? List.of(V, D) : List.of(D, M);
        return WindowCall.aggregate(covariances[choice - 4], arguments, frame, TABLE.column(arguments.get(0)).type(),
            DataType.DOUBLE, name);
      }
      case 7:
        return WindowCall.aggregate(AggregateFunction.PERCENTILE_CONT, List.of(D), frame, DataType.DOUBLE,
            DataType.DOUBLE, name);
      case 8: {
        int column = List.of(V, M, DT).get(random.nextInt(3));
        DataType type = TABLE.column(column).type();
        return WindowCall.aggregate(AggregateFunction.PERCENTILE_DISC, List.of(column), frame, type, type, name);
      }
      case 9, 10:
        // over the five values of s, which fall in five registers of the sketch: exact for every frame
        // (over thousands of values a sketch is not, so neither could the reference be)
        return WindowCall.aggregate(AggregateFunction.APPROX_COUNT_DISTINCT, List.of(S), frame, DataType.VARCHAR,
            DataType.BIGINT, name);
      default:
        return WindowCall.aggregate(AggregateFunction.STRING_AGG, List.of(S, Q), frame, DataType.VARCHAR,
            DataType.VARCHAR, name);
    }
  }

  private static WindowCall randomAggregate(WindowFrame frame, Random random, String name) {
    switch (random.nextInt(12)) {
      case 0:
        return WindowCall.aggregate(AggregateFunction.COUNT, List.of(), frame, DataType.BIGINT, DataType.BIGINT, name);
      case 1:
        return WindowCall.aggregate(AggregateFunction.COUNT, List.of(S), frame, DataType.VARCHAR, DataType.BIGINT,
            name);
      case 2:
        return WindowCall.aggregate(AggregateFunction.SUM, List.of(V), frame, DataType.BIGINT, DataType.BIGINT, name);
      case 3:
        return WindowCall.aggregate(AggregateFunction.SUM, List.of(M), frame, MONEY, DataType.decimal(38, 2), name);
      case 4:
        return WindowCall.aggregate(AggregateFunction.SUM, List.of(D), frame, DataType.DOUBLE, DataType.DOUBLE, name);
      case 5:
        return WindowCall.aggregate(AggregateFunction.AVG, List.of(V), frame, DataType.BIGINT, DataType.DOUBLE, name);
      case 6:
        return WindowCall.aggregate(AggregateFunction.AVG, List.of(M), frame, MONEY, DataType.decimal(16, 6), name);
      case 7:
        return WindowCall.aggregate(AggregateFunction.AVG, List.of(D), frame, DataType.DOUBLE, DataType.DOUBLE, name);
      case 8:
        return WindowCall.aggregate(AggregateFunction.MIN, List.of(S), frame, DataType.VARCHAR, DataType.VARCHAR, name);
      case 9:
        return WindowCall.aggregate(AggregateFunction.MAX, List.of(DT), frame, DataType.DATE, DataType.DATE, name);
      case 10:
        return WindowCall.aggregate(AggregateFunction.MIN, List.of(M), frame, MONEY, MONEY, name);
      default:
        return WindowCall.aggregate(AggregateFunction.MAX, List.of(D), frame, DataType.DOUBLE, DataType.DOUBLE, name);
    }
  }

  private static WindowFrame rowsFrame(Random random) {
    BoundKind[] starts = {BoundKind.UNBOUNDED_PRECEDING, BoundKind.PRECEDING, BoundKind.CURRENT_ROW,
        BoundKind.FOLLOWING};
    BoundKind[] ends = {BoundKind.PRECEDING, BoundKind.CURRENT_ROW, BoundKind.FOLLOWING,
        BoundKind.UNBOUNDED_FOLLOWING};
    return new WindowFrame(WindowFrame.Unit.ROWS, rowsBound(starts[random.nextInt(4)], random),
        rowsBound(ends[random.nextInt(4)], random));
  }

  private static Bound rowsBound(BoundKind kind, Random random) {
    if (kind == BoundKind.PRECEDING || kind == BoundKind.FOLLOWING) {
      long offset = random.nextInt(10) == 0 ? Long.MAX_VALUE : random.nextInt(5);
      return new Bound(kind, Literal.ofLong(offset, DataType.BIGINT));
    }
    return Bound.of(kind);
  }

  /** A RANGE frame; with offsets only over one ORDER BY key, of a type that fits the key. */
  private static WindowFrame rangeFrame(List<SortKey> orderKeys, Random random) {
    BoundKind[] starts = {BoundKind.UNBOUNDED_PRECEDING, BoundKind.PRECEDING, BoundKind.CURRENT_ROW,
        BoundKind.FOLLOWING};
    BoundKind[] ends = {BoundKind.PRECEDING, BoundKind.CURRENT_ROW, BoundKind.FOLLOWING,
        BoundKind.UNBOUNDED_FOLLOWING};
    boolean offsets = orderKeys.size() == 1;
    BoundKind start = starts[random.nextInt(4)];
    BoundKind end = ends[random.nextInt(4)];
    if (!offsets) {
      start = start == BoundKind.UNBOUNDED_PRECEDING ? start : BoundKind.CURRENT_ROW;
      end = end == BoundKind.UNBOUNDED_FOLLOWING ? end : BoundKind.CURRENT_ROW;
    }
    return new WindowFrame(WindowFrame.Unit.RANGE, rangeBound(start, orderKeys, random),
        rangeBound(end, orderKeys, random));
  }

  private static Bound rangeBound(BoundKind kind, List<SortKey> orderKeys, Random random) {
    if (kind != BoundKind.PRECEDING && kind != BoundKind.FOLLOWING) {
      return Bound.of(kind);
    }
    int key = orderKeys.get(0).column();
    Literal offset = switch (key) {
      case O -> Literal.ofLong(random.nextInt(4), DataType.INTEGER);
      case M -> Literal.ofDecimal(BigDecimal.valueOf(random.nextInt(600), 2), DataType.decimal(5, 2));
      case D -> Literal.ofDouble(random.nextInt(8) / 2.0);
      default -> random.nextBoolean()
          ? Literal.ofLong(random.nextInt(40) * 86_400_000_000L, DataType.INTERVAL_DAY_TIME)
          : Literal.ofLong(random.nextInt(3), DataType.INTERVAL_YEAR_MONTH);
    };
    return new Bound(kind, offset);
  }

  private static String name(List<WindowCall> calls) {
    return "w" + calls.size();
  }

  private static List<List<Object>> sorted(List<List<Object>> rows) {
    List<List<Object>> copy = new ArrayList<>(rows);
    copy.sort(Comparator.comparing(row -> (Long) row.get(ID)));
    return copy;
  }
}
