package io.quiver.exec.expression;

import static io.quiver.exec.expression.TestBatch.call;
import static io.quiver.exec.expression.TestBatch.column;
import static io.quiver.exec.expression.TestBatch.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.fragment.expression.Expression;
import io.quiver.exec.fragment.expression.Literal;
import io.quiver.exec.fragment.expression.ScalarFunction;
import io.quiver.exec.type.DataType;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DateTimeTest {

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

  private static Literal months(long months) {
    return Literal.ofLong(months, DataType.INTERVAL_YEAR_MONTH);
  }

  /** A day-time interval written in milliseconds; the executor holds microseconds. */
  private static Literal millis(long millis) {
    return Literal.ofLong(millis * 1000L, DataType.INTERVAL_DAY_TIME);
  }

  @Test
  void addMonthsClampsToMonthEnd() {
    TestBatch batch = new TestBatch(allocator, 4).column(DataType.DATE,
        LocalDate.of(1995, 1, 31), LocalDate.of(1996, 1, 31), LocalDate.of(1995, 12, 15), null);
    assertEquals(Arrays.asList(LocalDate.of(1995, 2, 28), LocalDate.of(1996, 2, 29), LocalDate.of(1996, 1, 15), null),
        run(call(ScalarFunction.ADD, DataType.DATE, column(0, DataType.DATE), months(1)), batch));
    batch = new TestBatch(allocator, 1).column(DataType.DATE, LocalDate.of(1995, 3, 31));
    assertEquals(List.of(LocalDate.of(1994, 2, 28)),
        run(call(ScalarFunction.SUBTRACT, DataType.DATE, column(0, DataType.DATE), months(13)), batch));
    batch = new TestBatch(allocator, 1).column(DataType.DATE, LocalDate.of(1995, 3, 31));
    assertEquals(List.of(LocalDate.of(1996, 3, 31)),
        run(call(ScalarFunction.ADD, DataType.DATE, months(12), column(0, DataType.DATE)), batch));
  }

  @Test
  void addDaysAndTimes() {
    TestBatch batch = new TestBatch(allocator, 2).column(DataType.DATE, LocalDate.of(1998, 12, 1), null);
    assertEquals(Arrays.asList(LocalDate.of(1998, 9, 2), null),
        run(call(ScalarFunction.SUBTRACT, DataType.DATE, column(0, DataType.DATE), millis(90L * 86_400_000)), batch));
    batch = new TestBatch(allocator, 1).column(DataType.TIMESTAMP, LocalDateTime.of(2000, 1, 31, 10, 0));
    assertEquals(List.of(LocalDateTime.of(2000, 2, 29, 10, 0)),
        run(call(ScalarFunction.ADD, DataType.TIMESTAMP, column(0, DataType.TIMESTAMP), months(1)), batch));
    batch = new TestBatch(allocator, 1).column(DataType.TIMESTAMP, LocalDateTime.of(2000, 1, 31, 10, 0));
    assertEquals(List.of(LocalDateTime.of(2000, 2, 1, 11, 30)),
        run(call(ScalarFunction.ADD, DataType.TIMESTAMP, column(0, DataType.TIMESTAMP), millis(25L * 3_600_000 + 1_800_000)), batch));
    batch = new TestBatch(allocator, 1).column(DataType.DATE, LocalDate.of(2000, 1, 31));
    assertEquals(List.of(LocalDateTime.of(2000, 1, 31, 6, 0)),
        run(call(ScalarFunction.ADD, DataType.TIMESTAMP, column(0, DataType.DATE), millis(6L * 3_600_000)), batch));
  }

  @Test
  void constantDateArithmeticFolds() {
    TestBatch batch = new TestBatch(allocator, 2).column(DataType.DATE, LocalDate.of(1994, 6, 1), LocalDate.of(1995, 1, 1));
    Expression upper = call(ScalarFunction.ADD, DataType.DATE, TestBatch.date("1994-01-01"), months(12));
    assertEquals(List.of(true, false),
        run(TestBatch.bool(ScalarFunction.LESS_THAN, column(0, DataType.DATE), upper), batch));
  }

  @Test
  void extractEveryFieldMatchesJavaTime() {
    List<Object> dates = new ArrayList<>();
    LocalDate start = LocalDate.of(1899, 12, 25);
    for (int i = 0; i < 600; i++) {
      dates.add(start.plusDays(i * 97L));
    }
    for (String field : List.of("YEAR", "QUARTER", "MONTH", "WEEK", "DAY", "DOW", "DOY")) {
      TestBatch batch = new TestBatch(allocator, dates.size()).column(DataType.DATE, dates);
      List<Object> result = run(call(ScalarFunction.EXTRACT, DataType.BIGINT, text(field), column(0, DataType.DATE)), batch);
      for (int i = 0; i < dates.size(); i++) {
        LocalDate d = (LocalDate) dates.get(i);
        long expected;
        switch (field) {
          case "YEAR": expected = d.getYear(); break;
          case "QUARTER": expected = (d.getMonthValue() + 2) / 3; break;
          case "MONTH": expected = d.getMonthValue(); break;
          case "WEEK": expected = d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR); break;
          case "DAY": expected = d.getDayOfMonth(); break;
          case "DOW": expected = d.getDayOfWeek() == DayOfWeek.SUNDAY ? 0 : d.getDayOfWeek().getValue(); break;
          default: expected = d.getDayOfYear(); break;
        }
        assertEquals(expected, result.get(i), field + " of " + d);
      }
    }
  }

  @Test
  void extractTimeFieldsAndNulls() {
    TestBatch batch = new TestBatch(allocator, 2).column(DataType.TIMESTAMP, LocalDateTime.of(1960, 5, 6, 7, 8, 9, 999_000_000), null);
    Expression ts = column(0, DataType.TIMESTAMP);
    assertEquals(Arrays.asList(7L, null), run(call(ScalarFunction.EXTRACT, DataType.BIGINT, text("hour"), ts), batch));
    batch = new TestBatch(allocator, 2).column(DataType.TIMESTAMP, LocalDateTime.of(1960, 5, 6, 7, 8, 9, 999_000_000), null);
    assertEquals(Arrays.asList(8L, null), run(call(ScalarFunction.EXTRACT, DataType.BIGINT, text("MINUTE"), ts), batch));
    batch = new TestBatch(allocator, 2).column(DataType.TIMESTAMP, LocalDateTime.of(1960, 5, 6, 7, 8, 9, 999_000_000), null);
    assertEquals(Arrays.asList(9L, null), run(call(ScalarFunction.EXTRACT, DataType.BIGINT, text("SECOND"), ts), batch));
    batch = new TestBatch(allocator, 2).column(DataType.TIMESTAMP, LocalDateTime.of(1960, 5, 6, 7, 8, 9, 999_000_000), null);
    assertEquals(Arrays.asList(1960L, null), run(call(ScalarFunction.EXTRACT, DataType.INTEGER, text("YEAR"), ts), batch));
  }

  @Test
  void extractRejectsUnknownFieldsAndTypes() {
    QuiverException field = assertThrows(QuiverException.class, () -> ExpressionCompiler.compile(
        call(ScalarFunction.EXTRACT, DataType.BIGINT, text("FORTNIGHT"), column(0, DataType.DATE)), allocator));
    assertEquals(ErrorCode.NOT_SUPPORTED, field.errorCode());
    QuiverException type = assertThrows(QuiverException.class, () -> ExpressionCompiler.compile(
        call(ScalarFunction.EXTRACT, DataType.BIGINT, text("YEAR"), column(0, DataType.INTEGER)), allocator));
    assertEquals(ErrorCode.NOT_SUPPORTED, type.errorCode());
    QuiverException unit = assertThrows(QuiverException.class, () -> ExpressionCompiler.compile(
        call(ScalarFunction.EXTRACT, DataType.BIGINT, column(1, DataType.VARCHAR), column(0, DataType.DATE)), allocator));
    assertEquals(ErrorCode.NOT_SUPPORTED, unit.errorCode());
  }

  @Test
  void dateMinusDateIsNotSupported() {
    QuiverException e = assertThrows(QuiverException.class, () -> ExpressionCompiler.compile(
        call(ScalarFunction.SUBTRACT, DataType.INTEGER, column(0, DataType.DATE), column(1, DataType.DATE)), allocator));
    assertEquals(ErrorCode.NOT_SUPPORTED, e.errorCode());
  }
}
