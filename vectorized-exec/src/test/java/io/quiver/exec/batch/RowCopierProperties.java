package io.quiver.exec.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quiver.exec.testing.TestTables;
import io.quiver.exec.type.DataType;
import io.quiver.exec.type.RowSchema;
import java.math.BigDecimal;
import java.time.LocalDate;
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
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Copying selected rows (sparse, dense with gaps, or all) gives exactly those rows, appended where asked. */
class RowCopierProperties {

  private static final RowSchema SCHEMA = TestTables.schema("l", DataType.BIGINT, "s", DataType.VARCHAR,
      "m", DataType.decimal(20, 3), "b", DataType.BOOLEAN, "d", DataType.DATE, "t", DataType.TINYINT);

  @Provide
  Arbitrary<List<List<Object>>> tables() {
    Arbitrary<Object> l = Arbitraries.longs().map(v -> (Object) v).injectNull(0.1);
    Arbitrary<Object> s = Arbitraries.strings().withChars("xyzé").ofMaxLength(12).map(v -> (Object) v).injectNull(0.1);
    Arbitrary<Object> m = Arbitraries.longs().between(-1_000_000_000L, 1_000_000_000L)
        .map(v -> (Object) BigDecimal.valueOf(v, 3)).injectNull(0.1);
    Arbitrary<Object> b = Arbitraries.of(true, false).map(v -> (Object) v).injectNull(0.1);
    Arbitrary<Object> d = Arbitraries.integers().between(0, 30000).map(v -> (Object) LocalDate.ofEpochDay(v))
        .injectNull(0.1);
    Arbitrary<Object> t = Arbitraries.integers().between(-128, 127).map(v -> (Object) (long) v).injectNull(0.1);
    return Combinators.combine(l, s, m, b, d, t).as((a1, a2, a3, a4, a5, a6) -> Arrays.asList(a1, a2, a3, a4, a5, a6))
        .list().ofMaxSize(300);
  }

  @Property(tries = 100)
  void copiesExactlyTheSelectedRows(@ForAll("tables") List<List<Object>> rows,
      @ForAll @IntRange(min = 0, max = 100) int keepPercent, @ForAll long seed,
      @ForAll @IntRange(min = 0, max = 40) int alreadyThere) {
    java.util.Random random = new java.util.Random(seed);
    List<Integer> kept = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      if (random.nextInt(100) < keepPercent) {
        kept.add(i);
      }
    }
    int[] positions = kept.stream().mapToInt(Integer::intValue).toArray();
    try (RootAllocator allocator = new RootAllocator();
        VectorSchemaRoot source = TestTables.batch(allocator, SCHEMA, rows);
        VectorSchemaRoot target = TestTables.batch(allocator, SCHEMA, rows.subList(0, Math.min(alreadyThere,
            rows.size())))) {
      int before = target.getRowCount();
      for (int column = 0; column < SCHEMA.size(); column++) {
        RowCopier.append(source.getVector(column), positions, 0, positions.length, target.getVector(column), before);
      }
      target.setRowCount(before + positions.length);
      List<List<Object>> expected = new ArrayList<>(rows.subList(0, before));
      kept.forEach(i -> expected.add(rows.get(i)));
      assertEquals(expected, TestTables.rows(target));
      try (VectorSchemaRoot slice = Batches.slice(source, rows.size() / 3, rows.size() / 2, allocator)) {
        assertEquals(rows.subList(rows.size() / 3, rows.size() / 3 + rows.size() / 2), TestTables.rows(slice));
      }
    }
  }
}
