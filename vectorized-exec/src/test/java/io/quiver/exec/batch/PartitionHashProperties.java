package io.quiver.exec.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.exec.testing.TestTables;
import io.quiver.exec.type.DataType;
import io.quiver.exec.type.RowSchema;
import java.util.ArrayList;
import java.util.Arrays;
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
 * A key value's partition depends only on the value: not on the integer width carrying it, nor on
 * the batch or position it arrives in.
 */
class PartitionHashProperties {

  @Provide
  Arbitrary<List<List<Object>>> keys() {
    return Arbitraries.integers().between(Short.MIN_VALUE, Short.MAX_VALUE)
        .map(i -> (Object) (long) i).injectNull(0.1)
        .flatMap(k -> Arbitraries.of("x", "yy", "a longer text key").injectNull(0.1)
            .map(t -> Arrays.asList(k, t)))
        .list().ofMaxSize(100);
  }

  @Property(tries = 50)
  void partitionDependsOnlyOnTheValue(@ForAll("keys") List<List<Object>> rows,
      @ForAll @IntRange(min = 1, max = 17) int partitions, @ForAll @IntRange(min = 1, max = 30) int batchSize) {
    RowSchema narrow = TestTables.schema("k", DataType.SMALLINT, "t", DataType.VARCHAR);
    RowSchema wide = TestTables.schema("t", DataType.VARCHAR, "k", DataType.BIGINT);
    List<List<Object>> swapped = new ArrayList<>();
    for (List<Object> row : rows) {
      swapped.add(Arrays.asList(row.get(1), row.get(0)));
    }
    try (RootAllocator allocator = new RootAllocator()) {
      List<Integer> fromNarrow = partitions(allocator, narrow, rows, batchSize, List.of(0, 1), partitions);
      List<Integer> fromWide = partitions(allocator, wide, swapped, Math.max(1, batchSize / 2 + 1), List.of(1, 0),
          partitions);
      assertEquals(fromNarrow, fromWide);
      fromNarrow.forEach(p -> assertTrue(p >= 0 && p < partitions));
    }
  }

  private static List<Integer> partitions(RootAllocator allocator, RowSchema schema, List<List<Object>> rows,
      int batchSize, List<Integer> keys, int partitionCount) {
    List<Integer> result = new ArrayList<>();
    PartitionHash hash = new PartitionHash();
    for (VectorSchemaRoot batch : TestTables.batches(allocator, schema, rows, batchSize)) {
      try (batch) {
        int[] out = new int[batch.getRowCount()];
        hash.partitions(batch, keys, partitionCount, out);
        for (int p : out) {
          result.add(p);
        }
      }
    }
    return result;
  }
}
