package io.quiver.exec.expression;

import static io.quiver.exec.expression.TestBatch.call;
import static io.quiver.exec.expression.TestBatch.column;
import static io.quiver.exec.expression.TestBatch.decimal;
import static io.quiver.exec.expression.TestBatch.integer;
import static io.quiver.exec.expression.TestBatch.nullOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.fragment.expression.Expression;
import io.quiver.exec.fragment.expression.Literal;
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

class ArithmeticTest {

  private static final DataType MONEY = DataType.decimal(15, 2);

  private RootAllocator allocator;

  @BeforeEach
  void open() {
    allocator = new RootAllocator();
  }

  @AfterEach
  void close() {
    allocator.close();
  }

  private List<Object> run(Expression expression, TestBatch batch) {
    try (VectorSchemaRoot root = batch.root()) {
      return TestBatch.evaluate(expression, root, allocator);
    }
  }

  private QuiverException fails(Expression expression, TestBatch batch) {
    try (VectorSchemaRoot root = batch.root()) {
      return assertThrows(QuiverException.class, () -> TestBatch.evaluate(expression, root, allocator));
    }
  }

  private TestBatch batch(int rows) {
    return new TestBatch(allocator, rows);
  }

  private static List<Object> decimals(String... values) {
    return Arrays.asList(Arrays.stream(values).map(v -> v == null ? null : new BigDecimal(v)).toArray());
  }

  @Test
  void integerArithmeticWithNulls() {
    Expression a = column(0, DataType.INTEGER);
    Expression b = column(1, DataType.INTEGER);
    TestBatch data = batch(4).column(DataType.INTEGER, 7L, -7L, null, 6L).column(DataType.INTEGER, 2L, 2L, 1L, null);
    assertEquals(Arrays.asList(9L, -5L, null, null), run(call(ScalarFunction.ADD, DataType.INTEGER, a, b), data));
    data = batch(4).column(DataType.INTEGER, 7L, -7L, null, 6L).column(DataType.INTEGER, 2L, 2L, 1L, null);
    assertEquals(Arrays.asList(5L, -9L, null, null), run(call(ScalarFunction.SUBTRACT, DataType.INTEGER, a, b), data));
    data = batch(4).column(DataType.INTEGER, 7L, -7L, null, 6L).column(DataType.INTEGER, 2L, 2L, 1L, null);
    assertEquals(Arrays.asList(14L, -14L, null, null), run(call(ScalarFunction.MULTIPLY, DataType.INTEGER, a, b), data));
    data = batch(4).column(DataType.INTEGER, 7L, -7L, null, 6L).column(DataType.INTEGER, 2L, 2L, 1L, null);
    assertEquals(Arrays.asList(3L, -3L, null, null), run(call(ScalarFunction.DIVIDE, DataType.INTEGER, a, b), data));
    data = batch(4).column(DataType.INTEGER, 7L, -7L, null, 6L).column(DataType.INTEGER, 2L, 2L, 1L, null);
    assertEquals(Arrays.asList(1L, -1L, null, null), run(call(ScalarFunction.MODULO, DataType.INTEGER, a, b), data));
    data = batch(3).column(DataType.INTEGER, 7L, null, Integer.MIN_VALUE + 1L);
    assertEquals(Arrays.asList(-7L, null, (long) Integer.MAX_VALUE), run(call(ScalarFunction.NEGATE, DataType.INTEGER, a), data));
  }

  @Test
  void mixedIntegerKindsArePromotedToTheResult() {
    TestBatch data = batch(2).column(DataType.SMALLINT, 30000L, -30000L).column(DataType.BIGINT, 5_000_000_000L, 1L);
    assertEquals(List.of(5_000_030_000L, -29_999L),
        run(call(ScalarFunction.ADD, DataType.BIGINT, column(0, DataType.SMALLINT), column(1, DataType.BIGINT)), data));
  }

  @Test
  void integerOverflowAndDivisionByZero() {
    QuiverException overflow = fails(call(ScalarFunction.ADD, DataType.INTEGER, column(0, DataType.INTEGER), integer(1)),
        batch(2).column(DataType.INTEGER, 1L, (long) Integer.MAX_VALUE));
    assertEquals(ErrorCode.NUMERIC_OVERFLOW, overflow.errorCode());
    assertEquals("22003", overflow.sqlState());
    assertTrue(overflow.getMessage().contains("2147483647"), overflow.getMessage());
    assertEquals(ErrorCode.NUMERIC_OVERFLOW, fails(call(ScalarFunction.MULTIPLY, DataType.BIGINT,
        column(0, DataType.BIGINT), TestBatch.bigint(2)), batch(1).column(DataType.BIGINT, Long.MAX_VALUE / 2 + 1)).errorCode());
    assertEquals(ErrorCode.NUMERIC_OVERFLOW, fails(call(ScalarFunction.DIVIDE, DataType.BIGINT,
        column(0, DataType.BIGINT), TestBatch.bigint(-1)), batch(1).column(DataType.BIGINT, Long.MIN_VALUE)).errorCode());
    assertEquals(ErrorCode.NUMERIC_OVERFLOW, fails(call(ScalarFunction.SUBTRACT, DataType.TINYINT,
        column(0, DataType.TINYINT), Literal.ofLong(1, DataType.TINYINT)), batch(1).column(DataType.TINYINT, -128L)).errorCode());
    QuiverException zero = fails(call(ScalarFunction.DIVIDE, DataType.INTEGER, column(0, DataType.INTEGER), column(1, DataType.INTEGER)),
        batch(2).column(DataType.INTEGER, 1L, 5L).column(DataType.INTEGER, 1L, 0L));
    assertEquals(ErrorCode.DIVISION_BY_ZERO, zero.errorCode());
    assertEquals("22012", zero.sqlState());
    assertEquals(ErrorCode.DIVISION_BY_ZERO, fails(call(ScalarFunction.MODULO, DataType.INTEGER,
        column(0, DataType.INTEGER), integer(0)), batch(1).column(DataType.INTEGER, 3L)).errorCode());
  }

