package io.quiver.exec.expression;

import static io.quiver.exec.expression.TestBatch.call;
import static io.quiver.exec.expression.TestBatch.column;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.fragment.expression.Expression;
import io.quiver.exec.fragment.expression.ScalarFunction;
import io.quiver.exec.type.DataType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CastTest {

  private RootAllocator allocator;

  @BeforeEach
  void open() {
    allocator = new RootAllocator();
  }

  @AfterEach
  void close() {
    allocator.close();
  }

  private List<Object> cast(DataType from, DataType to, Object... values) {
    TestBatch batch = new TestBatch(allocator, values.length).column(from, values);
    try (VectorSchemaRoot root = batch.root()) {
      return TestBatch.evaluate(call(ScalarFunction.CAST, to, column(0, from)), root, allocator);
    }
  }

  private QuiverException castFails(DataType from, DataType to, Object... values) {
    TestBatch batch = new TestBatch(allocator, values.length).column(from, values);
    try (VectorSchemaRoot root = batch.root()) {
      Expression expression = call(ScalarFunction.CAST, to, column(0, from));
      return assertThrows(QuiverException.class, () -> TestBatch.evaluate(expression, root, allocator));
    }
  }

  private static BigDecimal dec(String value) {
    return new BigDecimal(value);
  }

  @Test
  void integerKinds() {
    assertEquals(Arrays.asList(1L, null, -128L), cast(DataType.INTEGER, DataType.TINYINT, 1L, null, -128L));
    assertEquals(List.of(5_000_000_000L), cast(DataType.BIGINT, DataType.BIGINT, 5_000_000_000L));
    assertEquals(ErrorCode.NUMERIC_OVERFLOW, castFails(DataType.INTEGER, DataType.SMALLINT, 40000L).errorCode());
    assertEquals(List.of(1L, 0L), cast(DataType.BOOLEAN, DataType.INTEGER, true, false));
    assertEquals(List.of(true, false), cast(DataType.INTEGER, DataType.BOOLEAN, 7L, 0L));
  }

  @Test
  void decimals() {
    assertEquals(Arrays.asList(dec("1.3"), dec("-1.3"), null),
        cast(DataType.decimal(5, 2), DataType.decimal(4, 1), dec("1.25"), dec("-1.25"), null));
    assertEquals(List.of(dec("12.000")), cast(DataType.INTEGER, DataType.decimal(5, 3), 12L));
    assertEquals(ErrorCode.NUMERIC_OVERFLOW, castFails(DataType.INTEGER, DataType.decimal(4, 2), 100L).errorCode());
    assertEquals(List.of(3L, -3L), cast(DataType.decimal(5, 2), DataType.INTEGER, dec("2.50"), dec("-2.50")));
    assertEquals(List.of(2.5, -0.01), cast(DataType.decimal(5, 2), DataType.DOUBLE, dec("2.50"), dec("-0.01")));
    assertEquals(List.of(dec("0.33"), dec("-2.68")), cast(DataType.DOUBLE, DataType.decimal(5, 2), 1.0 / 3, -2.675000001));
    BigDecimal wide = dec("12345678901234567890123.45");
    assertEquals(List.of(wide.setScale(1, java.math.RoundingMode.HALF_UP)), cast(DataType.decimal(38, 2), DataType.decimal(30, 1), wide));
    assertEquals(ErrorCode.NUMERIC_OVERFLOW, castFails(DataType.decimal(38, 2), DataType.BIGINT, wide).errorCode());
  }

  @Test
  void floatingPoint() {
    assertEquals(List.of(3L, -3L, 2L), cast(DataType.DOUBLE, DataType.INTEGER, 2.5, -2.5, 2.4));
    assertEquals(ErrorCode.INVALID_CAST, castFails(DataType.DOUBLE, DataType.INTEGER, Double.NaN).errorCode());
    assertEquals(ErrorCode.NUMERIC_OVERFLOW, castFails(DataType.DOUBLE, DataType.INTEGER, 1e10).errorCode());
    assertEquals(List.of(1.5f), cast(DataType.DOUBLE, DataType.REAL, 1.5));
    assertEquals(List.of(7.0), cast(DataType.BIGINT, DataType.DOUBLE, 7L));
  }

  @Test
  void fromText() {
    assertEquals(Arrays.asList(12L, -3L, null), cast(DataType.VARCHAR, DataType.INTEGER, " 12 ", "-3", null));
    QuiverException bad = castFails(DataType.VARCHAR, DataType.INTEGER, "1", "abc");
    assertEquals(ErrorCode.INVALID_CAST, bad.errorCode());
    assertEquals("22018", bad.sqlState());
    assertEquals("Cannot cast 'abc' to INTEGER", bad.getMessage());
    assertEquals(ErrorCode.NUMERIC_OVERFLOW, castFails(DataType.VARCHAR, DataType.INTEGER, "99999999999").errorCode());
    assertEquals(List.of(dec("1.24")), cast(DataType.VARCHAR, DataType.decimal(5, 2), "1.235"));
    assertEquals(ErrorCode.INVALID_CAST, castFails(DataType.VARCHAR, DataType.decimal(5, 2), "1.2.3").errorCode());
    assertEquals(List.of(1.5), cast(DataType.VARCHAR, DataType.DOUBLE, "1.5"));
    assertEquals(ErrorCode.INVALID_CAST, castFails(DataType.VARCHAR, DataType.DOUBLE, "x1").errorCode());
    assertEquals(List.of(LocalDate.of(1998, 12, 1)), cast(DataType.VARCHAR, DataType.DATE, "1998-12-01"));
    assertEquals(ErrorCode.INVALID_CAST, castFails(DataType.VARCHAR, DataType.DATE, "1998-13-01").errorCode());
    assertEquals(List.of(LocalDateTime.of(2020, 2, 29, 13, 14, 15, 500_000_000)),
        cast(DataType.VARCHAR, DataType.TIMESTAMP, "2020-02-29 13:14:15.5"));
    assertEquals(List.of(true, false), cast(DataType.VARCHAR, DataType.BOOLEAN, "TRUE", "f"));
    assertEquals(ErrorCode.INVALID_CAST, castFails(DataType.VARCHAR, DataType.BOOLEAN, "maybe").errorCode());
  }

  @Test
  void toText() {
    assertEquals(Arrays.asList("12", null), cast(DataType.INTEGER, DataType.VARCHAR, 12L, null));
    assertEquals(List.of("1.50", "-0.05"), cast(DataType.decimal(5, 2), DataType.VARCHAR, dec("1.50"), dec("-0.05")));
    assertEquals(List.of("1995-03-15"), cast(DataType.DATE, DataType.VARCHAR, LocalDate.of(1995, 3, 15)));
    assertEquals(List.of("1995-03-15 01:02:03", "1995-03-15 01:02:03.25"), cast(DataType.TIMESTAMP, DataType.VARCHAR,
        LocalDateTime.of(1995, 3, 15, 1, 2, 3), LocalDateTime.of(1995, 3, 15, 1, 2, 3, 250_000_000)));
    assertEquals(List.of("true"), cast(DataType.BOOLEAN, DataType.VARCHAR, true));
    assertEquals(List.of("1.5"), cast(DataType.DOUBLE, DataType.VARCHAR, 1.5));
  }

  @Test
  void datesAndTimestamps() {
    assertEquals(List.of(LocalDateTime.of(1995, 3, 15, 0, 0)), cast(DataType.DATE, DataType.TIMESTAMP, LocalDate.of(1995, 3, 15)));
    assertEquals(List.of(LocalDate.of(1969, 12, 31)), cast(DataType.TIMESTAMP, DataType.DATE, LocalDateTime.of(1969, 12, 31, 23, 0)));
    assertEquals(List.of(3_600_000_000L), cast(DataType.TIMESTAMP, DataType.TIME, LocalDateTime.of(1969, 12, 31, 1, 0)));
  }

  @Test
  void nullLiteralCastsToAnything() {
    TestBatch batch = new TestBatch(allocator, 2).column(DataType.INTEGER, 1L, 2L);
    try (VectorSchemaRoot root = batch.root()) {
      assertEquals(Arrays.asList(null, null), TestBatch.evaluate(
          call(ScalarFunction.CAST, DataType.DATE, TestBatch.nullOf(DataType.NULL)), root, allocator));
    }
  }

  @Test
  void impossibleCastsFailAtCompileTime() {
    QuiverException e = assertThrows(QuiverException.class, () -> ExpressionCompiler.compile(
        call(ScalarFunction.CAST, DataType.INTEGER, column(0, DataType.DATE)), allocator));
    assertEquals(ErrorCode.NOT_SUPPORTED, e.errorCode());
    assertEquals("Cannot cast DATE to INTEGER", e.getMessage());
  }

  @Test
  void badConstantCastFailsOnlyWhenEvaluated() {
    Expression expression = call(ScalarFunction.CAST, DataType.INTEGER, TestBatch.text("abc"));
    try (VectorExpression compiled = ExpressionCompiler.compile(expression, allocator)) {
      TestBatch batch = new TestBatch(allocator, 1).column(DataType.INTEGER, 1L);
      try (VectorSchemaRoot root = batch.root()) {
        QuiverException e = assertThrows(QuiverException.class, () -> compiled.evaluate(root));
        assertEquals(ErrorCode.INVALID_CAST, e.errorCode());
      }
    }
  }
}
