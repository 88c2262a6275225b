package io.quiver.engine.connector.tpch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

class TpchSplitProperties {

  @Property(tries = 15)
  void anySplittingReadsEveryOrderOnce(@ForAll @IntRange(min = 1, max = 40) int splitCount,
      @ForAll @IntRange(min = 1, max = 5000) int batchSize) {
    try (BufferAllocator allocator = new RootAllocator()) {
      List<Long> keys = new ArrayList<>();
      for (int split = 0; split < splitCount; split++) {
        for (List<String> row : TpchTestReads.readSplit(allocator, TpchTables.ORDERS, 0.01, List.of(0), split,
            splitCount, batchSize)) {
          keys.add(Long.parseLong(row.get(0)));
        }
      }
      assertEquals(15_000, keys.size());
      assertEquals(15_000, keys.stream().distinct().count());
    }
  }

  @Property(tries = 200)
  void splitCountsAreSane(@ForAll @IntRange(min = 1, max = 256) int slots,
      @ForAll @IntRange(min = 0, max = 2_000_000_000) int rows) {
    int splits = new TpchSplitPolicy(slots).splitCount(rows);
    if (rows <= TpchSplitPolicy.MAX_ROWS_UNSPLIT) {
      assertEquals(1, splits);
      return;
    }
    org.junit.jupiter.api.Assertions.assertTrue(splits >= 1);
    org.junit.jupiter.api.Assertions.assertTrue(rows / splits <= TpchSplitPolicy.TARGET_ROWS_PER_SPLIT,
        rows + " rows in " + splits + " splits");
    org.junit.jupiter.api.Assertions.assertTrue(splits == 1 || rows / splits >= 1_000 || splits > slots,
        rows + " rows in " + splits + " splits");
  }
}