  @Test
  void nullRowsNeverRaiseErrors() {
    // The divisor's NULL row holds 0 underneath; the dividend's NULL row holds MAX_VALUE.
    TestBatch data = batch(2).column(DataType.INTEGER, 4L, null).column(DataType.INTEGER, null, 2L);
    assertEquals(Arrays.asList(null, null),
        run(call(ScalarFunction.DIVIDE, DataType.INTEGER, column(0, DataType.INTEGER), column(1, DataType.INTEGER)), data));
  }

  @Test
  void doubleArithmeticFollowsIeee() {
    TestBatch data = batch(3).column(DataType.DOUBLE, 1.0, -1.0, 0.0).column(DataType.DOUBLE, 0.0, 0.0, 0.0);
    List<Object> result = run(call(ScalarFunction.DIVIDE, DataType.DOUBLE, column(0, DataType.DOUBLE), column(1, DataType.DOUBLE)), data);
    assertEquals(Double.POSITIVE_INFINITY, result.get(0));
    assertEquals(Double.NEGATIVE_INFINITY, result.get(1));
    assertTrue(((Double) result.get(2)).isNaN());
    data = batch(2).column(DataType.INTEGER, 3L, null).column(DataType.DOUBLE, 0.5, 1.0);
    assertEquals(Arrays.asList(1.5, null),
        run(call(ScalarFunction.MULTIPLY, DataType.DOUBLE, column(0, DataType.INTEGER), column(1, DataType.DOUBLE)), data));
    data = batch(1).column(DataType.REAL, 1.5f);
    assertEquals(List.of(3.0f), run(call(ScalarFunction.ADD, DataType.REAL, column(0, DataType.REAL), column(0, DataType.REAL)), data));
  }

  @Test
  void tpchDiscountedPrice() {
    // l_extendedprice * (1 - l_discount) * (1 + l_tax)
    Expression price = column(0, MONEY);
    Expression discount = column(1, MONEY);
    Expression tax = column(2, MONEY);
    Expression oneMinus = call(ScalarFunction.SUBTRACT, DataType.decimal(16, 2), integer(1), discount);
    Expression onePlus = call(ScalarFunction.ADD, DataType.decimal(16, 2), integer(1), tax);
    Expression discounted = call(ScalarFunction.MULTIPLY, DataType.decimal(31, 4), price, oneMinus);
    Expression charge = call(ScalarFunction.MULTIPLY, DataType.decimal(38, 6), discounted, onePlus);
    TestBatch data = batch(3)
        .column(MONEY, new BigDecimal("33078.94"), new BigDecimal("0.01"), null)
        .column(MONEY, new BigDecimal("0.04"), new BigDecimal("0.10"), new BigDecimal("0.00"))
        .column(MONEY, new BigDecimal("0.02"), new BigDecimal("0.08"), new BigDecimal("0.00"));
    assertEquals(decimals("32390.898048", "0.009720", null), run(charge, data));
  }

  @Test
  void decimalRoundingAndScalesAndDivision() {
    DataType a = DataType.decimal(10, 2);
    DataType b = DataType.decimal(10, 3);
    TestBatch data = batch(3)
        .column(a, new BigDecimal("1.00"), new BigDecimal("-1.00"), new BigDecimal("2.50"))
        .column(b, new BigDecimal("3.000"), new BigDecimal("3.000"), new BigDecimal("0.001"));
    assertEquals(decimals("0.333333", "-0.333333", "2500.000000"),
        run(call(ScalarFunction.DIVIDE, DataType.decimal(20, 6), column(0, a), column(1, b)), data));
    data = batch(2).column(a, new BigDecimal("2.00"), new BigDecimal("-2.00")).column(b, new BigDecimal("3.000"), new BigDecimal("3.000"));
    assertEquals(decimals("0.67", "-0.67"), run(call(ScalarFunction.DIVIDE, DataType.decimal(10, 2), column(0, a), column(1, b)), data));
    data = batch(2).column(a, new BigDecimal("1.25"), new BigDecimal("-1.25")).column(b, new BigDecimal("0.001"), new BigDecimal("0.004"));
    assertEquals(decimals("1.251", "-1.246"), run(call(ScalarFunction.ADD, DataType.decimal(12, 3), column(0, a), column(1, b)), data));
    data = batch(2).column(a, new BigDecimal("1.25"), new BigDecimal("-1.25")).column(b, new BigDecimal("0.005"), new BigDecimal("0.005"));
    assertEquals(decimals("1.26", "-1.25"), run(call(ScalarFunction.ADD, DataType.decimal(12, 2), column(0, a), column(1, b)), data));
    data = batch(2).column(a, new BigDecimal("7.50"), new BigDecimal("-7.50")).column(b, new BigDecimal("2.000"), new BigDecimal("2.000"));
    assertEquals(decimals("1.500", "-1.500"), run(call(ScalarFunction.MODULO, DataType.decimal(10, 3), column(0, a), column(1, b)), data));
  }

