package io.quiver.exec.expression;

import static io.quiver.exec.expression.TestBatch.bool;
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
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The VectorExpression contract: ownership, reuse across batches, errors and leaks. */
class CompiledExpressionTest {

  private RootAllocator allocator;

  @BeforeEach
  void open() {
    allocator = new RootAllocator();
  }

  @AfterEach
  void close() {
    allocator.close();
  }

  @Test
  void inputColumnResultIsOwnedByTheCallerAndOutlivesTheBatch() {
    TestBatch batch = new TestBatch(allocator, 3).column(DataType.VARCHAR, "a", null, "c");
    FieldVector result;
    try (VectorExpression expression = ExpressionCompiler.compile(column(0, DataType.VARCHAR), allocator);
        VectorSchemaRoot root = batch.root()) {
      result = expression.evaluate(root);
    }
    try (FieldVector owned = result) {
      assertEquals(3, owned.getValueCount());
      assertEquals(Arrays.asList("a", null, "c"),
          Arrays.asList(TestBatch.read(owned, DataType.VARCHAR, 0), TestBatch.read(owned, DataType.VARCHAR, 1),
              TestBatch.read(owned, DataType.VARCHAR, 2)));
    }
  }

  @Test
  void resultsAreAllocatedFromTheCompileAllocator() {
    try (BufferAllocator child = allocator.newChildAllocator("expression", 0, Long.MAX_VALUE);
        VectorExpression expression = ExpressionCompiler.compile(
            call(ScalarFunction.ADD, DataType.INTEGER, column(0, DataType.INTEGER), integer(1)), child)) {
      TestBatch batch = new TestBatch(allocator, 2).column(DataType.INTEGER, 1L, 2L);
      try (VectorSchemaRoot root = batch.root(); FieldVector result = expression.evaluate(root)) {
        assertEquals(child, result.getAllocator());
      }
    }
  }

  @Test
  void oneExpressionEvaluatesManyBatchesOfDifferentSizes() {
    Expression filter = bool(ScalarFunction.GREATER_THAN, column(0, DataType.BIGINT), TestBatch.bigint(10));
    try (VectorExpression expression = ExpressionCompiler.compile(filter, allocator)) {
      for (int rows : new int[] {0, 1, 63, 64, 65, 4096, 5000}) {
        Object[] values = new Object[rows];
        for (int i = 0; i < rows; i++) {
          values[i] = i % 5 == 0 ? null : (long) i;
        }
        TestBatch batch = new TestBatch(allocator, rows).column(DataType.BIGINT, values);
        try (VectorSchemaRoot root = batch.root(); FieldVector result = expression.evaluate(root)) {
          assertEquals(rows, result.getValueCount());
          for (int i = 0; i < rows; i++) {
            Object expected = values[i] == null ? null : (Long) values[i] > 10;
            assertEquals(expected, TestBatch.read(result, DataType.BOOLEAN, i), "row " + i + " of " + rows);
          }
        }
      }
    }
  }

  @Test
  void failedEvaluationLeaksNothingAndTheExpressionStaysUsable() {
    // Deep tree: the failure happens after several intermediate vectors were allocated.
    Expression x = column(0, DataType.INTEGER);
    Expression sum = call(ScalarFunction.ADD, DataType.INTEGER, call(ScalarFunction.MULTIPLY, DataType.INTEGER, x, integer(2)), x);
    Expression divided = call(ScalarFunction.DIVIDE, DataType.INTEGER, sum, call(ScalarFunction.SUBTRACT, DataType.INTEGER, x, integer(3)));
    Expression filter = bool(ScalarFunction.AND, bool(ScalarFunction.GREATER_THAN, divided, integer(0)),
        bool(ScalarFunction.LIKE, call(ScalarFunction.CAST, DataType.VARCHAR, x), TestBatch.text("%1%")));
    try (VectorExpression expression = ExpressionCompiler.compile(filter, allocator)) {
      TestBatch bad = new TestBatch(allocator, 3).column(DataType.INTEGER, 1L, 3L, 5L);
      try (VectorSchemaRoot root = bad.root()) {
        QuiverException e = assertThrows(QuiverException.class, () -> expression.evaluate(root));
        assertEquals(ErrorCode.DIVISION_BY_ZERO, e.errorCode());
      }
      TestBatch good = new TestBatch(allocator, 2).column(DataType.INTEGER, 1L, 11L);
      try (VectorSchemaRoot root = good.root(); FieldVector result = expression.evaluate(root)) {
        assertEquals(List.of(false, true),
            List.of(TestBatch.read(result, DataType.BOOLEAN, 0), TestBatch.read(result, DataType.BOOLEAN, 1)));
      }
    }
  }

  @Test
  void closedExpressionRefusesToEvaluate() {
    VectorExpression expression = ExpressionCompiler.compile(column(0, DataType.INTEGER), allocator);
    expression.close();
    expression.close();
    TestBatch batch = new TestBatch(allocator, 1).column(DataType.INTEGER, 1L);
    try (VectorSchemaRoot root = batch.root()) {
      assertThrows(QuiverException.class, () -> expression.evaluate(root));
    }
  }

  @Test
  void missingInputColumnIsReported() {
    try (VectorExpression expression = ExpressionCompiler.compile(column(3, DataType.INTEGER), allocator)) {
      TestBatch batch = new TestBatch(allocator, 1).column(DataType.INTEGER, 1L);
      try (VectorSchemaRoot root = batch.root()) {
        QuiverException e = assertThrows(QuiverException.class, () -> expression.evaluate(root));
        assertEquals(ErrorCode.INTERNAL_ERROR, e.errorCode());
      }
    }
  }

  @Test
  void badLiteralIsRejectedAtCompileTime() {
    QuiverException e = assertThrows(QuiverException.class, () -> ExpressionCompiler.compile(
        new io.quiver.exec.fragment.expression.Literal("12x", DataType.INTEGER), allocator));
    assertEquals(ErrorCode.INVALID_PARAMETER, e.errorCode());
  }
}
