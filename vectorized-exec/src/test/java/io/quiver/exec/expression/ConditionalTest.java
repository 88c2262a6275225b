package io.quiver.exec.expression;

import static io.quiver.exec.expression.TestBatch.bool;
import static io.quiver.exec.expression.TestBatch.call;
import static io.quiver.exec.expression.TestBatch.column;
import static io.quiver.exec.expression.TestBatch.integer;
import static io.quiver.exec.expression.TestBatch.nullOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

class ConditionalTest {

  private static final Expression A = column(0, DataType.BOOLEAN);
  private static final Expression B = column(1, DataType.BOOLEAN);
  private static final Expression X = column(0, DataType.INTEGER);
  private static final Expression Y = column(1, DataType.INTEGER);

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

  /** Every pair of TRUE, FALSE, NULL. */
  private TestBatch truthTable() {
    Boolean t = true;
    Boolean f = false;
    return new TestBatch(allocator, 9)
        .column(DataType.BOOLEAN, t, t, t, f, f, f, null, null, null)
        .column(DataType.BOOLEAN, t, f, null, t, f, null, t, f, null);
  }

  @Test
  void threeValuedLogic() {
    assertEquals(Arrays.asList(true, false, null, false, false, false, null, false, null),
        run(bool(ScalarFunction.AND, A, B), truthTable()));
    assertEquals(Arrays.asList(true, true, true, true, false, null, true, null, null),
        run(bool(ScalarFunction.OR, A, B), truthTable()));
    assertEquals(Arrays.asList(false, false, false, true, true, true, null, null, null),
        run(bool(ScalarFunction.NOT, A), truthTable()));
  }

  @Test
  void andOrWithManyArgumentsAndConstants() {
    assertEquals(Arrays.asList(false, false, false, false, false, false, false, false, false),
        run(bool(ScalarFunction.AND, A, B, Literal.ofBoolean(false), nullOf(DataType.BOOLEAN)), truthTable()));
    assertEquals(Arrays.asList(null, false, null, false, false, false, null, false, null),
        run(bool(ScalarFunction.AND, A, B, nullOf(DataType.BOOLEAN)), truthTable()));
    assertEquals(Arrays.asList(true, true, true, true, null, null, true, null, null),
        run(bool(ScalarFunction.OR, A, B, nullOf(DataType.BOOLEAN)), truthTable()));
    assertEquals(Arrays.asList(true, true, true, true, true, true, true, true, true),
        run(bool(ScalarFunction.OR, A, Literal.ofBoolean(true), B), truthTable()));
  }

  @Test
  void nullTests() {
    assertEquals(Arrays.asList(false, false, false, false, false, false, true, true, true), run(bool(ScalarFunction.IS_NULL, A), truthTable()));
    assertEquals(Arrays.asList(true, true, true, true, true, true, false, false, false), run(bool(ScalarFunction.IS_NOT_NULL, A), truthTable()));
    assertEquals(Arrays.asList(true, true, true, false, false, false, false, false, false), run(bool(ScalarFunction.IS_TRUE, A), truthTable()));
    assertEquals(Arrays.asList(false, false, false, true, true, true, true, true, true), run(bool(ScalarFunction.IS_NOT_TRUE, A), truthTable()));
    assertEquals(Arrays.asList(false, false, false, true, true, true, false, false, false), run(bool(ScalarFunction.IS_FALSE, A), truthTable()));
    assertEquals(Arrays.asList(true, true, true, false, false, false, true, true, true), run(bool(ScalarFunction.IS_NOT_FALSE, A), truthTable()));
    TestBatch texts = new TestBatch(allocator, 2).column(DataType.VARCHAR, "x", null);
    assertEquals(List.of(false, true), run(bool(ScalarFunction.IS_NULL, column(0, DataType.VARCHAR)), texts));
  }

  @Test
  void caseTakesTheFirstTrueBranch() {
    Expression expression = call(ScalarFunction.CASE, DataType.INTEGER,
        bool(ScalarFunction.LESS_THAN, X, integer(0)), integer(-1),
        bool(ScalarFunction.EQUAL, X, integer(0)), integer(0),
        Y);
    TestBatch batch = new TestBatch(allocator, 4).column(DataType.INTEGER, -5L, 0L, 5L, null).column(DataType.INTEGER, 10L, 20L, 30L, 40L);
    assertEquals(List.of(-1L, 0L, 30L, 40L), run(expression, batch));
    Expression noElse = call(ScalarFunction.CASE, DataType.INTEGER, bool(ScalarFunction.GREATER_THAN, X, integer(0)), X, nullOf(DataType.INTEGER));
    batch = new TestBatch(allocator, 3).column(DataType.INTEGER, -5L, 5L, null);
    assertEquals(Arrays.asList(null, 5L, null), run(noElse, batch));
  }

