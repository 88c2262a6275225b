package io.quiver.exec.operator.join;

import static io.quiver.exec.operator.join.JoinFixtures.sorted;
import static io.quiver.exec.testing.TestTables.row;
import static io.quiver.exec.testing.TestTables.schema;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.fragment.expression.Call;
import io.quiver.exec.fragment.expression.Expression;
import io.quiver.exec.fragment.expression.InputReference;
import io.quiver.exec.fragment.expression.Literal;
import io.quiver.exec.fragment.expression.ScalarFunction;
import io.quiver.exec.fragment.node.ExchangeSourceNode;
import io.quiver.exec.fragment.node.FilterNode;
import io.quiver.exec.fragment.node.HashJoinNode;
import io.quiver.exec.fragment.node.JoinType;
import io.quiver.exec.fragment.node.PlanNode;
import io.quiver.exec.fragment.node.TableScanNode;
import io.quiver.exec.fragment.stage.OutputPartitioning;
import io.quiver.exec.fragment.stage.StageFragment;
import io.quiver.exec.task.CancellationToken;
import io.quiver.exec.testing.CollectingResultSink;
import io.quiver.exec.testing.InMemoryDataSource;
import io.quiver.exec.testing.TaskHarness;
import io.quiver.exec.type.Column;
import io.quiver.exec.type.DataType;
import io.quiver.exec.type.RowSchema;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Hash joins planned from fragments and run as tasks, with broadcast and hash-partitioned build sides. */
class HashJoinTaskTest {

  private static final RowSchema FACT = schema("k", DataType.BIGINT, "amount", DataType.BIGINT);
  private static final RowSchema DIM = schema("dk", DataType.BIGINT, "label", DataType.VARCHAR);

  private final TaskHarness harness = new TaskHarness("join-job");

  @AfterEach
  void close() {
    // closes the root allocator: a leak in any task fails the test
    harness.close();
  }

  private void load() {
    List<List<Object>> fact = new ArrayList<>();
    for (long i = 0; i < 500; i++) {
      fact.add(row(i % 40 == 39 ? null : i % 40, i));
    }
    List<List<Object>> dim = new ArrayList<>();
    for (long i = 0; i < 30; i++) {
      dim.add(row(i, "label" + i));
      if (i % 10 == 0) {
        dim.add(row(i, "again" + i));
      }
    }
    dim.add(row(null, "null key"));
    harness.data.add("fact", fact);
    harness.data.add("dim", dim);
    harness.batchSize = 16;
  }

  private List<List<Object>> expected(JoinType type) {
    return sorted(NestedLoopJoin.join(type, rowsOf("fact"), rowsOf("dim"), 2, 2, List.of(0), List.of(0),
        (p, b) -> true));
  }

  private List<List<Object>> rowsOf(String table) {
    List<List<Object>> rows = new ArrayList<>();
    // the in-memory source hands out the rows it was given; read them back the same way
    CollectingResultSink sink = new CollectingResultSink();
    harness.runStage(new StageFragment(100 + table.length(), scan(table, table.equals("fact") ? FACT : DIM, 1), 1,
        new OutputPartitioning.Result(), List.of()), sink, null);
    rows.addAll(sink.rows());
    return rows;
  }

  private static TableScanNode scan(String table, RowSchema schema, int splits) {
    return new TableScanNode(InMemoryDataSource.handle(table), List.of(0, 1), splits, schema);
  }

  private static HashJoinNode join(PlanNode probe, PlanNode build, JoinType type, Expression residual) {
    List<Column> columns = new ArrayList<>(FACT.columns());
    if (!type.probeColumnsOnly()) {
      columns.addAll(DIM.columns());
    }
    return new HashJoinNode(probe, build, type, List.of(0), List.of(0), residual, new RowSchema(columns));
  }

  @Test
  void broadcastBuildSide() {
    load();
    for (JoinType type : new JoinType[] {JoinType.INNER, JoinType.PROBE_OUTER, JoinType.SEMI, JoinType.ANTI,
        JoinType.NULL_AWARE_ANTI}) {
      int stage = type.ordinal() * 2;
      harness.runStage(new StageFragment(stage, scan("dim", DIM, 2), 2, new OutputPartitioning.Broadcast(),
          List.of()), null, null);
      CollectingResultSink sink = new CollectingResultSink();
      HashJoinNode join = join(scan("fact", FACT, 3), new ExchangeSourceNode(stage, 2, true, DIM), type, null);
      harness.runStage(new StageFragment(stage + 1, join, 3, new OutputPartitioning.Result(), List.of(stage)), sink,
          null);
      assertEquals(expected(type), sorted(sink.rows()), type.name());
    }
  }

