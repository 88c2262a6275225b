package io.quiver.exec.expression;

import static io.quiver.exec.expression.TestBatch.bool;
import static io.quiver.exec.expression.TestBatch.call;
import static io.quiver.exec.expression.TestBatch.column;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quiver.exec.fragment.expression.Expression;
import io.quiver.exec.fragment.expression.Literal;
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

/** The less common types: TINYINT, REAL, TIME, TIMESTAMP, intervals, VARBINARY, and constants of each. */
class TypeCoverageTest {

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

  /** CASE WHEN flag THEN constant END materializes the constant in every chosen row. */
  private List<Object> constantThroughCase(Literal constant) {
    TestBatch batch = new TestBatch(allocator, 70).column(DataType.BOOLEAN,
        Arrays.asList(java.util.stream.IntStream.range(0, 70).mapToObj(i -> i % 3 != 0).toArray()));
    return run(call(ScalarFunction.CASE, constant.type(), column(0, DataType.BOOLEAN), constant,
        Literal.nullOf(constant.type())), batch);
  }

  @Test
  void constantsOfEveryTypeFillTheirRows() {
    List<Literal> constants = List.of(
        Literal.ofBoolean(true), Literal.ofLong(-7, DataType.TINYINT), Literal.ofLong(300, DataType.SMALLINT),
        Literal.ofLong(70000, DataType.INTEGER), Literal.ofLong(1L << 40, DataType.BIGINT),
        new Literal("1.5", DataType.REAL), Literal.ofDouble(-2.25),
        Literal.ofDecimal(new BigDecimal("-12.345"), DataType.decimal(9, 3)),
        Literal.ofDecimal(new BigDecimal("123456789012345678901234.5"), DataType.decimal(30, 1)),
        Literal.ofString("héllo", DataType.VARCHAR), Literal.ofString("ab", DataType.character(2)),
        Literal.ofDate(LocalDate.of(2000, 2, 29)), Literal.ofLong(3_600_000_000L, DataType.TIMESTAMP),
        Literal.ofLong(5, DataType.INTERVAL_YEAR_MONTH), Literal.ofLong(86_400_000_000L, DataType.INTERVAL_DAY_TIME));
    for (Literal constant : constants) {
      List<Object> values = constantThroughCase(constant);
      Object expected = values.get(1);
      for (int i = 0; i < values.size(); i++) {
        assertEquals(i % 3 != 0 ? expected : null, values.get(i), constant + " row " + i);
      }
      if (constant.type().kind() == io.quiver.exec.type.TypeKind.DECIMAL) {
        assertEquals(constant.decimalValue(), expected);
      }
    }
    assertEquals("héllo", constantThroughCase(Literal.ofString("héllo", DataType.VARCHAR)).get(1));
    assertEquals(LocalDateTime.of(1970, 1, 1, 1, 0), constantThroughCase(Literal.ofLong(3_600_000_000L, DataType.TIMESTAMP)).get(1));
  }

  @Test
  void tinyintAndRealArithmetic() {
    TestBatch batch = new TestBatch(allocator, 3).column(DataType.TINYINT, 100L, -100L, null).column(DataType.REAL, 0.5f, 2f, 1f);
    assertEquals(Arrays.asList(50L, -50L, null), run(call(ScalarFunction.DIVIDE, DataType.TINYINT,
        column(0, DataType.TINYINT), Literal.ofLong(2, DataType.TINYINT)), batch));
    batch = new TestBatch(allocator, 3).column(DataType.TINYINT, 100L, -100L, null).column(DataType.REAL, 0.5f, 2f, 1f);
    assertEquals(Arrays.asList(50.0f, -200.0f, null), run(call(ScalarFunction.MULTIPLY, DataType.REAL,
        column(0, DataType.TINYINT), column(1, DataType.REAL)), batch));
    batch = new TestBatch(allocator, 2).column(DataType.REAL, 0.5f, 2f);
    assertEquals(List.of(false, true), run(bool(ScalarFunction.GREATER_THAN, column(0, DataType.REAL), Literal.ofDouble(1.0)), batch));
  }

  @Test
  void timesAndIntervalsCompare() {
    TestBatch batch = new TestBatch(allocator, 2).column(DataType.TIME, 1_000_000L, 5_000_000L).column(DataType.TIME, 2_000_000L, 2_000_000L);
    assertEquals(List.of(true, false), run(bool(ScalarFunction.LESS_THAN, column(0, DataType.TIME), column(1, DataType.TIME)), batch));
    batch = new TestBatch(allocator, 2).column(DataType.INTERVAL_DAY_TIME, 1000L, 5000L);
    assertEquals(List.of(6000L, 10000L), run(call(ScalarFunction.ADD, DataType.INTERVAL_DAY_TIME,
        column(0, DataType.INTERVAL_DAY_TIME), Literal.ofLong(5000, DataType.INTERVAL_DAY_TIME)), batch));
    batch = new TestBatch(allocator, 2).column(DataType.TIMESTAMP, LocalDateTime.of(2000, 1, 1, 0, 0), LocalDateTime.of(2000, 1, 2, 0, 0))
        .column(DataType.TIMESTAMP, LocalDateTime.of(2000, 1, 1, 0, 0, 1), LocalDateTime.of(2000, 1, 1, 0, 0));
    assertEquals(List.of(true, false), run(bool(ScalarFunction.LESS_THAN, column(0, DataType.TIMESTAMP), column(1, DataType.TIMESTAMP)), batch));
  }

  @Test
  void varbinaryComparesAndCasts() {
    TestBatch batch = new TestBatch(allocator, 2).column(DataType.VARBINARY, new byte[] {1, (byte) 0xFF}, new byte[] {1, 2});
    assertEquals(List.of(true, false), run(bool(ScalarFunction.GREATER_THAN, column(0, DataType.VARBINARY),
        new Literal("0180", DataType.VARBINARY)), batch));
    batch = new TestBatch(allocator, 1).column(DataType.VARCHAR, "ab");
    List<Object> bytes = run(call(ScalarFunction.CAST, DataType.VARBINARY, column(0, DataType.VARCHAR)), batch);
    assertArrayEquals(new byte[] {'a', 'b'}, (byte[]) bytes.get(0));
  }

  @Test
  void largeBatchesOfTextSurviveGrowth() {
    int rows = 5000;
    Object[] values = new Object[rows];
    for (int i = 0; i < rows; i++) {
      values[i] = i % 7 == 0 ? null : "value-" + i + "-".repeat(i % 40);
    }
    TestBatch batch = new TestBatch(allocator, rows).column(DataType.VARCHAR, values);
    List<Object> upper = run(call(ScalarFunction.UPPER, DataType.VARCHAR, column(0, DataType.VARCHAR)), batch);
    for (int i = 0; i < rows; i++) {
      assertEquals(values[i] == null ? null : ((String) values[i]).toUpperCase(java.util.Locale.ROOT), upper.get(i));
    }
  }
}
