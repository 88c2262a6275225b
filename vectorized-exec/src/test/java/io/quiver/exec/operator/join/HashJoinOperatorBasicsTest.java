package io.quiver.exec.operator.join;

import static io.quiver.exec.testing.TestTables.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.exec.fragment.node.JoinType;
import io.quiver.exec.testing.ListSourceOperator;
import io.quiver.exec.testing.TestTables;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HashJoinOperatorBasicsTest {

  private final RootAllocator allocator = new RootAllocator();

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  private static final List<List<Object>> PROBE = List.of(
      row(1L, "a", 5L), row(2L, "b", 6L), row(2L, "b", 7L), row(null, "c", 8L), row(9L, "z", 9L));
  private static final List<List<Object>> BUILD = List.of(
      row(2L, "x", 10L), row(1L, "y", 1L), row(2L, "w", 20L), row(null, "n", 0L), row(4L, "q", 4L));

  private List<String> join(JoinType type, boolean residual) {
    return JoinTestSupport.canonical(JoinTestSupport.hashJoin(allocator, PROBE, BUILD, type, false, residual, 2));
  }

  @Test
  void innerJoinWithDuplicateKeysAndNulls() {
    assertEquals(JoinTestSupport.canonical(List.of(
        row(1L, "a", 5L, 1L, "y", 1L),
        row(2L, "b", 6L, 2L, "x", 10L), row(2L, "b", 6L, 2L, "w", 20L),
        row(2L, "b", 7L, 2L, "x", 10L), row(2L, "b", 7L, 2L, "w", 20L))), join(JoinType.INNER, false));
  }

  @Test
  void outerJoinsPadWithNulls() {
    List<String> probeOuter = join(JoinType.PROBE_OUTER, true);
    assertEquals(JoinTestSupport.canonical(List.of(
        row(1L, "a", 5L, null, null, null),
        row(2L, "b", 6L, 2L, "x", 10L), row(2L, "b", 6L, 2L, "w", 20L),
        row(2L, "b", 7L, 2L, "x", 10L), row(2L, "b", 7L, 2L, "w", 20L),
        row(null, "c", 8L, null, null, null), row(9L, "z", 9L, null, null, null))), probeOuter);
    List<String> buildOuter = join(JoinType.BUILD_OUTER, false);
    assertTrue(buildOuter.contains("[null, null, null, null, n, 0]"));
    assertTrue(buildOuter.contains("[null, null, null, 4, q, 4]"));
    assertEquals(7, buildOuter.size());
    assertEquals(9, join(JoinType.FULL_OUTER, false).size());
  }

  @Test
  void semiAntiAndNullAwareAnti() {
    assertEquals(JoinTestSupport.canonical(List.of(row(1L, "a", 5L), row(2L, "b", 6L), row(2L, "b", 7L))),
        join(JoinType.SEMI, false));
    assertEquals(JoinTestSupport.canonical(List.of(row(null, "c", 8L), row(9L, "z", 9L))),
        join(JoinType.ANTI, false));
    // the build side has a NULL key: NOT IN passes nothing
    assertEquals(List.of(), join(JoinType.NULL_AWARE_ANTI, false));
    List<List<Object>> buildWithoutNull = new ArrayList<>(BUILD.subList(0, 3));
    assertEquals(JoinTestSupport.canonical(List.of(row(9L, "z", 9L))), JoinTestSupport.canonical(
        JoinTestSupport.hashJoin(allocator, PROBE, buildWithoutNull, JoinType.NULL_AWARE_ANTI, false, false, 3)));
    // an empty build side: every probe row passes, NULL keys included
    assertEquals(5, JoinTestSupport.hashJoin(allocator, PROBE, List.of(), JoinType.NULL_AWARE_ANTI, false, false,
        3).size());
  }

  @Test
  void emptySides() {
    assertEquals(List.of(), JoinTestSupport.hashJoin(allocator, List.of(), BUILD, JoinType.INNER, true, false, 4));
    assertEquals(5, JoinTestSupport.hashJoin(allocator, List.of(), BUILD, JoinType.BUILD_OUTER, true, false, 4)
        .size());
    assertEquals(5, JoinTestSupport.hashJoin(allocator, PROBE, List.of(), JoinType.PROBE_OUTER, true, true, 4)
        .size());
  }

  @Test
  void anEmptyBuildSideFinishesAnInnerJoinWithoutReadingTheProbeSide() {
    ListSourceOperator probe = new ListSourceOperator(TestTables.batches(allocator, JoinTestSupport.PROBE, PROBE, 1));
    HashJoinOperator join = HashJoinOperator.create(JoinTestSupport.node(JoinType.INNER, false, false),
        List.of(new ListSourceOperator(List.of())), allocator, 8, new io.quiver.exec.task.CancellationToken());
    io.quiver.exec.testing.CollectingSink sink = new io.quiver.exec.testing.CollectingSink();
    try (io.quiver.exec.operator.Driver driver = new io.quiver.exec.operator.Driver(List.of(probe, join, sink),
        new io.quiver.exec.task.CancellationToken())) {
      driver.run();
    }
    assertEquals(0, probe.produced());
    assertTrue(probe.isClosed());
    assertEquals(List.of(), TestTables.drain(sink.batches()));
  }

  @Test
  void needsNoProbeInputUntilBuiltAndClosesEverything() {
    ListSourceOperator buildSource = new ListSourceOperator(TestTables.batches(allocator, JoinTestSupport.BUILD,
        BUILD, 1));
    HashJoinOperator join = HashJoinOperator.create(JoinTestSupport.node(JoinType.INNER, false, false),
        List.of(buildSource), allocator, 8, new io.quiver.exec.task.CancellationToken());
    assertFalse(join.needsInput());
    assertThrows(IllegalStateException.class,
        () -> join.addInput(TestTables.batch(allocator, JoinTestSupport.PROBE, PROBE)));
    join.getOutput();
    assertTrue(join.needsInput());
    assertTrue(buildSource.isClosed());
    join.addInput(TestTables.batch(allocator, JoinTestSupport.PROBE, PROBE));
    assertFalse(join.needsInput());
    // closed while holding a probe batch and the table: everything is released
    join.close();
    join.close();
    assertTrue(join.isFinished());
  }
}
