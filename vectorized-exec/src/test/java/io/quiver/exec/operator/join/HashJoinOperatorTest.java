package io.quiver.exec.operator.join;

import static io.quiver.exec.operator.join.JoinFixtures.BUILD;
import static io.quiver.exec.operator.join.JoinFixtures.LESS;
import static io.quiver.exec.operator.join.JoinFixtures.NONE;
import static io.quiver.exec.operator.join.JoinFixtures.P;
import static io.quiver.exec.operator.join.JoinFixtures.PROBE;
import static io.quiver.exec.operator.join.JoinFixtures.TEXT_DIFFERS;
import static io.quiver.exec.operator.join.JoinFixtures.buildRow;
import static io.quiver.exec.operator.join.JoinFixtures.node;
import static io.quiver.exec.operator.join.JoinFixtures.probeRow;
import static io.quiver.exec.operator.join.JoinFixtures.sorted;
import static io.quiver.exec.testing.TestTables.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.fragment.expression.Call;
import io.quiver.exec.fragment.expression.Expression;
import io.quiver.exec.fragment.expression.InputReference;
import io.quiver.exec.fragment.expression.Literal;
import io.quiver.exec.fragment.expression.ScalarFunction;
import io.quiver.exec.fragment.node.HashJoinNode;
import io.quiver.exec.fragment.node.JoinType;
import io.quiver.exec.operator.join.JoinFixtures.Residual;
import io.quiver.exec.task.CancellationToken;
import io.quiver.exec.testing.ListSourceOperator;
import io.quiver.exec.testing.TestTables;
import io.quiver.exec.type.DataType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class HashJoinOperatorTest {

  private final RootAllocator allocator = new RootAllocator();

  @AfterEach
  void closeAllocator() {
    // throws when a test leaked a buffer
    allocator.close();
  }

  private static final List<List<Object>> PROBE_ROWS = List.of(
      probeRow(1L, 10L, "a", "1.00"),
      probeRow(2L, 20L, "b", "2.00"),
      probeRow(2L, 21L, "b", "2.00"),
      probeRow(3L, 30L, "c", "3.50"),
      probeRow(null, 40L, "d", null),
      probeRow(5L, null, null, "5.00"));

  private static final List<List<Object>> BUILD_ROWS = List.of(
      buildRow(2L, 25L, "x", "2.00"),
      buildRow(2L, 15L, "b", "2.00"),
      buildRow(1L, 5L, "a", "1.00"),
      buildRow(4L, 1L, "y", "4.00"),
      buildRow(null, 100L, "z", null),
      buildRow(3L, null, "c", "3.50"));

  private List<List<Object>> expected(JoinType type, List<Integer> probeKeys, List<Integer> buildKeys,
      Residual residual, List<List<Object>> probe, List<List<Object>> build) {
    return sorted(NestedLoopJoin.join(type, probe, build, PROBE.size(), BUILD.size(), probeKeys, buildKeys,
        residual.reference()));
  }

  private void assertJoin(JoinType type, List<Integer> probeKeys, List<Integer> buildKeys, Residual residual,
      List<List<Object>> probe, List<List<Object>> build) {
    HashJoinNode node = node(type, probeKeys, buildKeys, residual.expression());
    assertEquals(expected(type, probeKeys, buildKeys, residual, probe, build),
        sorted(JoinFixtures.run(allocator, node, probe, build)), type + " on " + probeKeys + " with " + residual);
  }

  static Stream<Arguments> typesAndResiduals() {
    List<Arguments> arguments = new ArrayList<>();
    for (JoinType type : JoinType.values()) {
      for (Residual residual : JoinFixtures.residuals()) {
        arguments.add(Arguments.of(type, residual));
      }
    }
    return arguments.stream();
  }

  @Test
  void innerJoinSkipsNullKeysAndRepeatsDuplicates() {
    List<List<Object>> rows = sorted(JoinFixtures.run(allocator, node(JoinType.INNER, List.of(0), List.of(0), null),
        PROBE_ROWS, BUILD_ROWS));
    assertEquals(sorted(List.of(
        row(1L, 10L, "a", new BigDecimal("1.00"), 1L, 5L, "a", new BigDecimal("1.00")),
        row(2L, 20L, "b", new BigDecimal("2.00"), 2L, 25L, "x", new BigDecimal("2.00")),
        row(2L, 20L, "b", new BigDecimal("2.00"), 2L, 15L, "b", new BigDecimal("2.00")),
        row(2L, 21L, "b", new BigDecimal("2.00"), 2L, 25L, "x", new BigDecimal("2.00")),
        row(2L, 21L, "b", new BigDecimal("2.00"), 2L, 15L, "b", new BigDecimal("2.00")),
        row(3L, 30L, "c", new BigDecimal("3.50"), 3L, null, "c", new BigDecimal("3.50")))), rows);
  }

  @Test
  void probeOuterJoinPadsUnmatchedProbeRowsWithNulls() {
    List<List<Object>> rows = JoinFixtures.run(allocator, node(JoinType.PROBE_OUTER, List.of(0), List.of(0), null),
        PROBE_ROWS, BUILD_ROWS);
    assertEquals(8, rows.size());
    assertTrue(rows.contains(row(null, 40L, "d", null, null, null, null, null)));
    assertTrue(rows.contains(row(5L, null, null, new BigDecimal("5.00"), null, null, null, null)));
  }

  @Test
  void buildOuterJoinEmitsUnmatchedBuildRowsIncludingNullKeys() {
    List<List<Object>> rows = JoinFixtures.run(allocator, node(JoinType.BUILD_OUTER, List.of(0), List.of(0), null),
        PROBE_ROWS, BUILD_ROWS);
    assertEquals(8, rows.size());
    assertTrue(rows.contains(row(null, null, null, null, 4L, 1L, "y", new BigDecimal("4.00"))));
    assertTrue(rows.contains(row(null, null, null, null, null, 100L, "z", null)));
  }

  @Test
  void semiAndAntiSplitTheProbeRows() {
    List<List<Object>> semi = JoinFixtures.run(allocator, node(JoinType.SEMI, List.of(0), List.of(0), null),
        PROBE_ROWS, BUILD_ROWS);
    List<List<Object>> anti = JoinFixtures.run(allocator, node(JoinType.ANTI, List.of(0), List.of(0), null),
        PROBE_ROWS, BUILD_ROWS);
    assertEquals(sorted(PROBE_ROWS.subList(0, 4)), sorted(semi));
    assertEquals(sorted(PROBE_ROWS.subList(4, 6)), sorted(anti));
  }

  @Test
  void nullAwareAntiPassesNothingWhenTheBuildSideHasANullKey() {
    assertEquals(List.of(), JoinFixtures.run(allocator,
        node(JoinType.NULL_AWARE_ANTI, List.of(0), List.of(0), null), PROBE_ROWS, BUILD_ROWS));
    // without the NULL build key, NOT IN drops the NULL probe key and keeps 5
    List<List<Object>> build = BUILD_ROWS.stream().filter(r -> r.get(0) != null).toList();
    assertEquals(List.of(PROBE_ROWS.get(5)), JoinFixtures.run(allocator,
        node(JoinType.NULL_AWARE_ANTI, List.of(0), List.of(0), null), PROBE_ROWS, build));
    // against an empty build side every probe row passes, the NULL key too
    assertEquals(sorted(PROBE_ROWS), sorted(JoinFixtures.run(allocator,
        node(JoinType.NULL_AWARE_ANTI, List.of(0), List.of(0), null), PROBE_ROWS, List.of())));
  }

  @ParameterizedTest
  @MethodSource("typesAndResiduals")
  void everyJoinTypeMatchesTheNestedLoopJoin(JoinType type, Residual residual) {
    assertJoin(type, List.of(0), List.of(0), residual, PROBE_ROWS, BUILD_ROWS);
  }

  @ParameterizedTest
  @MethodSource("typesAndResiduals")
  void emptyBuildSide(JoinType type, Residual residual) {
    assertJoin(type, List.of(0), List.of(0), residual, PROBE_ROWS, List.of());
  }

  @ParameterizedTest
  @MethodSource("typesAndResiduals")
  void emptyProbeSide(JoinType type, Residual residual) {
    assertJoin(type, List.of(0), List.of(0), residual, List.of(), BUILD_ROWS);
  }

  @ParameterizedTest
  @MethodSource("typesAndResiduals")
  void textKeys(JoinType type, Residual residual) {
    assertJoin(type, List.of(2), List.of(2), residual, PROBE_ROWS, BUILD_ROWS);
  }

  @ParameterizedTest
  @MethodSource("typesAndResiduals")
  void decimalKeys(JoinType type, Residual residual) {
    assertJoin(type, List.of(3), List.of(3), residual, PROBE_ROWS, BUILD_ROWS);
  }

  @ParameterizedTest
  @MethodSource("typesAndResiduals")
  void compositeKeysOfMixedTypes(JoinType type, Residual residual) {
    assertJoin(type, List.of(0, 2, 3), List.of(0, 2, 3), residual, PROBE_ROWS, BUILD_ROWS);
    assertJoin(type, List.of(3, 0), List.of(3, 0), residual, PROBE_ROWS, BUILD_ROWS);
  }

  @ParameterizedTest
  @MethodSource("typesAndResiduals")
  void zeroKeysJoinEveryPair(JoinType type, Residual residual) {
    assertJoin(type, List.of(), List.of(), residual, PROBE_ROWS, BUILD_ROWS);
    assertJoin(type, List.of(), List.of(), residual, PROBE_ROWS, List.of());
  }

  @Test
  void crossJoinWithResidual() {
    List<List<Object>> rows = JoinFixtures.run(allocator, node(JoinType.INNER, List.of(), List.of(),
        LESS.expression()), PROBE_ROWS, BUILD_ROWS);
    // v < w: 10 < {25, 15, 100}, 20 < {25, 100}, 21 < {25, 100}, 30 < 100, 40 < 100
    assertEquals(9, rows.size());
  }

  @Test
  void residualDecidesSemiAndAnti() {
    // v < w: probe 1 (10) has no build key-1 row with w > 10 (w = 5); probe 2 (20) has w = 25
    List<List<Object>> semi = JoinFixtures.run(allocator, node(JoinType.SEMI, List.of(0), List.of(0),
        LESS.expression()), PROBE_ROWS, BUILD_ROWS);
    assertEquals(sorted(List.of(PROBE_ROWS.get(1), PROBE_ROWS.get(2))), sorted(semi));
    List<List<Object>> anti = JoinFixtures.run(allocator, node(JoinType.ANTI, List.of(0), List.of(0),
        TEXT_DIFFERS.expression()), PROBE_ROWS, BUILD_ROWS);
    // s <> t: probe 2/21 "b" vs build "x" passes, so both key-2 rows match; 1 "a" = "a" and 3 "c" = "c" do not
    assertEquals(sorted(List.of(PROBE_ROWS.get(0), PROBE_ROWS.get(3), PROBE_ROWS.get(4), PROBE_ROWS.get(5))),
        sorted(anti));
  }

  @ParameterizedTest
  @EnumSource(JoinType.class)
  void bigFanOutIsSplitIntoBoundedBatches(JoinType type) {
    List<List<Object>> build = new ArrayList<>();
    for (long i = 0; i < 5000; i++) {
      build.add(buildRow(7L, i, "t" + i, "1.00"));
    }
    build.add(buildRow(8L, -1L, "lonely", null));
    List<List<Object>> probe = List.of(probeRow(7L, 1L, "p", "1.00"), probeRow(7L, 2L, "q", null),
        probeRow(9L, 3L, "r", null));
    JoinFixtures.Result result = JoinFixtures.run(allocator, node(type, List.of(0), List.of(0), null), probe, build,
        1024, 100, new CancellationToken());
    for (int size : result.batchSizes()) {
      assertTrue(size > 0 && size <= 100, "batch of " + size + " rows");
    }
    int expected = switch (type) {
      case INNER -> 10_000;
      case PROBE_OUTER, BUILD_OUTER -> 10_001;
      case FULL_OUTER -> 10_002;
      case SEMI -> 2;
      case ANTI, NULL_AWARE_ANTI -> 1;
    };
    assertEquals(expected, result.rows().size());
  }

  @Test
  void fanOutWithAResidualThatRejectsMostPairs() {
    List<List<Object>> build = new ArrayList<>();
    for (long i = 0; i < 3000; i++) {
      build.add(buildRow(1L, i, "t", null));
    }
    List<List<Object>> probe = List.of(probeRow(1L, 2995L, "p", null));
    JoinFixtures.Result result = JoinFixtures.run(allocator, node(JoinType.PROBE_OUTER, List.of(0), List.of(0),
        LESS.expression()), probe, build, 1024, 7, new CancellationToken());
    assertEquals(4, result.rows().size());
    assertEquals(List.of(2996L, 2997L, 2998L, 2999L),
        result.rows().stream().map(r -> (Long) r.get(P + 1)).sorted().toList());
  }

  @ParameterizedTest
  @EnumSource(value = JoinType.class, names = {"INNER", "FULL_OUTER", "SEMI", "ANTI"})
  void buildSideOverManyChunks(JoinType type) {
    // more build rows than one chunk holds, so gathers and the match bitmap span chunks
    int buildCount = 2 * 4096 + 123;
    List<List<Object>> build = new ArrayList<>(buildCount);
    for (long i = 0; i < buildCount; i++) {
      build.add(buildRow(i, i * 2, "t" + i, null));
    }
    List<List<Object>> probe = new ArrayList<>();
    java.util.Random random = new java.util.Random(42);
    int matching = 0;
    for (int i = 0; i < 3000; i++) {
      long key = random.nextInt(buildCount + 20_000);
      matching += key < buildCount ? 1 : 0;
      probe.add(probeRow(key, key, "p" + key, null));
    }
    JoinFixtures.Result result = JoinFixtures.run(allocator, node(type, List.of(0, 0), List.of(0, 0), null), probe,
        build, 1024, 1024, new CancellationToken(), 12);
    switch (type) {
      case INNER -> {
        assertEquals(matching, result.rows().size());
        for (List<Object> row : result.rows()) {
          assertEquals(row.get(0), row.get(P));
          assertEquals((Long) row.get(0) * 2, row.get(P + 1));
          assertEquals("t" + row.get(0), row.get(P + 2));
        }
      }
      case FULL_OUTER -> {
        long distinctMatched = probe.stream().map(r -> (Long) r.get(0)).filter(k -> k < buildCount).distinct().count();
        assertEquals(matching + (3000 - matching) + (buildCount - distinctMatched), result.rows().size());
      }
      case SEMI -> assertEquals(matching, result.rows().size());
      default -> assertEquals(3000 - matching, result.rows().size());
    }
  }

  @Test
  void failingResidualReleasesEverything() {
    // v / w = 1 divides by zero on the pair (2, w = 0)
    Expression division = Call.of(ScalarFunction.EQUAL, DataType.BOOLEAN,
        Call.of(ScalarFunction.DIVIDE, DataType.BIGINT, new InputReference(1, DataType.BIGINT),
            new InputReference(P + 1, DataType.BIGINT)),
        Literal.ofLong(1, DataType.BIGINT));
    List<List<Object>> build = List.of(buildRow(2L, 0L, "x", null), buildRow(2L, 3L, "y", null));
    QuiverException error = assertThrows(QuiverException.class, () -> JoinFixtures.run(allocator,
        node(JoinType.INNER, List.of(0), List.of(0), division), PROBE_ROWS, build));
    assertEquals(ErrorCode.DIVISION_BY_ZERO, error.errorCode());
  }

  @Test
  void cancellationStopsTheBuildAndReleasesEverything() {
    CancellationToken cancellation = new CancellationToken();
    cancellation.cancel(CancellationToken.cancelledByUser());
    QuiverException error = assertThrows(QuiverException.class, () -> JoinFixtures.run(allocator,
        node(JoinType.INNER, List.of(0), List.of(0), null), PROBE_ROWS, BUILD_ROWS, 2, 4, cancellation));
    assertEquals(ErrorCode.QUERY_CANCELLED, error.errorCode());
  }

  @Test
  void cancellationDuringTheBuildIsSeenBetweenBuildBatches() {
    CancellationToken cancellation = new CancellationToken();
    List<VectorSchemaRoot> batches = TestTables.batches(allocator, BUILD, BUILD_ROWS, 1);
    // a build source that cancels the job after handing out its first batch
    ListSourceOperator source = new ListSourceOperator(batches);
    io.quiver.exec.operator.Operator cancelling = new io.quiver.exec.operator.SourceOperator() {
      @Override
      public VectorSchemaRoot getOutput() {
        VectorSchemaRoot batch = source.getOutput();
        cancellation.cancel(CancellationToken.cancelledByUser());
        return batch;
      }

      @Override
      public boolean isFinished() {
        return source.isFinished();
      }

      @Override
      public void close() {
        source.close();
      }
    };
    HashJoinOperator join = HashJoinOperator.create(node(JoinType.INNER, List.of(0), List.of(0), null),
        List.of(cancelling), allocator, 4, cancellation);
    try (join) {
      QuiverException error = assertThrows(QuiverException.class, join::getOutput);
      assertEquals(ErrorCode.QUERY_CANCELLED, error.errorCode());
      assertEquals(1, source.produced());
    }
    assertTrue(source.isClosed());
  }

  /** The rows fit, their index does not: the build side goes to disk (a grace hash join), no failure. */
  @Test
  void hashTableBeyondTheMemoryLimitGoesToDisk() {
    List<List<Object>> build = new ArrayList<>();
    for (long i = 0; i < 20_000; i++) {
      build.add(buildRow(i, i, null, null));
    }
    // what the build rows alone take (at their peak, and once copied), measured on the side
    long peak;
    long rowsOnly;
    try (org.apache.arrow.memory.BufferAllocator probeOfSize = allocator.newChildAllocator("size", 0, Long.MAX_VALUE);
        BuildRows rows = new BuildRows(BUILD.toArrowSchema(), probeOfSize, BuildRows.DEFAULT_CHUNK_SHIFT)) {
      for (VectorSchemaRoot batch : TestTables.batches(allocator, BUILD, build, 1024)) {
        try (batch) {
          rows.append(batch);
        }
      }
      peak = probeOfSize.getPeakMemoryAllocation();
      rowsOnly = probeOfSize.getAllocatedMemory();
    }
    long index = 20_000L * (4 + 1 + 8 + 16) + 32_768L * 4;
    assertTrue(rowsOnly + index > peak, "the test needs an index larger than the copy's headroom");
    long limit = Math.max(peak, rowsOnly + index / 2);
    List<VectorSchemaRoot> batches = TestTables.batches(allocator, BUILD, build, 1024);
    try (org.apache.arrow.memory.BufferAllocator limited = allocator.newChildAllocator("task", 0, limit);
        HashJoinOperator join = HashJoinOperator.create(node(JoinType.INNER, List.of(0), List.of(0), null),
            List.of(new ListSourceOperator(batches)), limited, 1024, new CancellationToken())) {
      assertNull(join.getOutput());
      assertEquals(0, limited.getAllocatedMemory(), "the build rows are on disk");
      assertTrue(join.needsInput());
      join.addInput(TestTables.batch(allocator, PROBE, List.of(probeRow(7L, 1L, null, null))));
      assertNull(join.getOutput());
      join.finish();
      List<List<Object>> rows = new ArrayList<>();
      while (!join.isFinished()) {
        VectorSchemaRoot output = join.getOutput();
        if (output != null) {
          try (output) {
            rows.addAll(TestTables.rows(output));
          }
        }
      }
      assertEquals(List.of(TestTables.row(7L, 1L, null, null, 7L, 7L, null, null)), rows);
    }
  }

  @Test
  void hashTableReservationIsReturnedOnClose() {
    try (org.apache.arrow.memory.BufferAllocator task = allocator.newChildAllocator("task", 0, Long.MAX_VALUE)) {
      HashJoinOperator join = HashJoinOperator.create(node(JoinType.INNER, List.of(0), List.of(0), null),
          List.of(new ListSourceOperator(TestTables.batches(task, BUILD, BUILD_ROWS, 2))), task, 4,
          new CancellationToken());
      assertNull(join.getOutput());
      long withTable = task.getAllocatedMemory();
      join.close();
      assertTrue(withTable > 0);
      assertEquals(0, task.getAllocatedMemory());
    }
  }

  @Test
  void closingMidwayReleasesTheTableAndTheHeldBatches() {
    List<VectorSchemaRoot> build = TestTables.batches(allocator, BUILD, BUILD_ROWS, 2);
    ListSourceOperator buildSource = new ListSourceOperator(build);
    HashJoinOperator join = HashJoinOperator.create(node(JoinType.FULL_OUTER, List.of(0), List.of(0), null),
        List.of(buildSource), allocator, 1, new CancellationToken());
    assertFalse(join.needsInput(), "the build side comes first");
    assertNull(join.getOutput());
    assertTrue(join.needsInput());
    assertTrue(buildSource.isClosed(), "the build pipeline is closed once the table is built");
    join.addInput(TestTables.batch(allocator, PROBE, PROBE_ROWS));
    VectorSchemaRoot first = join.getOutput();
    assertEquals(1, first.getRowCount());
    first.close();
    join.close();
    join.close();
    assertTrue(join.isFinished());
  }

  @Test
  void closingBeforeTheBuildReleasesTheBuildPipeline() {
    ListSourceOperator buildSource = new ListSourceOperator(TestTables.batches(allocator, BUILD, BUILD_ROWS, 2));
    HashJoinOperator join = HashJoinOperator.create(node(JoinType.INNER, List.of(0), List.of(0), null),
        List.of(buildSource), allocator, 4, new CancellationToken());
    join.close();
    assertTrue(buildSource.isClosed());
  }

  @Test
  void inputBeforeTheBuildIsRejectedAndReleased() {
    HashJoinOperator join = HashJoinOperator.create(node(JoinType.INNER, List.of(0), List.of(0), null),
        List.of(new ListSourceOperator(List.of())), allocator, 4, new CancellationToken());
    try (join) {
      VectorSchemaRoot batch = TestTables.batch(allocator, PROBE, PROBE_ROWS);
      assertThrows(IllegalStateException.class, () -> join.addInput(batch));
    }
  }

  @Test
  void emptyBuildFinishesAnInnerJoinWithoutReadingTheProbeSide() {
    ListSourceOperator probeSource = new ListSourceOperator(TestTables.batches(allocator, PROBE, PROBE_ROWS, 2));
    HashJoinOperator join = HashJoinOperator.create(node(JoinType.INNER, List.of(0), List.of(0), null),
        List.of(new ListSourceOperator(List.of())), allocator, 4, new CancellationToken());
    try (probeSource; join) {
      assertNull(join.getOutput());
      assertTrue(join.isFinished());
      assertFalse(join.needsInput());
    }
  }

  @Test
  void emptyProbeSkipsTheBuildUnlessBuildRowsAreEmitted() {
    ListSourceOperator buildSource = new ListSourceOperator(TestTables.batches(allocator, BUILD, BUILD_ROWS, 2));
    HashJoinOperator join = HashJoinOperator.create(node(JoinType.INNER, List.of(0), List.of(0), null),
        List.of(buildSource), allocator, 4, new CancellationToken());
    try (join) {
      join.finish();
      assertNull(join.getOutput());
      assertTrue(join.isFinished());
      assertEquals(0, buildSource.produced());
    }
  }

  @Test
  void mismatchedOutputSchemaIsRejected() {
    HashJoinNode bad = new HashJoinNode(node(JoinType.INNER, List.of(0), List.of(0), null).probe(),
        node(JoinType.INNER, List.of(0), List.of(0), null).build(), JoinType.INNER, List.of(0), List.of(0), null,
        PROBE);
    ListSourceOperator buildSource = new ListSourceOperator(TestTables.batches(allocator, BUILD, BUILD_ROWS, 2));
    assertThrows(IllegalArgumentException.class,
        () -> HashJoinOperator.create(bad, List.of(buildSource), allocator, 4, new CancellationToken()));
    assertTrue(buildSource.isClosed());
  }

  @Test
  void keysOfIncomparableTypesAreReported() {
    // probe BIGINT key against build VARCHAR key
    HashJoinNode node = node(JoinType.INNER, List.of(0), List.of(2), null);
    QuiverException error = assertThrows(QuiverException.class,
        () -> JoinFixtures.run(allocator, node, PROBE_ROWS, BUILD_ROWS));
    assertEquals(ErrorCode.NOT_SUPPORTED, error.errorCode());
  }

  @Test
  void noneResidualIsTheNoConditionCase() {
    assertNull(NONE.expression());
  }
}
