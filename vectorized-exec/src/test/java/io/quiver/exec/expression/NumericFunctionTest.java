package io.quiver.exec.expression;

import static io.quiver.exec.expression.TestBatch.call;
import static io.quiver.exec.expression.TestBatch.column;
import static io.quiver.exec.expression.TestBatch.integer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.fragment.expression.Expression;
import io.quiver.exec.fragment.expression.ScalarFunction;
import io.quiver.exec.type.DataType;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NumericFunctionTest {

  private static final DataType MONEY = DataType.decimal(10, 2);

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

  private static List<Object> decimals(String... values) {
    return Arrays.asList(Arrays.stream(values).map(v -> v == null ? null : new BigDecimal(v)).toArray());
  }

  private static BigDecimal dec(String value) {
    return new BigDecimal(value);
  }

  @Test
  void abs() {
    assertEquals(Arrays.asList(5L, 5L, null), run(call(ScalarFunction.ABS, DataType.INTEGER, column(0, DataType.INTEGER)),
        DataType.INTEGER, -5L, 5L, null));
    assertEquals(List.of(2.5), run(call(ScalarFunction.ABS, DataType.DOUBLE, column(0, DataType.DOUBLE)), DataType.DOUBLE, -2.5));
    assertEquals(decimals("1.25", "1.25"), run(call(ScalarFunction.ABS, MONEY, column(0, MONEY)), MONEY, dec("-1.25"), dec("1.25")));
    TestBatch batch = new TestBatch(allocator, 1).column(DataType.INTEGER, (long) Integer.MIN_VALUE);
    try (VectorSchemaRoot root = batch.root()) {
      QuiverException e = assertThrows(QuiverException.class, () -> TestBatch.evaluate(
          call(ScalarFunction.ABS, DataType.INTEGER, column(0, DataType.INTEGER)), root, allocator));
      assertEquals(ErrorCode.NUMERIC_OVERFLOW, e.errorCode());
    }
  }

  @Test
  void floorAndCeil() {
    DataType whole = DataType.decimal(9, 0);
    assertEquals(decimals("1", "-2", "3", null), run(call(ScalarFunction.FLOOR, whole, column(0, MONEY)), MONEY,
        dec("1.99"), dec("-1.01"), dec("3.00"), null));
    assertEquals(decimals("2", "-1", "3", null), run(call(ScalarFunction.CEIL, whole, column(0, MONEY)), MONEY,
        dec("1.01"), dec("-1.99"), dec("3.00"), null));
    assertEquals(List.of(-2.0, 2.0), run(call(ScalarFunction.FLOOR, DataType.DOUBLE, column(0, DataType.DOUBLE)), DataType.DOUBLE, -1.5, 2.5));
    assertEquals(List.of(-1.0, 3.0), run(call(ScalarFunction.CEIL, DataType.DOUBLE, column(0, DataType.DOUBLE)), DataType.DOUBLE, -1.5, 2.5));
    assertEquals(List.of(7L), run(call(ScalarFunction.FLOOR, DataType.INTEGER, column(0, DataType.INTEGER)), DataType.INTEGER, 7L));
    DataType wide = DataType.decimal(38, 2);
    assertEquals(decimals("12345678901234567890123456789"), run(call(ScalarFunction.FLOOR, DataType.decimal(38, 0), column(0, wide)),
        wide, dec("12345678901234567890123456789.99")));
  }

  @Test
  void round() {
    assertEquals(decimals("1.30", "-1.30", "0.00", null), run(call(ScalarFunction.ROUND, MONEY, column(0, MONEY), integer(1)),
        MONEY, dec("1.25"), dec("-1.25"), dec("0.04"), null));
    assertEquals(decimals("2", "-2"), run(call(ScalarFunction.ROUND, DataType.decimal(9, 0), column(0, MONEY)),
        MONEY, dec("1.50"), dec("-1.50")));
    assertEquals(List.of(3.0, -3.0), run(call(ScalarFunction.ROUND, DataType.DOUBLE, column(0, DataType.DOUBLE), integer(0)),
        DataType.DOUBLE, 2.5, -2.5));
    assertEquals(List.of(0.29), run(call(ScalarFunction.ROUND, DataType.DOUBLE, column(0, DataType.DOUBLE), integer(2)),
        DataType.DOUBLE, 0.285));
    assertEquals(List.of(1250L, -1250L), run(call(ScalarFunction.ROUND, DataType.INTEGER, column(0, DataType.INTEGER), integer(-1)),
        DataType.INTEGER, 1245L, -1245L));
  }

  @Test
  void rejectsNonNumbers() {
    QuiverException e = assertThrows(QuiverException.class, () -> ExpressionCompiler.compile(
        call(ScalarFunction.ABS, DataType.VARCHAR, column(0, DataType.VARCHAR)), allocator));
    assertEquals(ErrorCode.NOT_SUPPORTED, e.errorCode());
  }
}
