package io.quiver.exec.operator.sort;

import static io.quiver.exec.testing.TestTables.row;
import static io.quiver.exec.testing.TestTables.schema;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quiver.exec.fragment.node.SortKey;
import io.quiver.exec.testing.Pipelines;
import io.quiver.exec.testing.TestTables;
import io.quiver.exec.type.DataType;
import io.quiver.exec.type.RowSchema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SortOperatorTest {

  private static final RowSchema SCHEMA = schema("k", DataType.INTEGER, "s", DataType.VARCHAR,
      "d", DataType.DOUBLE, "m", DataType.decimal(20, 2));
  private static final Schema ARROW = SCHEMA.toArrowSchema();

  private final RootAllocator allocator = new RootAllocator();

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  private static List<List<Object>> randomRows(int count, long seed) {
    Random random = new Random(seed);
    List<List<Object>> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      rows.add(row(
          random.nextInt(10) == 0 ? null : (long) random.nextInt(20) - 10,
          random.nextInt(10) == 0 ? null : "s" + random.nextInt(50) + (random.nextBoolean() ? "ü" : ""),
          random.nextInt(10) == 0 ? null : random.nextInt(7) - 3.5,
          random.nextInt(10) == 0 ? null : BigDecimal.valueOf(random.nextLong() % 100_000_000_000L, 2)));
    }
    return rows;
  }

  @SuppressWarnings("unchecked")
  private static Comparator<List<Object>> keyOrder(int column, boolean ascending, boolean nullsFirst) {
    Comparator<Object> values = (a, b) -> {
      if (a instanceof String left) {
        return compareCodePoints(left, (String) b);
      }
      if (a instanceof Double left && left.doubleValue() == (Double) b) {
        return 0; // -0.0 equals 0.0, as in SQL
      }
      return ((Comparable<Object>) a).compareTo(b);
    };
    Comparator<Object> directed = ascending ? values : values.reversed();
    Comparator<Object> withNulls = nullsFirst ? Comparator.nullsFirst(directed) : Comparator.nullsLast(directed);
    return (a, b) -> withNulls.compare(a.get(column), b.get(column));
  }

  private static int compareCodePoints(String a, String b) {
    return java.util.Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
  }

  @Test
  void sortsByEveryKeyTypeInBothDirectionsWithNulls() {
    List<List<Object>> rows = randomRows(3000, 1);
    for (int column = 0; column < 4; column++) {
      for (boolean ascending : new boolean[] {true, false}) {
        for (boolean nullsFirst : new boolean[] {true, false}) {
          List<SortKey> keys = List.of(new SortKey(column, ascending, nullsFirst));
          List<List<Object>> sorted = Pipelines.run(TestTables.batches(allocator, SCHEMA, rows, 500),
              new SortOperator(ARROW, keys, allocator, 256));
          List<List<Object>> expected = new ArrayList<>(rows);
          Comparator<List<Object>> order = keyOrder(column, ascending, nullsFirst);
          expected.sort(order);
          assertEquals(rows.size(), sorted.size());
          for (int i = 0; i < sorted.size(); i++) {
            assertEquals(0, order.compare(expected.get(i), sorted.get(i)), "row " + i + " key " + keys);
          }
        }
      }
    }
  }

  @Test
  void sortsByTwoKeys() {
    List<List<Object>> rows = randomRows(2000, 2);
    List<SortKey> keys = List.of(new SortKey(0, true, false), new SortKey(2, false, true));
    List<List<Object>> sorted = Pipelines.run(TestTables.batches(allocator, SCHEMA, rows, 300),
        new SortOperator(ARROW, keys, allocator, 1000));
    Comparator<List<Object>> order = keyOrder(0, true, false).thenComparing(keyOrder(2, false, true));
    List<List<Object>> expected = new ArrayList<>(rows);
    expected.sort(order);
    for (int i = 0; i < sorted.size(); i++) {
      assertEquals(0, order.compare(expected.get(i), sorted.get(i)));
    }
  }

  @Test
  void topNKeepsTheFirstRowsInOrder() {
    List<List<Object>> rows = randomRows(5000, 3);
    List<SortKey> keys = List.of(new SortKey(3, false, false), new SortKey(1, true, true));
    Comparator<List<Object>> order = keyOrder(3, false, false).thenComparing(keyOrder(1, true, true));
    List<List<Object>> expected = new ArrayList<>(rows);
    expected.sort(order);
    for (long count : new long[] {0, 1, 7, 100, 10_000}) {
      List<List<Object>> top = Pipelines.run(TestTables.batches(allocator, SCHEMA, rows, 64),
          new TopNOperator(ARROW, keys, count, allocator, 64));
      assertEquals(Math.min(count, rows.size()), top.size());
      for (int i = 0; i < top.size(); i++) {
        assertEquals(0, order.compare(expected.get(i), top.get(i)), "count " + count + " row " + i);
      }
    }
  }

  @Test
  void wideIntegerRangesAndSpecialDoubles() {
    RowSchema schema = schema("l", DataType.BIGINT, "d", DataType.DOUBLE);
    List<List<Object>> rows = List.of(row(Long.MAX_VALUE, Double.NaN), row(Long.MIN_VALUE, -0.0),
        row(0L, 0.0), row(null, Double.NEGATIVE_INFINITY), row(-1L, Double.POSITIVE_INFINITY), row(1L, null),
        row(Long.MIN_VALUE + 1, -1e300));
    Schema arrow = schema.toArrowSchema();
    for (int column = 0; column < 2; column++) {
      for (boolean ascending : new boolean[] {true, false}) {
        List<SortKey> keys = List.of(new SortKey(column, ascending, !ascending));
        List<List<Object>> sorted = Pipelines.run(TestTables.batches(allocator, schema, rows, 3),
            new SortOperator(arrow, keys, allocator, 2));
        List<List<Object>> expected = new ArrayList<>(rows);
        expected.sort(keyOrder(column, ascending, !ascending));
        assertEquals(expected, sorted, "column " + column + " ascending " + ascending);
      }
    }
  }

  @Test
  void emptyInputAndWrongUsage() {
    List<SortKey> keys = List.of(new SortKey(0, true, true));
    assertEquals(List.of(), Pipelines.run(List.of(), new SortOperator(ARROW, keys, allocator, 10)));
    assertEquals(List.of(), Pipelines.run(List.of(), new TopNOperator(ARROW, keys, 5, allocator, 10)));
    assertThrows(IllegalArgumentException.class, () -> new TopNOperator(ARROW, keys, -1, allocator, 10));
    try (SortOperator sort = new SortOperator(ARROW, keys, allocator, 10)) {
      sort.addInput(TestTables.batch(allocator, SCHEMA, randomRows(5, 4)));
      sort.finish();
      assertThrows(IllegalStateException.class,
          () -> sort.addInput(TestTables.batch(allocator, SCHEMA, randomRows(5, 4))));
      // closed before its output was read: releases the buffered rows
    }
  }
}