  @Test
  void caseIsLazy() {
    // CASE WHEN y <> 0 THEN x / y ELSE 0 END never divides by zero.
    Expression expression = call(ScalarFunction.CASE, DataType.INTEGER,
        bool(ScalarFunction.NOT_EQUAL, Y, integer(0)), call(ScalarFunction.DIVIDE, DataType.INTEGER, X, Y),
        integer(0));
    TestBatch batch = new TestBatch(allocator, 3).column(DataType.INTEGER, 10L, 10L, 7L).column(DataType.INTEGER, 2L, 0L, null);
    assertEquals(Arrays.asList(5L, 0L, 0L), run(expression, batch));
    TestBatch failing = new TestBatch(allocator, 2).column(DataType.INTEGER, 10L, 10L).column(DataType.INTEGER, 0L, 0L);
    Expression eager = call(ScalarFunction.CASE, DataType.INTEGER,
        bool(ScalarFunction.EQUAL, Y, integer(0)), call(ScalarFunction.DIVIDE, DataType.INTEGER, X, Y), integer(0));
    try (VectorSchemaRoot root = failing.root()) {
      QuiverException e = assertThrows(QuiverException.class, () -> TestBatch.evaluate(eager, root, allocator));
      assertEquals(ErrorCode.DIVISION_BY_ZERO, e.errorCode());
    }
  }

  @Test
  void caseConvertsBranchesToTheResultType() {
    DataType money = DataType.decimal(12, 2);
    Expression expression = call(ScalarFunction.CASE, money,
        bool(ScalarFunction.LIKE, column(0, DataType.VARCHAR), TestBatch.text("PROMO%")), column(1, DataType.decimal(10, 1)),
        integer(0));
    TestBatch batch = new TestBatch(allocator, 3).column(DataType.VARCHAR, "PROMO X", "STD", null)
        .column(DataType.decimal(10, 1), new BigDecimal("1.5"), new BigDecimal("2.5"), new BigDecimal("3.5"));
    assertEquals(List.of(new BigDecimal("1.50"), new BigDecimal("0.00"), new BigDecimal("0.00")), run(expression, batch));
  }

  @Test
  void coalesce() {
    Expression expression = call(ScalarFunction.COALESCE, DataType.BIGINT, X, Y, TestBatch.bigint(-1));
    TestBatch batch = new TestBatch(allocator, 3).column(DataType.INTEGER, 1L, null, null).column(DataType.INTEGER, 2L, 3L, null);
    assertEquals(List.of(1L, 3L, -1L), run(expression, batch));
    Expression nullable = call(ScalarFunction.COALESCE, DataType.INTEGER, X, Y);
    batch = new TestBatch(allocator, 2).column(DataType.INTEGER, null, null).column(DataType.INTEGER, 2L, null);
    assertEquals(Arrays.asList(2L, null), run(nullable, batch));
    Expression text = call(ScalarFunction.COALESCE, DataType.VARCHAR, column(0, DataType.VARCHAR), TestBatch.text("none"));
    batch = new TestBatch(allocator, 2).column(DataType.VARCHAR, "a", null);
    assertEquals(List.of("a", "none"), run(text, batch));
  }

  @Test
  void logicRejectsNonBooleans() {
    QuiverException e = assertThrows(QuiverException.class,
        () -> ExpressionCompiler.compile(bool(ScalarFunction.AND, X, Y), allocator));
    assertEquals(ErrorCode.NOT_SUPPORTED, e.errorCode());
  }

  @Test
  void wrongArgumentCountsAreRejected() {
    assertThrows(QuiverException.class, () -> ExpressionCompiler.compile(bool(ScalarFunction.EQUAL, X), allocator));
    assertThrows(QuiverException.class, () -> ExpressionCompiler.compile(
        call(ScalarFunction.CASE, DataType.INTEGER, bool(ScalarFunction.IS_NULL, X), integer(1)), allocator));
    assertThrows(QuiverException.class, () -> ExpressionCompiler.compile(bool(ScalarFunction.AND, A), allocator));
  }
}
