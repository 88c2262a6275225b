package io.quiver.exec.operator.join;

import static io.quiver.exec.operator.join.JoinFixtures.BUILD;
import static io.quiver.exec.operator.join.JoinFixtures.PROBE;
import static io.quiver.exec.operator.join.JoinFixtures.sorted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.fragment.node.HashJoinNode;
import io.quiver.exec.fragment.node.JoinType;
import io.quiver.exec.memory.TaskMemory;
import io.quiver.exec.operator.SourceOperator;
import io.quiver.exec.operator.join.HashJoinProperties.Keys;
import io.quiver.exec.operator.join.JoinFixtures.Residual;
import io.quiver.exec.task.CancellationToken;
import io.quiver.exec.task.TaskMetrics;
import io.quiver.exec.testing.TestTables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A hash join that spills (at random points of its build side, or because its memory limit is
 * tiny) gives exactly the rows it gives in memory, for every join type, with NULL keys, duplicates
 * and skew; no spill file is left after the join, whether it succeeded, failed or was cancelled.
 */
class HashJoinSpillProperties {

  @Provide
  Arbitrary<List<List<Object>>> rows() {
    // skew: key 1 is far more frequent than the others; NULL keys for outer joins and NOT IN
    Arbitrary<List<Object>> row = JoinFixtures.rows(Arbitraries.frequencyOf(
        Tuple.of(2, Arbitraries.just((Object) 1L)),
        Tuple.of(8, Arbitraries.longs().between(-40, 400).map(v -> (Object) v))).injectNull(0.08));
    return Arbitraries.oneOf(row.list().ofMaxSize(400), row.list().ofMaxSize(12), Arbitraries.just(List.of()));
  }

  @Provide
  Arbitrary<Residual> residuals() {
    return Arbitraries.of(JoinFixtures.residuals());
  }

  @Provide
  Arbitrary<Keys> keys() {
    return Arbitraries.of(Keys.BIGINT, Keys.TEXT, Keys.BIGINT_AND_TEXT, Keys.TEXT_DECIMAL_BIGINT);
  }

