package io.quiver.exec.operator.sort;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quiver.exec.fragment.node.SortKey;
import io.quiver.exec.operator.limit.LimitOperator;
import io.quiver.exec.testing.Pipelines;
import io.quiver.exec.testing.TestTables;
import io.quiver.exec.type.DataType;
import io.quiver.exec.type.RowSchema;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.apache.arrow.memory.RootAllocator;

/** TopN equals a full sort followed by a limit, for any data, keys, count and batch size. */
class SortProperties {

  private static final RowSchema SCHEMA = TestTables.schema("a", DataType.INTEGER, "b", DataType.VARCHAR,
      "c", DataType.DOUBLE);

  @Provide
  Arbitrary<List<List<Object>>> tables() {
    Arbitrary<Object> a = Arbitraries.integers().between(-5, 5).map(i -> (Object) (long) i).injectNull(0.2);
    Arbitrary<Object> b = Arbitraries.strings().withChars("abcü").ofMaxLength(3).map(s -> (Object) s).injectNull(0.2);
    Arbitrary<Object> c = Arbitraries.integers().between(-3, 3).map(i -> (Object) (i * 0.5)).injectNull(0.2);
    return Combinators.combine(a, b, c).as((x, y, z) -> Arrays.asList(x, y, z)).list().ofMaxSize(200);
  }

  @Provide
  Arbitrary<List<SortKey>> keys() {
    Arbitrary<SortKey> key = Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.of(true, false),
        Arbitraries.of(true, false)).as(SortKey::new);
    return key.list().ofMinSize(1).ofMaxSize(3);
  }

  @Property(tries = 80)
  void topNEqualsSortThenLimit(@ForAll("tables") List<List<Object>> rows, @ForAll("keys") List<SortKey> keys,
      @ForAll @IntRange(min = 0, max = 250) int count, @ForAll @IntRange(min = 1, max = 40) int batchSize) {
    try (RootAllocator allocator = new RootAllocator()) {
      // all keys plus every column as a tie breaker, so the expected order is total
      List<SortKey> total = new java.util.ArrayList<>(keys);
      for (int column = 0; column < 3; column++) {
        total.add(new SortKey(column, true, true));
      }
      List<List<Object>> sorted = Pipelines.run(TestTables.batches(allocator, SCHEMA, rows, batchSize),
          new SortOperator(SCHEMA.toArrowSchema(), total, allocator, batchSize), new LimitOperator(0, count, allocator));
      List<List<Object>> top = Pipelines.run(TestTables.batches(allocator, SCHEMA, rows, batchSize),
          new TopNOperator(SCHEMA.toArrowSchema(), total, count, allocator, batchSize));
      assertEquals(sorted, top);
      assertEquals(Math.min(count, rows.size()), top.size());
    }
  }
}
