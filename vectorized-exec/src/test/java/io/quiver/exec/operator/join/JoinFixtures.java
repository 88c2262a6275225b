package io.quiver.exec.operator.join;

import io.quiver.exec.fragment.expression.Call;
import io.quiver.exec.fragment.expression.Expression;
import io.quiver.exec.fragment.expression.InputReference;
import io.quiver.exec.fragment.expression.ScalarFunction;
import io.quiver.exec.fragment.node.HashJoinNode;
import io.quiver.exec.fragment.node.JoinType;
import io.quiver.exec.fragment.node.ValuesNode;
import io.quiver.exec.operator.Driver;
import io.quiver.exec.operator.Operator;
import io.quiver.exec.task.CancellationToken;
import io.quiver.exec.testing.CollectingSink;
import io.quiver.exec.testing.ListSourceOperator;
import io.quiver.exec.testing.TestTables;
import io.quiver.exec.type.Column;
import io.quiver.exec.type.DataType;
import io.quiver.exec.type.RowSchema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiFunction;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Schemas, join nodes and a runner shared by the join tests. */
final class JoinFixtures {

  static final DataType MONEY = DataType.decimal(15, 2);
  static final RowSchema PROBE = TestTables.schema("k", DataType.BIGINT, "v", DataType.BIGINT, "s", DataType.VARCHAR,
      "d", MONEY);
  static final RowSchema BUILD = TestTables.schema("bk", DataType.BIGINT, "w", DataType.BIGINT, "t",
      DataType.VARCHAR, "e", MONEY);
  static final int P = PROBE.size();

  private JoinFixtures() {
  }

  /** A residual condition and the same condition in plain Java (TRUE, FALSE or null for NULL). */
  record Residual(String name, Expression expression, BiFunction<List<Object>, List<Object>, Boolean> reference) {
    @Override
    public String toString() {
      return name;
    }
  }

  static final Residual NONE = new Residual("none", null, (p, b) -> true);
  /** probe.v < build.w */
  static final Residual LESS = new Residual("v < w",
      Call.of(ScalarFunction.LESS_THAN, DataType.BOOLEAN, new InputReference(1, DataType.BIGINT),
          new InputReference(P + 1, DataType.BIGINT)),
      (p, b) -> p.get(1) == null || b.get(1) == null ? null : (Long) p.get(1) < (Long) b.get(1));
  /** probe.s <> build.t */
  static final Residual TEXT_DIFFERS = new Residual("s <> t",
      Call.of(ScalarFunction.NOT_EQUAL, DataType.BOOLEAN, new InputReference(2, DataType.VARCHAR),
          new InputReference(P + 2, DataType.VARCHAR)),
      (p, b) -> p.get(2) == null || b.get(2) == null ? null : !p.get(2).equals(b.get(2)));

  static List<Residual> residuals() {
    return List.of(NONE, LESS, TEXT_DIFFERS);
  }

  static RowSchema outputSchema(JoinType type) {
    List<Column> columns = new ArrayList<>(PROBE.columns());
    if (!type.probeColumnsOnly()) {
      columns.addAll(BUILD.columns());
    }
    return new RowSchema(columns);
  }

  static HashJoinNode node(JoinType type, List<Integer> probeKeys, List<Integer> buildKeys, Expression residual) {
    return new HashJoinNode(new ValuesNode(List.of(), PROBE), new ValuesNode(List.of(), BUILD), type, probeKeys,
        buildKeys, residual, outputSchema(type));
  }

  /** What a run produced: the rows, and the row count of each output batch. */
  record Result(List<List<Object>> rows, List<Integer> batchSizes) {
  }

  /** Runs the join with a driver over batches cut from the given rows; every batch is released. */
  static Result run(BufferAllocator allocator, HashJoinNode node, List<List<Object>> probeRows,
      List<List<Object>> buildRows, int inputBatchSize, int outputBatchSize, CancellationToken cancellation) {
    return run(allocator, node, probeRows, buildRows, inputBatchSize, outputBatchSize, cancellation,
        BuildRows.DEFAULT_CHUNK_SHIFT);
  }

  /** As above, with build chunks of {@code 2^chunkShift} rows. */
  static Result run(BufferAllocator allocator, HashJoinNode node, List<List<Object>> probeRows,
      List<List<Object>> buildRows, int inputBatchSize, int outputBatchSize, CancellationToken cancellation,
      int chunkShift) {
    List<VectorSchemaRoot> probe = TestTables.batches(allocator, PROBE, probeRows, inputBatchSize);
    List<VectorSchemaRoot> build;
    try {
      build = TestTables.batches(allocator, BUILD, buildRows, inputBatchSize);
    } catch (RuntimeException e) {
      probe.forEach(VectorSchemaRoot::close);
      throw e;
    }
    CollectingSink sink = new CollectingSink();
    List<Operator> chain = new ArrayList<>();
    chain.add(new ListSourceOperator(probe));
    try {
      chain.add(HashJoinOperator.create(node, List.of(new ListSourceOperator(build)), allocator, outputBatchSize,
          cancellation, chunkShift));
    } catch (RuntimeException e) {
      chain.forEach(Operator::close);
      throw e;
    }
    chain.add(sink);
    List<Integer> sizes = new ArrayList<>();
    try (Driver driver = new Driver(chain, cancellation)) {
      driver.run();
    } catch (RuntimeException e) {
      TestTables.drain(sink.batches());
      throw e;
    }
    for (VectorSchemaRoot batch : sink.batches()) {
      sizes.add(batch.getRowCount());
    }
    return new Result(TestTables.drain(sink.batches()), sizes);
  }

  static List<List<Object>> run(BufferAllocator allocator, HashJoinNode node, List<List<Object>> probeRows,
      List<List<Object>> buildRows) {
    // two-row build chunks, so that gathers and the match bitmap cross chunks even on small inputs
    return run(allocator, node, probeRows, buildRows, 3, 4, new CancellationToken(), 1).rows();
  }

  /** Random rows of either side (they line up): {@code key}, a small BIGINT, text and money, each possibly NULL. */
  static Arbitrary<List<Object>> rows(Arbitrary<Object> key) {
    Arbitrary<Object> value = Arbitraries.longs().between(-4, 4).map(v -> (Object) v).injectNull(0.15);
    Arbitrary<Object> text = Arbitraries.of("a", "b", "", "ünï", "a longer text than eight bytes")
        .map(s -> (Object) s).injectNull(0.15);
    Arbitrary<Object> money = Arbitraries.of("1.00", "-2.50", "0.00", "123456789012.34")
        .map(s -> (Object) new BigDecimal(s)).injectNull(0.15);
    return Combinators.combine(key, value, text, money).as(Arrays::asList);
  }

  static List<List<Object>> sorted(List<List<Object>> rows) {
    List<List<Object>> copy = new ArrayList<>(rows);
    copy.sort(Comparator.comparing(String::valueOf));
    return copy;
  }

  static List<Object> probeRow(Long k, Long v, String s, String d) {
    return TestTables.row(k, v, s, d == null ? null : new BigDecimal(d));
  }

  static List<Object> buildRow(Long k, Long w, String t, String e) {
    return TestTables.row(k, w, t, e == null ? null : new BigDecimal(e));
  }
}