  /** Larger sides, for a limit of some hundred kilobytes to be too small. */
  @Provide
  Arbitrary<List<List<Object>>> largerRows() {
    Arbitrary<List<Object>> row = JoinFixtures.rows(Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.just((Object) 1L)),
        Tuple.of(9, Arbitraries.longs().between(-40, 4000).map(v -> (Object) v))).injectNull(0.08));
    return Arbitraries.oneOf(row.list().ofMinSize(1000).ofMaxSize(4000), row.list().ofMaxSize(50));
  }

  @Provide
  Arbitrary<List<Boolean>> spillPoints() {
    return Arbitraries.frequency(Tuple.of(1, true), Tuple.of(4, false)).list().ofMinSize(1).ofMaxSize(60);
  }

  @Property(tries = 250)
  void spillingAtRandomPointsGivesTheInMemoryRows(@ForAll JoinType type, @ForAll("keys") Keys keys,
      @ForAll("residuals") Residual residual, @ForAll("rows") List<List<Object>> probe,
      @ForAll("rows") List<List<Object>> build, @ForAll @IntRange(min = 1, max = 40) int batchSize,
      @ForAll("spillPoints") List<Boolean> spillAfter) {
    HashJoinNode node = JoinFixtures.node(type, keys.columns, keys.columns, residual.expression());
    try (RootAllocator allocator = new RootAllocator()) {
      List<List<Object>> expected = JoinFixtures.run(allocator, node, probe, build, batchSize, batchSize,
          new CancellationToken()).rows();
      Run run = run(allocator, node, probe, build, batchSize, Long.MAX_VALUE, spillAfter, new CancellationToken());
      assertEquals(sorted(expected), sorted(run.rows()));
      Statistics.label("spilled").collect(run.metrics().spillCount() > 0);
    }
  }

  @Property(tries = 100)
  void aTinyMemoryLimitSpillsInsteadOfFailing(@ForAll JoinType type, @ForAll("keys") Keys keys,
      @ForAll("residuals") Residual residual, @ForAll("largerRows") List<List<Object>> probe,
      @ForAll("largerRows") List<List<Object>> build, @ForAll @IntRange(min = 16, max = 64) int batchSize,
      @ForAll @IntRange(min = 256 * 1024, max = 640 * 1024) int limit) {
    if (type == JoinType.NULL_AWARE_ANTI && residual.expression() != null) {
      // NOT IN with a residual condition does not spill (see SpilledJoin.canSpill)
      return;
    }
    HashJoinNode node = JoinFixtures.node(type, keys.columns, keys.columns, residual.expression());
    try (RootAllocator allocator = new RootAllocator()) {
      List<List<Object>> expected = JoinFixtures.run(allocator, node, probe, build, batchSize, batchSize,
          new CancellationToken()).rows();
      Run run = run(allocator, node, probe, build, batchSize, limit, List.of(), new CancellationToken());
      assertEquals(sorted(expected), sorted(run.rows()));
      Statistics.label("spilled").collect(run.metrics().spillCount() > 0);
    }
  }

  /** NOT IN stays right when spilled: one NULL build key excludes everything, a NULL probe key is excluded. */
  @Property(tries = 60)
  void notInWithNullsStaysRightWhenSpilled(@ForAll("rows") List<List<Object>> probe,
      @ForAll("rows") List<List<Object>> build, @ForAll boolean buildNull, @ForAll boolean probeNull,
      @ForAll @IntRange(min = 1, max = 40) int batchSize) {
    List<List<Object>> buildRows = new ArrayList<>(build);
    List<List<Object>> probeRows = new ArrayList<>(probe);
    buildRows.replaceAll(r -> r.get(0) == null ? JoinFixtures.buildRow(7L, null, null, null) : r);
    probeRows.replaceAll(r -> r.get(0) == null ? JoinFixtures.probeRow(8L, null, null, null) : r);
    if (buildNull) {
      buildRows.add(buildRows.size() / 2, JoinFixtures.buildRow(null, 1L, "x", null));
    }
    if (probeNull) {
      probeRows.add(JoinFixtures.probeRow(null, 1L, "y", null));
    }
    HashJoinNode node = JoinFixtures.node(JoinType.NULL_AWARE_ANTI, List.of(0), List.of(0), null);
    List<List<Object>> expected = NestedLoopJoin.join(JoinType.NULL_AWARE_ANTI, probeRows, buildRows, PROBE.size(),
        BUILD.size(), List.of(0), List.of(0), JoinFixtures.NONE.reference());
    List<Boolean> always = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      always.add(true);
    }
    try (RootAllocator allocator = new RootAllocator()) {
      Run run = run(allocator, node, probeRows, buildRows, batchSize, Long.MAX_VALUE, always,
          new CancellationToken());
      assertEquals(sorted(expected), sorted(run.rows()));
      if (buildNull) {
        assertEquals(List.of(), run.rows());
      }
    }
  }

  @Property(tries = 1)
  void spillsHappenAndFilesGoAway() {
    List<List<Object>> probe = new ArrayList<>();
    List<List<Object>> build = new ArrayList<>();
    for (long i = 0; i < 30_000; i++) {
      build.add(JoinFixtures.buildRow(i, i, "build row " + i, "1.00"));
      probe.add(JoinFixtures.probeRow(i % 40_000, -i, "p", null));
    }
    HashJoinNode node = JoinFixtures.node(JoinType.FULL_OUTER, List.of(0), List.of(0), null);
    try (RootAllocator allocator = new RootAllocator()) {
      Run run = run(allocator, node, probe, build, 1000, 1024 * 1024, List.of(), new CancellationToken());
      assertEquals(30_000, run.rows().size());
      assertTrue(run.metrics().spillCount() > 1, "spills: " + run.metrics().spillCount());
      assertTrue(run.metrics().spilledBytes() > 0);
    }
  }

  /** Every build row shares one key: no split divides it, the join fails with 53200 naming itself. */
  @Property(tries = 1)
  void oneKeyLargerThanTheLimitFailsCleanly() {
    List<List<Object>> build = new ArrayList<>();
    for (long i = 0; i < 30_000; i++) {
      build.add(JoinFixtures.buildRow(5L, i, "the same key " + i, "1.00"));
    }
    List<List<Object>> probe = List.of(JoinFixtures.probeRow(5L, 1L, "p", null));
    HashJoinNode node = JoinFixtures.node(JoinType.INNER, List.of(0), List.of(0), null);
    try (RootAllocator allocator = new RootAllocator()) {
      QuiverException e = assertThrows(QuiverException.class,
          () -> run(allocator, node, probe, build, 1000, 1024 * 1024, List.of(), new CancellationToken()));
      assertEquals(ErrorCode.MEMORY_LIMIT_EXCEEDED, e.errorCode());
      assertTrue(e.getMessage().contains("the INNER hash join"), e.getMessage());
      assertTrue(e.getMessage().contains("one key"), e.getMessage());
    }
  }

  @Property(tries = 1)
  void aCancelledSpilledJoinLeavesNoFile() {
    List<List<Object>> build = new ArrayList<>();
    List<List<Object>> probe = new ArrayList<>();
    for (long i = 0; i < 20_000; i++) {
      build.add(JoinFixtures.buildRow(i, i, "b", null));
      probe.add(JoinFixtures.probeRow(i, i, "p", null));
    }
    HashJoinNode node = JoinFixtures.node(JoinType.INNER, List.of(0), List.of(0), null);
    CancellationToken cancellation = new CancellationToken();
    try (RootAllocator allocator = new RootAllocator()) {
      QuiverException e = assertThrows(QuiverException.class, () -> run(allocator, node, probe, build, 500,
          Long.MAX_VALUE, List.of(true), cancellation, output -> {
            if (output > 3) {
              cancellation.cancel(CancellationToken.cancelledByUser());
            }
          }));
      assertEquals(CancellationToken.cancelledByUser().errorCode(), e.errorCode());
    }
  }

  /** What a run gave, and its task's metrics. */
  record Run(List<List<Object>> rows, TaskMetrics metrics) {
  }

  private static Run run(BufferAllocator allocator, HashJoinNode node, List<List<Object>> probeRows,
      List<List<Object>> buildRows, int batchSize, long limit, List<Boolean> spillAfter,
      CancellationToken cancellation) {
    return run(allocator, node, probeRows, buildRows, batchSize, limit, spillAfter, cancellation, output -> { });
  }

  /**
   * Runs the join under a task allocator of {@code limit} bytes, making it spill after the build
   * batches {@code spillAfter} picks; input batches are outside the limit, output batches become
   * rows at once. Checks that the join left no spill file once closed.
   */
  private static Run run(BufferAllocator allocator, HashJoinNode node, List<List<Object>> probeRows,
      List<List<Object>> buildRows, int batchSize, long limit, List<Boolean> spillAfter,
      CancellationToken cancellation, IntConsumer afterOutput) {
    TaskMetrics metrics = new TaskMetrics();
    List<List<Object>> rows = new ArrayList<>();
    Deque<VectorSchemaRoot> probe = new ArrayDeque<>(TestTables.batches(allocator, PROBE, probeRows, batchSize));
    Path directory;
    try (BufferAllocator task = allocator.newChildAllocator("task", 0, limit);
        TaskMemory memory = TaskMemory.standalone(task, metrics)) {
      HashJoinOperator[] join = new HashJoinOperator[1];
      SpillingSource build = new SpillingSource(TestTables.batches(allocator, BUILD, buildRows, batchSize),
          spillAfter, () -> join[0].spill());
      join[0] = HashJoinOperator.create(node, List.of(build), task, memory, batchSize, cancellation, 3);
      try (HashJoinOperator operator = join[0]) {
        int outputs = 0;
        int idle = 0;
        while (!operator.isFinished()) {
          cancellation.throwIfCancelled();
          boolean progress = false;
          if (operator.needsInput()) {
            if (probe.isEmpty()) {
              operator.finish();
            } else {
              operator.addInput(probe.poll());
            }
            progress = true;
          }
          VectorSchemaRoot output = operator.getOutput();
          if (output != null) {
            try (output) {
              rows.addAll(TestTables.rows(output));
            }
            afterOutput.accept(++outputs);
            progress = true;
          }
          idle = progress ? 0 : idle + 1;
          if (idle > 100_000) {
            throw new IllegalStateException("the join is stuck");
          }
        }
      } finally {
        probe.forEach(VectorSchemaRoot::close);
        directory = memory.spillDirectory();
        assertNoFiles(directory);
      }
    }
    if (directory != null) {
      assertFalse(Files.exists(directory), "spill directory " + directory + " is left");
    }
    return new Run(rows, metrics);
  }

  private static void assertNoFiles(Path directory) {
    if (directory == null || !Files.exists(directory)) {
      return;
    }
    try (Stream<Path> files = Files.list(directory)) {
      assertEquals(List.of(), files.toList(), "spill files left after the join closed");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A build source that makes the join spill after the batches the caller picks. */
  private static final class SpillingSource extends SourceOperator {
    private final Deque<VectorSchemaRoot> batches;
    private final List<Boolean> spillAfter;
    private final Runnable spill;
    private int produced;
    private boolean spilledAfterLast;
    private boolean closed;

    SpillingSource(List<VectorSchemaRoot> batches, List<Boolean> spillAfter, Runnable spill) {
      this.batches = new ArrayDeque<>(batches);
      this.spillAfter = spillAfter;
      this.spill = spill;
    }

    @Override
    public VectorSchemaRoot getOutput() {
      if (closed) {
        return null;
      }
      // the batch handed out before this one is in the join's build rows now
      if (spillPending()) {
        spill.run();
      }
      if (batches.isEmpty()) {
        spilledAfterLast = true;
        return null;
      }
      produced++;
      return batches.poll();
    }

    private boolean spillPending() {
      return produced > 0 && produced - 1 < spillAfter.size() && spillAfter.get(produced - 1) && !spilledAfterLast;
    }

    @Override
    public boolean isFinished() {
      return closed || batches.isEmpty() && (spilledAfterLast || !spillPending());
    }

    @Override
    public void close() {
      closed = true;
      batches.forEach(VectorSchemaRoot::close);
      batches.clear();
    }
  }
}
