package io.quiver.exec.operator.sort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.exec.fragment.node.SortKey;
import io.quiver.exec.memory.TaskMemory;
import io.quiver.exec.testing.Pipelines;
import io.quiver.exec.testing.SpillDriver;
import io.quiver.exec.testing.TestTables;
import io.quiver.exec.task.TaskMetrics;
import io.quiver.exec.type.DataType;
import io.quiver.exec.type.RowSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
 * The external sort gives exactly the rows of the in-memory sort, in order, whether it spills at
 * random points or because its allocator's limit is tiny; no spill file is left afterwards.
 */
class ExternalSortProperties {

  private static final RowSchema SCHEMA = TestTables.schema("a", DataType.BIGINT, "b", DataType.VARCHAR,
      "c", DataType.DOUBLE, "d", DataType.decimal(12, 2));

  @Provide
  Arbitrary<List<List<Object>>> tables() {
    // skew: most rows share a few keys; NULLs and duplicates everywhere
    Arbitrary<Object> a = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(5, Arbitraries.longs().between(0, 3)),
        net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(-1_000_000, 1_000_000))).map(v -> (Object) v)
        .injectNull(0.15);
    Arbitrary<Object> b = Arbitraries.strings().withChars("abcü").ofMaxLength(12).map(s -> (Object) s).injectNull(0.2);
    Arbitrary<Object> c = Arbitraries.integers().between(-3, 3).map(i -> (Object) (i * 0.5)).injectNull(0.2);
    Arbitrary<Object> d = Arbitraries.longs().between(-999, 999)
        .map(v -> (Object) java.math.BigDecimal.valueOf(v, 2)).injectNull(0.2);
    return Combinators.combine(a, b, c, d).as((w, x, y, z) -> Arrays.asList(w, x, y, z)).list().ofMaxSize(700);
  }

  @Provide
  Arbitrary<List<SortKey>> keys() {
    Arbitrary<SortKey> key = Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.of(true, false),
        Arbitraries.of(true, false)).as(SortKey::new);
    return key.list().ofMinSize(1).ofMaxSize(3);
  }

  /** The keys, then every column as a tie breaker, so that the expected order is total. */
  private static List<SortKey> total(List<SortKey> keys) {
    List<SortKey> total = new ArrayList<>(keys);
    for (int column = 0; column < SCHEMA.size(); column++) {
      total.add(new SortKey(column, true, true));
    }
    return total;
  }

  @Property(tries = 60)
  void spillingAtRandomPointsGivesTheInMemoryOrder(@ForAll("tables") List<List<Object>> rows,
      @ForAll("keys") List<SortKey> keys, @ForAll @IntRange(min = 1, max = 50) int batchSize,
      @ForAll List<Boolean> spillAfter) {
    List<SortKey> total = total(keys);
    try (RootAllocator allocator = new RootAllocator()) {
      List<List<Object>> expected = Pipelines.run(TestTables.batches(allocator, SCHEMA, rows, batchSize),
          new SortOperator(SCHEMA.toArrowSchema(), total, allocator, batchSize));
      TaskMetrics metrics = new TaskMetrics();
      Path directory;
      try (BufferAllocator task = allocator.newChildAllocator("task", 0, Long.MAX_VALUE);
          TaskMemory memory = TaskMemory.standalone(task, metrics)) {
        List<List<Object>> actual = SpillDriver.run(TestTables.batches(allocator, SCHEMA, rows, batchSize),
            new SortOperator(SCHEMA.toArrowSchema(), total, memory, batchSize, null), spillAfter);
        assertEquals(expected, actual);
        directory = memory.spillDirectory();
      }
      assertNoSpillFiles(directory);
      if (spillAfter.contains(true) && !rows.isEmpty()) {
        assertTrue(metrics.spillCount() > 0 || spillAfter.indexOf(true) * batchSize >= rows.size());
      }
    }
  }

  @Property(tries = 60)
  void aSpillingTopNEqualsSortThenLimit(@ForAll("tables") List<List<Object>> rows,
      @ForAll("keys") List<SortKey> keys, @ForAll @IntRange(min = 0, max = 400) int count,
      @ForAll @IntRange(min = 1, max = 50) int batchSize, @ForAll List<Boolean> spillAfter) {
    List<SortKey> total = total(keys);
    try (RootAllocator allocator = new RootAllocator()) {
      List<List<Object>> expected = Pipelines.run(TestTables.batches(allocator, SCHEMA, rows, batchSize),
          new SortOperator(SCHEMA.toArrowSchema(), total, allocator, batchSize),
          new io.quiver.exec.operator.limit.LimitOperator(0, count, allocator));
      Path directory;
      try (BufferAllocator task = allocator.newChildAllocator("task", 0, Long.MAX_VALUE);
          TaskMemory memory = TaskMemory.standalone(task, new TaskMetrics())) {
        List<List<Object>> actual = SpillDriver.run(TestTables.batches(allocator, SCHEMA, rows, batchSize),
            new TopNOperator(SCHEMA.toArrowSchema(), total, count, memory, batchSize), spillAfter);
        assertEquals(expected, actual);
        directory = memory.spillDirectory();
      }
      assertNoSpillFiles(directory);
    }
  }

  @Property(tries = 40)
  void aTinyMemoryLimitSpillsInsteadOfFailing(@ForAll("tables") List<List<Object>> rows,
      @ForAll("keys") List<SortKey> keys, @ForAll @IntRange(min = 1, max = 50) int batchSize,
      @ForAll @IntRange(min = 48 * 1024, max = 512 * 1024) int limit) {
    List<SortKey> total = total(keys);
    try (RootAllocator allocator = new RootAllocator()) {
      List<List<Object>> expected = Pipelines.run(TestTables.batches(allocator, SCHEMA, rows, batchSize),
          new SortOperator(SCHEMA.toArrowSchema(), total, allocator, batchSize));
      Path directory;
      try (BufferAllocator task = allocator.newChildAllocator("task", 0, limit);
          TaskMemory memory = TaskMemory.standalone(task, new TaskMetrics())) {
        List<List<Object>> actual = SpillDriver.run(TestTables.batches(allocator, SCHEMA, rows, batchSize),
            new SortOperator(SCHEMA.toArrowSchema(), total, memory, batchSize, null), List.of());
        assertEquals(expected, actual);
        directory = memory.spillDirectory();
      }
      assertNoSpillFiles(directory);
    }
  }

  static void assertNoSpillFiles(Path directory) {
    if (directory != null) {
      assertFalse(Files.exists(directory), "spill directory " + directory + " is left");
    }
  }
}
