package io.quiver.exec.expression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.fragment.expression.Expression;
import io.quiver.exec.type.DataType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Random expression trees over random batches (integers, decimals of several scales and widths,
 * doubles, text, dates, booleans, NULLs everywhere) give what {@link ReferenceEvaluator} gives row
 * by row; when the reference fails on some row, the vectorized evaluation fails with one of the
 * reference's error codes. Every run closes its allocator, so a leak on any path fails.
 */
class RandomExpressionProperties {

  @Property(tries = 400)
  void filtersMatchTheReference(@ForAll long seed, @ForAll @IntRange(min = 0, max = 150) int rows) {
    check(seed, rows, RandomExpressions.Category.BOOLEAN);
  }

  @Property(tries = 400)
  void projectionsMatchTheReference(@ForAll long seed, @ForAll @IntRange(min = 0, max = 150) int rows) {
    Random random = new Random(seed);
    RandomExpressions.Category category = RandomExpressions.Category.values()[random.nextInt(5)];
    check(random.nextLong(), rows, category);
  }

  private static void check(long seed, int rows, RandomExpressions.Category category) {
    Random random = new Random(seed);
    RandomExpressions generator = new RandomExpressions(random);
    Expression expression = generator.generate(category, 1 + random.nextInt(4));
    List<List<Object>> columns = new ArrayList<>();
    for (DataType type : RandomExpressions.SCHEMA) {
      columns.add(generator.columnValues(type, rows));
    }
    List<Object> expected = new ArrayList<>();
    Set<ErrorCode> expectedErrors = EnumSet.noneOf(ErrorCode.class);
    for (int i = 0; i < rows; i++) {
      List<Object> row = new ArrayList<>();
      for (List<Object> column : columns) {
        row.add(column.get(i));
      }
      try {
        expected.add(ReferenceEvaluator.evaluate(expression, row));
      } catch (QuiverException e) {
        expectedErrors.add(e.errorCode());
        expected.add(null);
      }
    }
    try (RootAllocator allocator = new RootAllocator()) {
      TestBatch batch = new TestBatch(allocator, rows);
      for (int c = 0; c < columns.size(); c++) {
        batch.column(RandomExpressions.SCHEMA.get(c), columns.get(c));
      }
      try (VectorSchemaRoot root = batch.root();
          VectorExpression compiled = ExpressionCompiler.compile(expression, allocator)) {
        FieldVector result;
        try {
          result = compiled.evaluate(root);
        } catch (QuiverException e) {
          Statistics.label("outcome").collect("error " + e.errorCode());
          assertTrue(expectedErrors.contains(e.errorCode()),
              "unexpected " + e.errorCode() + " (" + e.getMessage() + ") from " + expression
                  + "; the reference raised " + expectedErrors);
          return;
        }
        try (FieldVector owned = result) {
          if (!expectedErrors.isEmpty()) {
            fail("expected one of " + expectedErrors + " from " + expression);
          }
          Statistics.label("outcome").collect(rows == 0 ? "empty batch" : "values");
          assertEquals(rows, owned.getValueCount());
          for (int i = 0; i < rows; i++) {
            Object actual = TestBatch.read(owned, expression.type(), i);
            if (!same(expected.get(i), actual)) {
              fail("row " + i + " of " + expression + " (type " + expression.type() + "): expected "
                  + expected.get(i) + " but was " + actual + "; row " + describeRow(columns, i));
            }
          }
        }
      }
    }
  }

  private static boolean same(Object expected, Object actual) {
    if (expected == null || actual == null) {
      return expected == actual;
    }
    if (expected instanceof Double a && actual instanceof Double b) {
      return a.equals(b) || a.doubleValue() == b.doubleValue() || (a.isNaN() && b.isNaN());
    }
    if (expected instanceof BigDecimal a && actual instanceof BigDecimal b) {
      return a.equals(b);
    }
    return expected.equals(actual);
  }

  private static String describeRow(List<List<Object>> columns, int row) {
    List<Object> values = new ArrayList<>();
    for (List<Object> column : columns) {
      values.add(column.get(row));
    }
    return values.toString();
  }
}
