package io.quiver.exec.operator.join;

import static io.quiver.exec.operator.join.JoinFixtures.BUILD;
import static io.quiver.exec.operator.join.JoinFixtures.PROBE;
import static io.quiver.exec.operator.join.JoinFixtures.sorted;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quiver.exec.batch.PartitionHash;
import io.quiver.exec.fragment.node.JoinType;
import io.quiver.exec.operator.join.JoinFixtures.Residual;
import io.quiver.exec.task.CancellationToken;
import io.quiver.exec.testing.TestTables;
import io.quiver.exec.type.RowSchema;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The hash join equals a nested-loop join over random inputs (NULL keys, duplicates, skew, empty
 * sides, every join type and key kind, random batch sizes), and its result does not depend on how
 * the inputs are partitioned.
 */
class HashJoinProperties {

  /** Which columns are joined: the same positions on both sides (the schemas line up). */
  enum Keys {
    BIGINT(List.of(0)),
    TEXT(List.of(2)),
    DECIMAL(List.of(3)),
    BIGINT_AND_TEXT(List.of(0, 2)),
    TEXT_DECIMAL_BIGINT(List.of(2, 3, 0)),
    NONE(List.of());

    final List<Integer> columns;

    Keys(List<Integer> columns) {
      this.columns = columns;
    }
  }

  @Provide
  Arbitrary<List<List<Object>>> rows() {
    // skew: one key value is far more frequent than the others
    Arbitrary<List<Object>> row = JoinFixtures.rows(Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(5, Arbitraries.just((Object) 1L)),
        net.jqwik.api.Tuple.of(5, Arbitraries.longs().between(-3, 4).map(v -> (Object) v)))
        .injectNull(0.15));
    return Arbitraries.oneOf(row.list().ofMaxSize(30), row.list().ofMaxSize(3), Arbitraries.just(List.of()));
  }

  @Provide
  Arbitrary<Residual> residuals() {
    return Arbitraries.of(JoinFixtures.residuals());
  }

  @Property(tries = 400)
  void hashJoinEqualsNestedLoopJoin(@ForAll JoinType type, @ForAll Keys keys, @ForAll("residuals") Residual residual,
      @ForAll("rows") List<List<Object>> probe, @ForAll("rows") List<List<Object>> build,
      @ForAll @IntRange(min = 1, max = 9) int inputBatchSize, @ForAll @IntRange(min = 1, max = 9) int outputBatchSize,
      @ForAll @IntRange(min = 1, max = 5) int chunkShift) {
    List<List<Object>> expected = NestedLoopJoin.join(type, probe, build, PROBE.size(), BUILD.size(), keys.columns,
        keys.columns, residual.reference());
    try (RootAllocator allocator = new RootAllocator()) {
      JoinFixtures.Result result = JoinFixtures.run(allocator, JoinFixtures.node(type, keys.columns, keys.columns,
          residual.expression()), probe, build, inputBatchSize, outputBatchSize, new CancellationToken(), chunkShift);
      assertEquals(sorted(expected), sorted(result.rows()));
      for (int size : result.batchSizes()) {
        assertEquals(true, size <= outputBatchSize, "output batch of " + size + " rows");
      }
    }
  }

  /** Hash-partitions both sides on their keys into {@code partitions} parts; the joins' union is the join. */
  @Property(tries = 200)
  void hashPartitionedJoinEqualsSingleJoin(@ForAll JoinType type, @ForAll Keys keys,
      @ForAll("residuals") Residual residual, @ForAll("rows") List<List<Object>> probe,
      @ForAll("rows") List<List<Object>> build, @ForAll @IntRange(min = 1, max = 4) int partitions) {
    // NOT IN must see every NULL build key in every partition, so it is only ever broadcast
    if (keys == Keys.NONE || type == JoinType.NULL_AWARE_ANTI) {
      return;
    }
    try (RootAllocator allocator = new RootAllocator()) {
      List<List<List<Object>>> probeParts = partition(allocator, PROBE, probe, keys.columns, partitions);
      List<List<List<Object>>> buildParts = partition(allocator, BUILD, build, keys.columns, partitions);
      List<List<Object>> union = new ArrayList<>();
      for (int p = 0; p < partitions; p++) {
        union.addAll(join(allocator, type, keys, residual, probeParts.get(p), buildParts.get(p)));
      }
      assertEquals(sorted(join(allocator, type, keys, residual, probe, build)), sorted(union));
    }
  }

  /** Broadcast: every probe partition against the whole build side, for the joins that keep probe rows. */
  @Property(tries = 200)
  void broadcastJoinEqualsSingleJoin(@ForAll JoinType type, @ForAll Keys keys,
      @ForAll("residuals") Residual residual, @ForAll("rows") List<List<Object>> probe,
      @ForAll("rows") List<List<Object>> build, @ForAll @IntRange(min = 1, max = 4) int partitions) {
    // unmatched build rows would come out once per partition
    if (type == JoinType.BUILD_OUTER || type == JoinType.FULL_OUTER) {
      return;
    }
    try (RootAllocator allocator = new RootAllocator()) {
      List<List<List<Object>>> probeParts = partition(allocator, PROBE, probe, List.of(1), partitions);
      List<List<Object>> union = new ArrayList<>();
      for (int p = 0; p < partitions; p++) {
        union.addAll(join(allocator, type, keys, residual, probeParts.get(p), build));
      }
      assertEquals(sorted(join(allocator, type, keys, residual, probe, build)), sorted(union));
    }
  }

  private static List<List<Object>> join(RootAllocator allocator, JoinType type, Keys keys, Residual residual,
      List<List<Object>> probe, List<List<Object>> build) {
    return JoinFixtures.run(allocator, JoinFixtures.node(type, keys.columns, keys.columns, residual.expression()),
        probe, build, 4, 5, new CancellationToken()).rows();
  }

  /** Splits rows by the partition {@link PartitionHash} gives their key columns, as a Hash exchange does. */
  private static List<List<List<Object>>> partition(RootAllocator allocator, RowSchema schema,
      List<List<Object>> rows, List<Integer> keys, int partitions) {
    List<List<List<Object>>> parts = new ArrayList<>();
    for (int p = 0; p < partitions; p++) {
      parts.add(new ArrayList<>());
    }
    if (rows.isEmpty()) {
      return parts;
    }
    try (VectorSchemaRoot batch = TestTables.batch(allocator, schema, rows)) {
      int[] assigned = new int[rows.size()];
      new PartitionHash().partitions(batch, keys, partitions, assigned);
      for (int i = 0; i < rows.size(); i++) {
        parts.get(assigned[i]).add(rows.get(i));
      }
    }
    return parts;
  }
}