  @Test
  void hashPartitionedSides() {
    load();
    for (JoinType type : JoinType.values()) {
      if (type == JoinType.NULL_AWARE_ANTI) {
        continue;
      }
      int stage = type.ordinal() * 3;
      harness.runStage(new StageFragment(stage, scan("fact", FACT, 2), 2, new OutputPartitioning.Hash(List.of(0), 3),
          List.of()), null, null);
      harness.runStage(new StageFragment(stage + 1, scan("dim", DIM, 2), 2,
          new OutputPartitioning.Hash(List.of(0), 3), List.of()), null, null);
      CollectingResultSink sink = new CollectingResultSink();
      HashJoinNode join = join(new ExchangeSourceNode(stage, 2, false, FACT),
          new ExchangeSourceNode(stage + 1, 2, false, DIM), type, null);
      harness.runStage(new StageFragment(stage + 2, join, 3, new OutputPartitioning.Result(),
          List.of(stage, stage + 1)), sink, null);
      assertEquals(expected(type), sorted(sink.rows()), type.name());
    }
  }

  @Test
  void buildSideIsAnySubtree() {
    load();
    // the build side is itself a join (dim semi-joined with fact) under a filter
    Expression small = Call.of(ScalarFunction.LESS_THAN, DataType.BOOLEAN, new InputReference(0, DataType.BIGINT),
        Literal.ofLong(5, DataType.BIGINT));
    HashJoinNode inner = new HashJoinNode(scan("dim", DIM, 1), scan("fact", FACT, 1), JoinType.SEMI, List.of(0),
        List.of(0), null, DIM);
    PlanNode build = new FilterNode(inner, small);
    CollectingResultSink sink = new CollectingResultSink();
    harness.runStage(new StageFragment(0, join(scan("fact", FACT, 2), build, JoinType.INNER, null), 2,
        new OutputPartitioning.Result(), List.of()), sink, null);
    // keys 0..4 occur 13 times each in fact (i % 40 over 500 rows); keys 0 has two dim rows
    assertEquals(13 * 6, sink.rows().size());
  }

  @Test
  void failingResidualFailsTheTaskAndReleasesEverything() {
    load();
    // amount / (dk - 3) divides by zero when dk = 3
    Expression residual = Call.of(ScalarFunction.GREATER_THAN, DataType.BOOLEAN,
        Call.of(ScalarFunction.DIVIDE, DataType.BIGINT, new InputReference(1, DataType.BIGINT),
            Call.of(ScalarFunction.SUBTRACT, DataType.BIGINT, new InputReference(2, DataType.BIGINT),
                Literal.ofLong(3, DataType.BIGINT))),
        Literal.ofLong(0, DataType.BIGINT));
    StageFragment stage = new StageFragment(0, join(scan("fact", FACT, 1), scan("dim", DIM, 1), JoinType.INNER,
        residual), 1, new OutputPartitioning.Result(), List.of());
    QuiverException error = assertThrows(QuiverException.class,
        () -> harness.runTask(stage, 0, new CollectingResultSink(), null));
    assertEquals(ErrorCode.DIVISION_BY_ZERO, error.errorCode());
    assertEquals(0, harness.data.openReaders());
  }

  @Test
  void cancelledTaskFailsAndReleasesEverything() {
    load();
    harness.cancellation.cancel(CancellationToken.cancelledByUser());
    StageFragment stage = new StageFragment(0, join(scan("fact", FACT, 1), scan("dim", DIM, 1), JoinType.FULL_OUTER,
        null), 1, new OutputPartitioning.Result(), List.of());
    QuiverException error = assertThrows(QuiverException.class,
        () -> harness.runTask(stage, 0, new CollectingResultSink(), null));
    assertEquals(ErrorCode.QUERY_CANCELLED, error.errorCode());
    assertEquals(0, harness.data.openReaders());
  }

  @Test
  void failingBuildScanReleasesTheProbeSide() {
    load();
    harness.data.add("failing", List.of(row(1L, "a"), row(2L, "b")));
    harness.batchSize = 1;
    StageFragment stage = new StageFragment(0, join(scan("fact", FACT, 1), scan("failing", DIM, 1), JoinType.INNER,
        null), 1, new OutputPartitioning.Result(), List.of());
    assertThrows(QuiverException.class, () -> harness.runTask(stage, 0, new CollectingResultSink(), null));
    assertEquals(0, harness.data.openReaders());
  }
}
