package io.quiver.exec.batch;

import static io.quiver.exec.testing.TestTables.batch;
import static io.quiver.exec.testing.TestTables.row;
import static io.quiver.exec.testing.TestTables.rows;
import static io.quiver.exec.testing.TestTables.schema;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.exec.type.DataType;
import io.quiver.exec.type.RowSchema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RowCopierTest {

  private static final RowSchema ALL_TYPES = schema("b", DataType.BOOLEAN, "t", DataType.TINYINT,
      "s", DataType.SMALLINT, "i", DataType.INTEGER, "l", DataType.BIGINT, "r", DataType.REAL,
      "d", DataType.DOUBLE, "m", DataType.decimal(15, 2), "v", DataType.VARCHAR, "day", DataType.DATE,
      "n", DataType.NULL);

  private final RootAllocator allocator = new RootAllocator();

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  private static List<List<Object>> sample() {
    return List.of(
        row(true, 1L, 2L, 3L, 4L, 1.5, 2.5, new BigDecimal("1.25"), "a", LocalDate.of(2020, 1, 1), null),
        row(null, null, null, null, null, null, null, null, null, null, null),
        row(false, -1L, -2L, -3L, -4L, -1.5, -2.5, new BigDecimal("-1.25"), "", LocalDate.of(1995, 3, 15), null),
        row(true, 127L, 32767L, Integer.MAX_VALUE + 0L, Long.MIN_VALUE, 0.0, 0.0, new BigDecimal("9999999999999.99"),
            "a longer text with ünïcode", LocalDate.of(1970, 1, 1), null));
  }

  @Test
  void copiesSelectedRowsOfEveryTypeWithNulls() {
    try (VectorSchemaRoot source = batch(allocator, ALL_TYPES, sample());
        VectorSchemaRoot copy = RowCopier.copyRows(source, new int[] {3, 1, 0}, 0, 3, allocator)) {
      assertEquals(List.of(sample().get(3), sample().get(1), sample().get(0)), rows(copy));
    }
  }

  @Test
  void appendsBatchesAcrossReallocation() {
    try (VectorSchemaRoot source = batch(allocator, ALL_TYPES, sample());
        VectorSchemaRoot target = VectorSchemaRoot.create(source.getSchema(), allocator)) {
      int rows = 0;
      for (int i = 0; i < 2000; i++) {
        RowCopier.appendBatch(source, target, rows);
        rows += source.getRowCount();
      }
      assertEquals(8000, target.getRowCount());
      List<List<Object>> all = rows(target);
      for (int i = 0; i < all.size(); i++) {
        assertEquals(sample().get(i % 4), all.get(i));
      }
    }
  }

  @Test
  void setBitsFillsExactlyTheRange() {
    for (int from = 0; from < 20; from++) {
      for (int count = 0; count < 40; count++) {
        try (org.apache.arrow.memory.ArrowBuf buffer = allocator.buffer(16)) {
          buffer.setZero(0, 16);
          RowCopier.setBits(buffer, from, count);
          for (int bit = 0; bit < 128; bit++) {
            assertEquals(bit >= from && bit < from + count, ColumnReader.isValid(buffer, bit),
                "from " + from + " count " + count + " bit " + bit);
          }
        }
      }
    }
  }

  @Test
  void copyOfNoRowsIsEmpty() {
    try (VectorSchemaRoot source = batch(allocator, ALL_TYPES, sample());
        VectorSchemaRoot copy = RowCopier.copyRows(source, new int[0], 0, 0, allocator)) {
      assertEquals(0, copy.getRowCount());
    }
  }

  @Test
  void sliceAndCopyToAnotherRootAllocator() {
    try (BufferAllocator other = new RootAllocator();
        VectorSchemaRoot source = batch(allocator, ALL_TYPES, sample())) {
      try (VectorSchemaRoot slice = Batches.slice(source, 1, 2, allocator);
          VectorSchemaRoot copied = Batches.copyTo(slice, other)) {
        assertEquals(sample().subList(1, 3), rows(copied));
      }
      VectorSchemaRoot moved = Batches.moveTo(Batches.slice(source, 0, 4, allocator), other);
      try (moved) {
        assertEquals(sample(), rows(moved));
      }
    }
  }

  @Test
  void moveWithinOneRootTransfersOwnership() {
    try (BufferAllocator child = allocator.newChildAllocator("service", 0, Long.MAX_VALUE)) {
      VectorSchemaRoot source = batch(allocator, ALL_TYPES, sample());
      try (VectorSchemaRoot moved = Batches.moveTo(source, child)) {
        assertEquals(sample(), rows(moved));
        assertTrue(child.getAllocatedMemory() > 0);
        assertEquals(child.getAllocatedMemory(), allocator.getAllocatedMemory());
      }
    }
  }
}