  @Test
  void decimalWithIntegersAndWideValues() {
    DataType wide = DataType.decimal(38, 0);
    BigDecimal big = new BigDecimal("99999999999999999999999999999999999998");
    TestBatch data = batch(2).column(wide, big, BigDecimal.ONE).column(DataType.BIGINT, 1L, Long.MAX_VALUE);
    assertEquals(decimals("99999999999999999999999999999999999999", "9223372036854775808"),
        run(call(ScalarFunction.ADD, wide, column(0, wide), column(1, DataType.BIGINT)), data));
    data = batch(1).column(DataType.BIGINT, Long.MAX_VALUE);
    assertEquals(decimals("85070591730234615847396907784232501249"),
        run(call(ScalarFunction.MULTIPLY, wide, column(0, DataType.BIGINT), column(0, DataType.BIGINT)), data));
  }

  @Test
  void decimalOverflowAndDivisionByZero() {
    DataType small = DataType.decimal(4, 2);
    QuiverException overflow = fails(call(ScalarFunction.MULTIPLY, small, column(0, small), column(0, small)),
        batch(1).column(small, new BigDecimal("50.00")));
    assertEquals(ErrorCode.NUMERIC_OVERFLOW, overflow.errorCode());
    assertTrue(overflow.getMessage().contains("2500.00"), overflow.getMessage());
    DataType wide = DataType.decimal(38, 0);
    assertEquals(ErrorCode.NUMERIC_OVERFLOW, fails(call(ScalarFunction.ADD, wide, column(0, wide), column(0, wide)),
        batch(1).column(wide, new BigDecimal("60000000000000000000000000000000000000"))).errorCode());
    QuiverException zero = fails(call(ScalarFunction.DIVIDE, MONEY, column(0, MONEY), decimal("0.00", 3, 2)),
        batch(1).column(MONEY, new BigDecimal("1.00")));
    assertEquals(ErrorCode.DIVISION_BY_ZERO, zero.errorCode());
    assertEquals(ErrorCode.DIVISION_BY_ZERO, fails(call(ScalarFunction.MODULO, wide, column(0, wide), column(1, wide)),
        batch(1).column(wide, new BigDecimal("1")).column(wide, BigDecimal.ZERO)).errorCode());
  }

  @Test
  void negateDecimalAndNullConstant() {
    TestBatch data = batch(2).column(MONEY, new BigDecimal("1.50"), null);
    assertEquals(decimals("-1.50", null), run(call(ScalarFunction.NEGATE, MONEY, column(0, MONEY)), data));
    data = batch(2).column(MONEY, new BigDecimal("1.50"), null);
    assertEquals(Arrays.asList(null, null), run(call(ScalarFunction.ADD, MONEY, column(0, MONEY), nullOf(MONEY)), data));
  }

  @Test
  void constantExpressionsFoldAndStillFailOnlyWhenEvaluated() {
    TestBatch data = batch(2).column(DataType.INTEGER, 1L, 2L);
    assertEquals(List.of(3L, 3L), run(call(ScalarFunction.ADD, DataType.INTEGER, integer(1), integer(2)), data));
    assertEquals(ErrorCode.DIVISION_BY_ZERO, fails(call(ScalarFunction.DIVIDE, DataType.INTEGER, integer(1), integer(0)),
        batch(1).column(DataType.INTEGER, 1L)).errorCode());
    assertEquals(List.of(), run(call(ScalarFunction.DIVIDE, DataType.INTEGER, integer(1), integer(0)),
        batch(0).column(DataType.INTEGER)));
  }

  @Test
  void unsupportedOperandsFailAtCompileTime() {
    QuiverException e = assertThrows(QuiverException.class, () -> ExpressionCompiler.compile(
        call(ScalarFunction.ADD, DataType.INTEGER, column(0, DataType.VARCHAR), integer(1)), allocator));
    assertEquals(ErrorCode.NOT_SUPPORTED, e.errorCode());
    assertTrue(e.getMessage().contains("VARCHAR"), e.getMessage());
  }
}
