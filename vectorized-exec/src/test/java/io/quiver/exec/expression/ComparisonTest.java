package io.quiver.exec.expression;

import static io.quiver.exec.expression.TestBatch.bool;
import static io.quiver.exec.expression.TestBatch.column;
import static io.quiver.exec.expression.TestBatch.date;
import static io.quiver.exec.expression.TestBatch.decimal;
import static io.quiver.exec.expression.TestBatch.integer;
import static io.quiver.exec.expression.TestBatch.nullOf;
import static io.quiver.exec.expression.TestBatch.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.fragment.expression.Expression;
import io.quiver.exec.fragment.expression.Literal;
import io.quiver.exec.fragment.expression.ScalarFunction;
import io.quiver.exec.type.DataType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ComparisonTest {

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

  private TestBatch batch(int rows) {
    return new TestBatch(allocator, rows);
  }

  @Test
  void integerColumnAgainstConstantInEveryOperator() {
    TestBatch batch = batch(4).column(DataType.INTEGER, 1L, 5L, null, 7L);
    Expression x = column(0, DataType.INTEGER);
    assertEquals(Arrays.asList(false, true, null, false), run(bool(ScalarFunction.EQUAL, x, integer(5)), batch));
    batch = batch(4).column(DataType.INTEGER, 1L, 5L, null, 7L);
    assertEquals(Arrays.asList(true, false, null, true), run(bool(ScalarFunction.NOT_EQUAL, x, integer(5)), batch));
    batch = batch(4).column(DataType.INTEGER, 1L, 5L, null, 7L);
    assertEquals(Arrays.asList(true, false, null, false), run(bool(ScalarFunction.LESS_THAN, x, integer(5)), batch));
    batch = batch(4).column(DataType.INTEGER, 1L, 5L, null, 7L);
    assertEquals(Arrays.asList(true, true, null, false), run(bool(ScalarFunction.LESS_THAN_OR_EQUAL, x, integer(5)), batch));
    batch = batch(4).column(DataType.INTEGER, 1L, 5L, null, 7L);
    assertEquals(Arrays.asList(false, false, null, true), run(bool(ScalarFunction.GREATER_THAN, x, integer(5)), batch));
    batch = batch(4).column(DataType.INTEGER, 1L, 5L, null, 7L);
    assertEquals(Arrays.asList(false, true, null, true), run(bool(ScalarFunction.GREATER_THAN_OR_EQUAL, x, integer(5)), batch));
  }

  @Test
  void constantOnTheLeftIsFlipped() {
    TestBatch batch = batch(3).column(DataType.BIGINT, 1L, 5L, 9L);
    assertEquals(List.of(true, false, false),
        run(bool(ScalarFunction.GREATER_THAN, TestBatch.bigint(5), column(0, DataType.BIGINT)), batch));
  }

  @Test
  void dateColumnAgainstDateConstantOverManyWords() {
    int rows = 1000;
    List<Object> dates = new ArrayList<>();
    List<Object> expected = new ArrayList<>();
    LocalDate limit = LocalDate.parse("1998-09-02");
    for (int i = 0; i < rows; i++) {
      LocalDate value = limit.plusDays(i % 7 - 3);
      dates.add(i % 13 == 0 ? null : value);
      expected.add(i % 13 == 0 ? null : !value.isAfter(limit));
    }
    TestBatch batch = batch(rows).column(DataType.DATE, dates);
    assertEquals(expected, run(bool(ScalarFunction.LESS_THAN_OR_EQUAL, column(0, DataType.DATE), date("1998-09-02")), batch));
  }

  @Test
  void columnsAgainstColumnsWithNullsOnEitherSide() {
    TestBatch batch = batch(5)
        .column(DataType.DATE, LocalDate.of(2020, 1, 1), null, LocalDate.of(2020, 1, 3), LocalDate.of(2020, 1, 5), null)
        .column(DataType.DATE, LocalDate.of(2020, 1, 2), LocalDate.of(2020, 1, 2), null, LocalDate.of(2020, 1, 4), null);
    assertEquals(Arrays.asList(true, null, null, false, null),
        run(bool(ScalarFunction.LESS_THAN, column(0, DataType.DATE), column(1, DataType.DATE)), batch));
  }

  @Test
  void decimalsOfDifferentScalesAndIntegers() {
    DataType money = DataType.decimal(15, 2);
    TestBatch batch = batch(4)
        .column(money, new BigDecimal("0.05"), new BigDecimal("0.06"), new BigDecimal("0.07"), null)
        .column(DataType.decimal(10, 3), new BigDecimal("0.050"), new BigDecimal("0.061"), new BigDecimal("0.069"), new BigDecimal("1.000"));
    assertEquals(Arrays.asList(true, false, false, null),
        run(bool(ScalarFunction.EQUAL, column(0, money), column(1, DataType.decimal(10, 3))), batch));
    batch = batch(4).column(money, new BigDecimal("0.05"), new BigDecimal("0.06"), new BigDecimal("0.07"), null);
    // between 0.06 - 0.01 and 0.06 + 0.01 as TPC-H Q6 writes it
    assertEquals(Arrays.asList(true, true, true, null),
        run(bool(ScalarFunction.BETWEEN, column(0, money), decimal("0.05", 3, 2), decimal("0.07", 3, 2)), batch));
    batch = batch(4).column(money, new BigDecimal("0.05"), new BigDecimal("0.06"), new BigDecimal("0.07"), null);
    assertEquals(Arrays.asList(false, false, false, null),
        run(bool(ScalarFunction.EQUAL, column(0, money), decimal("0.055", 4, 3)), batch));
    batch = batch(4).column(money, new BigDecimal("0.05"), new BigDecimal("0.06"), new BigDecimal("0.07"), null);
    assertEquals(Arrays.asList(true, false, false, null),
        run(bool(ScalarFunction.LESS_THAN, column(0, money), decimal("0.055", 4, 3)), batch));
    batch = batch(3).column(money, new BigDecimal("24.00"), new BigDecimal("23.99"), new BigDecimal("-1.00"));
    assertEquals(List.of(false, true, true), run(bool(ScalarFunction.LESS_THAN, column(0, money), integer(24)), batch));
  }

  @Test
  void wideDecimalsCompareExactly() {
    DataType wide = DataType.decimal(38, 2);
    BigDecimal huge = new BigDecimal("123456789012345678901234567.89");
    TestBatch batch = batch(3).column(wide, huge, huge.negate(), new BigDecimal("1.00"));
    assertEquals(List.of(true, false, false),
        run(bool(ScalarFunction.GREATER_THAN, column(0, wide), decimal("99999999999999999999.99", 22, 2)), batch));
    batch = batch(3).column(wide, huge, huge.negate(), new BigDecimal("1.00"))
        .column(DataType.BIGINT, 5L, -5L, 1L);
    assertEquals(List.of(false, false, true),
        run(bool(ScalarFunction.EQUAL, column(0, wide), column(1, DataType.BIGINT)), batch));
  }

  @Test
  void doublesAndMixedNumericKinds() {
    TestBatch batch = batch(4).column(DataType.DOUBLE, 1.5, Double.NaN, -0.0, null).column(DataType.INTEGER, 1L, 1L, 0L, 1L);
    assertEquals(Arrays.asList(false, false, true, null),
        run(bool(ScalarFunction.LESS_THAN_OR_EQUAL, column(0, DataType.DOUBLE), column(1, DataType.INTEGER)), batch));
    batch = batch(2).column(DataType.decimal(5, 2), new BigDecimal("1.25"), new BigDecimal("1.30"));
    assertEquals(List.of(true, false),
        run(bool(ScalarFunction.EQUAL, column(0, DataType.decimal(5, 2)), Literal.ofDouble(1.25)), batch));
  }

  @Test
  void textComparesByCodePointAndCharIgnoresTrailingSpaces() {
    TestBatch batch = batch(5).column(DataType.VARCHAR, "abc", "abd", "ab", "é", null);
    assertEquals(Arrays.asList(false, true, false, true, null),
        run(bool(ScalarFunction.GREATER_THAN, column(0, DataType.VARCHAR), text("abc")), batch));
    batch = batch(3).column(DataType.character(3), "a", "a  ", "b").column(DataType.VARCHAR, "a ", "a", "b ");
    assertEquals(List.of(true, true, true),
        run(bool(ScalarFunction.EQUAL, column(0, DataType.character(3)), column(1, DataType.VARCHAR)), batch));
    batch = batch(2).column(DataType.character(1), "R", "A");
    assertEquals(List.of(true, false),
        run(bool(ScalarFunction.EQUAL, column(0, DataType.character(1)), Literal.ofString("R", DataType.character(1))), batch));
    batch = batch(2).column(DataType.VARCHAR, "0123456789abcdefX", "0123456789abcdefY")
        .column(DataType.VARCHAR, "0123456789abcdefY", "0123456789abcdefY");
    assertEquals(List.of(true, false),
        run(bool(ScalarFunction.LESS_THAN, column(0, DataType.VARCHAR), column(1, DataType.VARCHAR)), batch));
  }

  @Test
  void timestampsAgainstDates() {
    TestBatch batch = batch(3).column(DataType.TIMESTAMP,
        LocalDateTime.of(1995, 3, 15, 0, 0), LocalDateTime.of(1995, 3, 15, 0, 0, 1), LocalDateTime.of(1995, 3, 14, 23, 59));
    assertEquals(List.of(true, false, true),
        run(bool(ScalarFunction.LESS_THAN_OR_EQUAL, column(0, DataType.TIMESTAMP), date("1995-03-15")), batch));
  }

  @Test
  void distinctNeverReturnsNull() {
    TestBatch batch = batch(4).column(DataType.INTEGER, 1L, null, null, 2L).column(DataType.INTEGER, 1L, null, 3L, 3L);
    assertEquals(List.of(false, false, true, true),
        run(bool(ScalarFunction.IS_DISTINCT_FROM, column(0, DataType.INTEGER), column(1, DataType.INTEGER)), batch));
    batch = batch(4).column(DataType.INTEGER, 1L, null, null, 2L).column(DataType.INTEGER, 1L, null, 3L, 3L);
    assertEquals(List.of(true, true, false, false),
        run(bool(ScalarFunction.IS_NOT_DISTINCT_FROM, column(0, DataType.INTEGER), column(1, DataType.INTEGER)), batch));
    batch = batch(2).column(DataType.INTEGER, 1L, null);
    assertEquals(List.of(true, false),
        run(bool(ScalarFunction.IS_DISTINCT_FROM, column(0, DataType.INTEGER), nullOf(DataType.INTEGER)), batch));
    batch = batch(2).column(DataType.VARCHAR, "b", null);
    assertEquals(List.of(false, true),
        run(bool(ScalarFunction.IS_DISTINCT_FROM, column(0, DataType.VARCHAR), text("b")), batch));
  }

  @Test
  void comparisonWithNullConstantIsNull() {
    TestBatch batch = batch(2).column(DataType.INTEGER, 1L, null);
    assertEquals(Arrays.asList(null, null),
        run(bool(ScalarFunction.EQUAL, column(0, DataType.INTEGER), nullOf(DataType.INTEGER)), batch));
  }

  @Test
  void inWithNullCandidates() {
    Expression x = column(0, DataType.INTEGER);
    TestBatch batch = batch(3).column(DataType.INTEGER, 1L, 2L, null);
    assertEquals(Arrays.asList(true, null, null), run(bool(ScalarFunction.IN, x, integer(1), nullOf(DataType.INTEGER)), batch));
    batch = batch(3).column(DataType.INTEGER, 1L, 2L, null);
    assertEquals(Arrays.asList(true, false, null), run(bool(ScalarFunction.IN, x, integer(1), integer(3)), batch));
    batch = batch(3).column(DataType.VARCHAR, "MAIL", "SHIP", "AIR");
    assertEquals(List.of(true, true, false), run(bool(ScalarFunction.IN, column(0, DataType.VARCHAR), text("MAIL"), text("SHIP")), batch));
    batch = batch(2).column(DataType.INTEGER, 1L, 2L).column(DataType.INTEGER, 2L, 2L);
    assertEquals(List.of(false, true), run(bool(ScalarFunction.IN, x, column(1, DataType.INTEGER), integer(7)), batch));
  }

  @Test
  void betweenWithNullBounds() {
    Expression x = column(0, DataType.INTEGER);
    TestBatch batch = batch(3).column(DataType.INTEGER, 1L, 5L, 10L);
    assertEquals(Arrays.asList(false, null, null),
        run(bool(ScalarFunction.BETWEEN, x, integer(2), nullOf(DataType.INTEGER)), batch));
    batch = batch(3).column(DataType.INTEGER, 1L, 5L, 10L).column(DataType.INTEGER, 0L, 6L, null);
    assertEquals(Arrays.asList(true, false, null),
        run(bool(ScalarFunction.BETWEEN, x, column(1, DataType.INTEGER), integer(10)), batch));
  }

  @Test
  void booleansCompare() {
    TestBatch batch = batch(3).column(DataType.BOOLEAN, true, false, null);
    assertEquals(Arrays.asList(true, false, null),
        run(bool(ScalarFunction.EQUAL, column(0, DataType.BOOLEAN), Literal.ofBoolean(true)), batch));
  }

  @Test
  void incomparableTypesFailAtCompileTime() {
    QuiverException e = assertThrows(QuiverException.class, () -> ExpressionCompiler.compile(
        bool(ScalarFunction.LESS_THAN, column(0, DataType.DATE), column(1, DataType.INTEGER)), allocator));
    assertEquals(ErrorCode.NOT_SUPPORTED, e.errorCode());
    assertEquals(true, e.getMessage().contains("DATE") && e.getMessage().contains("INTEGER"), e.getMessage());
  }
}
