package io.quiver.exec.expression;

import static io.quiver.exec.expression.TestBatch.call;
import static io.quiver.exec.expression.TestBatch.column;
import static io.quiver.exec.expression.TestBatch.integer;
import static io.quiver.exec.expression.TestBatch.nullOf;
import static io.quiver.exec.expression.TestBatch.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.fragment.expression.Expression;
import io.quiver.exec.fragment.expression.ScalarFunction;
import io.quiver.exec.type.DataType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MathFunctionTest {

  private static final Expression X = column(0, DataType.DOUBLE);

  private RootAllocator allocator;

  @BeforeEach
  void open() {
    allocator = new RootAllocator();
  }

  @AfterEach
  void close() {
    allocator.close();
  }

  private List<Object> run(Expression expression, DataType type, Object... values) {
    TestBatch batch = new TestBatch(allocator, values.length).column(type, values);
    try (VectorSchemaRoot root = batch.root()) {
      return TestBatch.evaluate(expression, root, allocator);
    }
  }

  private List<Object> runPairs(Expression expression, List<Object> left, List<Object> right) {
    TestBatch batch = new TestBatch(allocator, left.size()).column(DataType.DOUBLE, left).column(DataType.DOUBLE, right);
    try (VectorSchemaRoot root = batch.root()) {
      return TestBatch.evaluate(expression, root, allocator);
    }
  }

  private ErrorCode failure(Expression expression, DataType type, Object... values) {
    TestBatch batch = new TestBatch(allocator, values.length).column(type, values);
    try (VectorSchemaRoot root = batch.root()) {
      return assertThrows(QuiverException.class, () -> TestBatch.evaluate(expression, root, allocator)).errorCode();
    }
  }

  private static Expression math(ScalarFunction function, Expression... arguments) {
    return call(function, DataType.DOUBLE, arguments);
  }

  @Test
  void unaryFunctionsWithNulls() {
    assertEquals(Arrays.asList(0.0, 1.5, null, 3.0), run(math(ScalarFunction.SQRT, X), DataType.DOUBLE, 0.0, 2.25, null, 9.0));
    assertEquals(Arrays.asList(1.0, null, Math.E), run(math(ScalarFunction.EXP, X), DataType.DOUBLE, 0.0, null, 1.0));
    assertEquals(Arrays.asList(0.0, null, 1.0), run(math(ScalarFunction.LN, X), DataType.DOUBLE, 1.0, null, Math.E));
    assertEquals(Arrays.asList(3.0, -2.0, null), run(math(ScalarFunction.LOG10, X), DataType.DOUBLE, 1000.0, 0.01, null));
    assertEquals(Arrays.asList(-1.0, 0.0, 1.0, null), run(math(ScalarFunction.SIGN, X), DataType.DOUBLE, -3.5, 0.0, 1e-300, null));
  }

  @Test
  void acceptsEveryNumericKindAndSignKeepsTheType() {
    Expression integerColumn = column(0, DataType.INTEGER);
    assertEquals(Arrays.asList(2.0, null), run(math(ScalarFunction.SQRT, integerColumn), DataType.INTEGER, 4L, null));
    assertEquals(Arrays.asList(-1L, 0L, 1L, null),
        run(call(ScalarFunction.SIGN, DataType.INTEGER, integerColumn), DataType.INTEGER, -9L, 0L, (long) Integer.MAX_VALUE, null));
    DataType money = DataType.decimal(10, 2);
    assertEquals(List.of(new BigDecimal("-1.00"), new BigDecimal("1.00")),
        run(call(ScalarFunction.SIGN, money, column(0, money)), money, new BigDecimal("-0.01"), new BigDecimal("99.99")));
    assertEquals(List.of(1024.0), run(call(ScalarFunction.POWER, DataType.DOUBLE, integer(2), column(0, DataType.INTEGER)),
        DataType.INTEGER, 10L));
  }

  @Test
  void powerOverPairsAcrossBatchBoundaries() {
    List<Object> bases = new ArrayList<>();
    List<Object> exponents = new ArrayList<>();
    List<Object> expected = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      boolean missing = i % 63 == 0 || i == 64 || i == 127;
      bases.add(missing && i % 2 == 0 ? null : (double) (i % 7) - 3);
      exponents.add(missing && i % 2 == 1 ? null : (double) (i % 4));
      expected.add(missing ? null : Math.pow((double) (i % 7) - 3, i % 4));
    }
    assertEquals(expected, runPairs(math(ScalarFunction.POWER, X, column(1, DataType.DOUBLE)), bases, exponents));
  }

  @Test
  void edgeValuesFollowIeee() {
    List<Object> result = run(math(ScalarFunction.SQRT, X), DataType.DOUBLE, Double.NaN, Double.POSITIVE_INFINITY, -0.0);
    assertTrue(Double.isNaN((Double) result.get(0)));
    assertEquals(Double.POSITIVE_INFINITY, result.get(1));
    assertEquals(-0.0, result.get(2));
    assertEquals(List.of(0.0), run(math(ScalarFunction.EXP, X), DataType.DOUBLE, Double.NEGATIVE_INFINITY));
    assertEquals(List.of(1.0), runPairs(math(ScalarFunction.POWER, X, column(1, DataType.DOUBLE)), List.of(0.0), List.of(0.0)));
    assertEquals(List.of(-8.0), runPairs(math(ScalarFunction.POWER, X, column(1, DataType.DOUBLE)), List.of(-2.0), List.of(3.0)));
  }

  @Test
  void invalidDomainFailsWithPostgresStates() {
    assertEquals(ErrorCode.INVALID_ARGUMENT_FOR_POWER, failure(math(ScalarFunction.SQRT, X), DataType.DOUBLE, 4.0, -1.0));
    assertEquals(ErrorCode.INVALID_ARGUMENT_FOR_LOGARITHM, failure(math(ScalarFunction.LN, X), DataType.DOUBLE, 0.0));
    assertEquals(ErrorCode.INVALID_ARGUMENT_FOR_LOGARITHM, failure(math(ScalarFunction.LOG10, X), DataType.DOUBLE, -5.0));
    assertEquals(ErrorCode.NUMERIC_OVERFLOW, failure(math(ScalarFunction.EXP, X), DataType.DOUBLE, 1000.0));
    assertEquals("2201F", ErrorCode.INVALID_ARGUMENT_FOR_POWER.sqlState());
    assertEquals("2201E", ErrorCode.INVALID_ARGUMENT_FOR_LOGARITHM.sqlState());
    Expression power = math(ScalarFunction.POWER, X, column(1, DataType.DOUBLE));
    TestBatch batch = new TestBatch(allocator, 1).column(DataType.DOUBLE, 0.0).column(DataType.DOUBLE, -1.0);
    try (VectorSchemaRoot root = batch.root()) {
      assertEquals(ErrorCode.INVALID_ARGUMENT_FOR_POWER,
          assertThrows(QuiverException.class, () -> TestBatch.evaluate(power, root, allocator)).errorCode());
    }
    batch = new TestBatch(allocator, 1).column(DataType.DOUBLE, -8.0).column(DataType.DOUBLE, 1.0 / 3);
    try (VectorSchemaRoot root = batch.root()) {
      assertEquals(ErrorCode.INVALID_ARGUMENT_FOR_POWER,
          assertThrows(QuiverException.class, () -> TestBatch.evaluate(power, root, allocator)).errorCode());
    }
  }

  @Test
  void nullConstantsAndWrongUsage() {
    assertEquals(Arrays.asList(null, null), run(math(ScalarFunction.POWER, X, nullOf(DataType.DOUBLE)), DataType.DOUBLE, 1.0, 2.0));
    assertEquals(ErrorCode.TYPE_MISMATCH, failure(math(ScalarFunction.SQRT, column(0, DataType.VARCHAR)), DataType.VARCHAR, "4"));
    assertEquals(ErrorCode.TYPE_MISMATCH, failure(math(ScalarFunction.LN, text("e")), DataType.DOUBLE, 1.0));
    assertEquals(ErrorCode.INTERNAL_ERROR, failure(math(ScalarFunction.SQRT, X, X), DataType.DOUBLE, 1.0));
    assertEquals(ErrorCode.INTERNAL_ERROR, failure(math(ScalarFunction.POWER, X), DataType.DOUBLE, 1.0));
  }
}
