package io.quiver.engine.connector.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.junit.jupiter.api.Test;

class DistinctCountSketchTest {

  @Test
  void emptyIsZero() {
    assertEquals(0, new DistinctCountSketch().estimate());
  }

  @Test
  void fewValuesAreCountedNearlyExactlyAndNullsNotAtAll() {
    try (RootAllocator allocator = new RootAllocator();
        BigIntVector vector = new BigIntVector("k", allocator)) {
      vector.allocateNew(10_000);
      for (int i = 0; i < 10_000; i++) {
        if (i % 7 == 0) {
          vector.setNull(i);
        } else {
          vector.set(i, i % 25);
        }
      }
      vector.setValueCount(10_000);
      DistinctCountSketch sketch = new DistinctCountSketch();
      sketch.addAll(vector, 10_000);
      assertEquals(25, sketch.estimate(), 1);
    }
  }

  @Test
  void manyValuesWithinAFewPercentAcrossMergedBatches() {
    DistinctCountSketch total = new DistinctCountSketch();
    try (RootAllocator allocator = new RootAllocator();
        VarCharVector vector = new VarCharVector("s", allocator)) {
      for (int batch = 0; batch < 20; batch++) {
        vector.allocateNew();
        for (int i = 0; i < 10_000; i++) {
          // Batches overlap by half: 105,000 distinct values in all.
          vector.setSafe(i, ("value-" + (batch * 5_000 + i)).getBytes());
        }
        vector.setValueCount(10_000);
        DistinctCountSketch sketch = new DistinctCountSketch();
        sketch.addAll(vector, 10_000);
        total.merge(sketch);
        vector.clear();
      }
    }
    assertEquals(105_000, total.estimate(), 105_000 * 0.05);
  }
}
