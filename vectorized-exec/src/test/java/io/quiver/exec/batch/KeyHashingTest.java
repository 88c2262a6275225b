package io.quiver.exec.batch;

import static io.quiver.exec.testing.TestTables.batch;
import static io.quiver.exec.testing.TestTables.schema;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.exec.type.DataType;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KeyHashingTest {

  private final RootAllocator allocator = new RootAllocator();

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  @Test
  void integersOfEveryWidthHashLikeTheEqualBigint() {
    try (VectorSchemaRoot narrow = batch(allocator, schema("t", DataType.TINYINT, "s", DataType.SMALLINT,
        "i", DataType.INTEGER, "l", DataType.BIGINT), new Object[] {-7L, -7L, -7L, -7L}, new Object[] {null, null,
            null, null})) {
      PartitionHash hash = new PartitionHash();
      for (int column = 0; column < 4; column++) {
        long[] hashes = hash.hashRows(narrow, List.of(column)).clone();
        assertEquals(KeyHashing.hashLong(-7L), hashes[0]);
        assertEquals(KeyHashing.NULL_HASH, hashes[1]);
      }
      assertEquals(PartitionHash.partitionOfLong(-7L, 13), partition(narrow, 2, 13));
    }
  }

  private static int partition(VectorSchemaRoot batch, int column, int partitions) {
    int[] out = new int[batch.getRowCount()];
    new PartitionHash().partitions(batch, List.of(column), partitions, out);
    return out[0];
  }

  @Test
  void textHashesByBytesWhateverItsPositionInTheBatch() {
    try (VectorSchemaRoot first = batch(allocator, schema("v", DataType.VARCHAR), new Object[] {"x"},
        new Object[] {"hello, partitioned world"});
        VectorSchemaRoot second = batch(allocator, schema("v", DataType.VARCHAR),
            new Object[] {"hello, partitioned world"})) {
      long[] a = new PartitionHash().hashRows(first, List.of(0)).clone();
      long[] b = new PartitionHash().hashRows(second, List.of(0)).clone();
      assertEquals(a[1], b[0]);
      assertNotEquals(a[0], a[1]);
    }
  }

  @Test
  void realAndDoubleAgreeAndZeroSignIsIgnored() {
    assertEquals(KeyHashing.hashDouble(0.0), KeyHashing.hashDouble(-0.0));
    try (VectorSchemaRoot floats = batch(allocator, schema("r", DataType.REAL, "d", DataType.DOUBLE),
        new Object[] {1.5, 1.5})) {
      PartitionHash hash = new PartitionHash();
      long real = hash.hashRows(floats, List.of(0))[0];
      long dbl = hash.hashRows(floats, List.of(1))[0];
      assertEquals(real, dbl);
    }
  }

  @Test
  void partitionsAreInRangeAndSpread() {
    int[] counts = new int[8];
    for (long value = 0; value < 8000; value++) {
      int partition = PartitionHash.partitionOfLong(value, 8);
      assertTrue(partition >= 0 && partition < 8);
      counts[partition]++;
    }
    for (int count : counts) {
      assertTrue(count > 800, "partition too small: " + count);
    }
  }

  @Test
  void multiColumnHashDependsOnOrder() {
    assertNotEquals(KeyHashing.combine(KeyHashing.hashLong(1), KeyHashing.hashLong(2)),
        KeyHashing.combine(KeyHashing.hashLong(2), KeyHashing.hashLong(1)));
  }
}
