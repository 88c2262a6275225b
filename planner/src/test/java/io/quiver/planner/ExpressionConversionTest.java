package io.quiver.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.fragment.expression.Call;
import io.quiver.exec.fragment.expression.Expression;
import io.quiver.exec.fragment.expression.Literal;
import io.quiver.exec.fragment.expression.ScalarFunction;
import io.quiver.exec.fragment.node.FilterNode;
import io.quiver.exec.fragment.node.ProjectNode;
import io.quiver.exec.fragment.node.TableScanNode;
import io.quiver.exec.fragment.stage.StagePlan;
import io.quiver.exec.type.DataType;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Row expressions as fragments see them. Table {@code test.misc.nullable} has columns i INTEGER,
 * b BIGINT, d DOUBLE, r REAL, m DECIMAL(10, 3), s VARCHAR(20), c CHAR(3), dt DATE, ts TIMESTAMP,
 * flag BOOLEAN, all nullable; the scan reads only the columns used, in table order.
 */
class ExpressionConversionTest {

  private static StagePlan plan(String sql) {
    return PlanTesting.planner().plan(sql, List.of("test", "misc")).stagePlan();
  }

  /** The expression computing the only column of {@code select <expression> from nullable}. */
  private static Expression projection(String expression) {
    StagePlan stages = plan("select " + expression + " from nullable");
    ProjectNode project = PlanTesting.nodes(stages, ProjectNode.class).get(0);
    return project.projections().get(0);
  }

  /** The condition of {@code select i from nullable where <condition>}. */
  private static Expression condition(String condition) {
    StagePlan stages = plan("select i from nullable where " + condition);
    return PlanTesting.nodes(stages, FilterNode.class).get(0).condition();
  }

  private static Call call(Expression expression, ScalarFunction function) {
    Call call = assertInstanceOf(Call.class, expression, String.valueOf(expression));
    assertEquals(function.name(), call.function(), call.toString());
    return call;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '#', value = {
      "i + b # ADD # ADD(CAST($0), $1)",
      "b - i # SUBTRACT # SUBTRACT($1, CAST($0))",
      "d * d # MULTIPLY # MULTIPLY($0, $0)",
      "b / 2 # DIVIDE # DIVIDE($0, 2)",
      "b % 3 # CAST # CAST(MODULO($0, 3))",
      "-b # NEGATE # NEGATE($0)",
      "m * 2 # MULTIPLY # MULTIPLY($0, 2)",
      "upper(s) # UPPER # UPPER($0)",
      "lower(s) # LOWER # LOWER($0)",
      "substring(s from 2 for 3) # SUBSTRING # SUBSTRING($0, 2, 3)",
      "substring(s, 2) # SUBSTRING # SUBSTRING($0, 2)",
      "trim(s) # TRIM # TRIM($0)",
      "char_length(s) # CHAR_LENGTH # CHAR_LENGTH($0)",
      "s || 'x' # STRING_CONCAT # STRING_CONCAT($0, 'x')",
      "abs(m) # ABS # ABS($0)",
      "round(m, 1) # ROUND # ROUND($0, 1)",
      "floor(d) # FLOOR # FLOOR($0)",
      "ceil(d) # CEIL # CEIL($0)",
      "cast(s as integer) # CAST # CAST($0)",
      "extract(year from dt) # EXTRACT # EXTRACT('YEAR', $0)",
      "extract(dow from ts) # EXTRACT # EXTRACT('DOW', $0)",
      "case when i > 0 then 'pos' when i < 0 then 'neg' else 'zero' end # CASE "
          + "# CASE(GREATER_THAN($0, 0), 'pos', LESS_THAN($0, 0), 'neg', 'zero')",
      "coalesce(i, 0) # CASE # CASE(IS_NOT_NULL($0), $0, 0)",
      "dt + interval '3' month # ADD # ADD($0, 3)",
      "dt - interval '2' day # SUBTRACT # SUBTRACT($0, 172800000000)",
      "sqrt(d) # POWER # POWER($0, 0.5)",
      "power(d, d) # POWER # POWER($0, $0)",
      "exp(d) # EXP # EXP($0)",
      "ln(d) # LN # LN($0)",
      "log10(d) # LOG10 # LOG10($0)",
      "sign(i) # SIGN # SIGN($0)",
      "replace(s, s, s) # REPLACE # REPLACE($0, $0, $0)",
      "position(s in s) # POSITION # POSITION($0, $0)",
      "trim(leading from s) # LTRIM # LTRIM($0)",
      "trim(trailing s from s) # RTRIM # RTRIM($0, $0)",
      "trim(both 'xy' from s) # TRIM # TRIM($0, 'xy')",
  })
  void projections(String sql, ScalarFunction function, String expected) {
    Expression expression = projection(sql);
    call(expression, function);
    assertEquals(expected, expression.toString());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '#', value = {
      "i = 1 # EQUAL # EQUAL($0, 1)",
      "i <> 1 # NOT_EQUAL # NOT_EQUAL($0, 1)",
      "i < b # LESS_THAN # LESS_THAN(CAST($0), $1)",
      "i <= 1 # LESS_THAN_OR_EQUAL # LESS_THAN_OR_EQUAL($0, 1)",
      "i > 1 # GREATER_THAN # GREATER_THAN($0, 1)",
      "i >= 1 # GREATER_THAN_OR_EQUAL # GREATER_THAN_OR_EQUAL($0, 1)",
      "i > 1 and b > 2 # AND # AND(GREATER_THAN($0, 1), GREATER_THAN($1, 2))",
      "i > 1 or b > 2 # OR # OR(GREATER_THAN($0, 1), GREATER_THAN($1, 2))",
      "not flag # NOT # NOT($1)",
      "i is null # IS_NULL # IS_NULL($0)",
      "i is not null # IS_NOT_NULL # IS_NOT_NULL($0)",
      "s like 'a%' # LIKE # LIKE($1, 'a%')",
      "s not like 'a%' # NOT_LIKE # NOT_LIKE($1, 'a%')",
      "s like 'a!%' escape '!' # LIKE # LIKE($1, 'a!%', '!')",
      "i in (1, 2, 3) # IN # IN($0, 1, 2, 3)",
      "i between 1 and 5 # AND # AND(GREATER_THAN_OR_EQUAL($0, 1), LESS_THAN_OR_EQUAL($0, 5))",
      "i not in (1, 2) # AND # AND(NOT_EQUAL($0, 1), NOT_EQUAL($0, 2))",
  })
  void conditions(String sql, ScalarFunction function, String expected) {
    Expression expression = condition(sql);
    call(expression, function);
    assertEquals(expected, expression.toString());
  }

  @Test
  void callsCarryTheirResultTypes() {
    assertEquals(DataType.decimal(11, 3), projection("m + m").type());
    assertEquals(DataType.decimal(20, 6), projection("m * m").type());
    assertEquals(DataType.BIGINT, projection("extract(year from dt)").type());
    assertEquals(DataType.BOOLEAN, condition("i = 1").type());
    assertEquals(DataType.INTEGER, projection("i / 2").type());
    assertEquals(DataType.varchar(20), projection("upper(s)").type());
  }

  @Test
  void literalsUseTheCanonicalText() {
    Call dateCompare = call(condition("dt = date '1995-03-15'"), ScalarFunction.EQUAL);
    assertEquals(Literal.ofDate(LocalDate.of(1995, 3, 15)), dateCompare.arguments().get(1));

    Call decimalCompare = call(condition("m > 1.5"), ScalarFunction.GREATER_THAN);
    Literal decimal = assertInstanceOf(Literal.class, decimalCompare.arguments().get(1));
    assertEquals(io.quiver.exec.type.TypeKind.DECIMAL, decimal.type().kind());
    assertEquals(decimal.type().scale(), decimal.text().length() - decimal.text().indexOf('.') - 1);

    Call charCompare = call(condition("c = 'ab '"), ScalarFunction.EQUAL);
    assertEquals(new Literal("ab", DataType.character(3)), charCompare.arguments().get(1));

    Call doubleCompare = call(condition("d > 1e0"), ScalarFunction.GREATER_THAN);
    assertEquals(Literal.ofDouble(1.0), doubleCompare.arguments().get(1));

    Call timestampCompare = call(condition("ts < timestamp '1970-01-02 00:00:01'"), ScalarFunction.LESS_THAN);
    assertEquals("86401000000", ((Literal) timestampCompare.arguments().get(1)).text());

    Call interval = call(projection("dt + interval '1' year"), ScalarFunction.ADD);
    assertEquals(new Literal("12", DataType.INTERVAL_YEAR_MONTH), interval.arguments().get(1));

    Call nullCase = call(projection("case when flag then 1 end"), ScalarFunction.CASE);
    assertEquals(Literal.nullOf(DataType.INTEGER), nullCase.arguments().get(2));
  }

  @Test
  void constantDateArithmeticIsFolded() {
    Call q1 = call(condition("dt <= date '1998-12-01' - interval '90' day (3)"),
        ScalarFunction.LESS_THAN_OR_EQUAL);
    assertEquals(Literal.ofDate(LocalDate.of(1998, 9, 2)), q1.arguments().get(1));
    // Month arithmetic clamps to the month's end.
    Call month = call(condition("dt < date '1995-01-31' + interval '1' month"), ScalarFunction.LESS_THAN);
    assertEquals(Literal.ofDate(LocalDate.of(1995, 2, 28)), month.arguments().get(1));
    Call decimal = call(condition("m between .06 - 0.01 and .06 + 0.01"), ScalarFunction.AND);
    assertEquals("AND(GREATER_THAN_OR_EQUAL($1, 0.05), LESS_THAN_OR_EQUAL($1, 0.07))", decimal.toString());
  }

  @Test
  void mixedOperandKindsAreCast() {
    Call sum = call(projection("i + b"), ScalarFunction.ADD);
    assertEquals(new Call(ScalarFunction.CAST,
        List.of(new io.quiver.exec.fragment.expression.InputReference(0, DataType.INTEGER)), DataType.BIGINT),
        sum.arguments().get(0));
    Call decimal = call(projection("m + i"), ScalarFunction.ADD);
    assertEquals(DataType.decimal(10, 0), decimal.arguments().get(1).type());
    Call literal = call(condition("b > 5"), ScalarFunction.GREATER_THAN);
    assertEquals(new Literal("5", DataType.BIGINT), literal.arguments().get(1));
    Call approximate = call(condition("d > i"), ScalarFunction.GREATER_THAN);
    assertEquals(DataType.DOUBLE, approximate.arguments().get(1).type());
  }

  @Test
  void currentDateAndTimestampAreOneLiteralPerQuery() {
    Expression date = projection("current_date");
    assertInstanceOf(Literal.class, date, date.toString());
    assertEquals(DataType.DATE, date.type());
    Expression timestamp = projection("current_timestamp");
    assertInstanceOf(Literal.class, timestamp, timestamp.toString());
    Literal local = assertInstanceOf(Literal.class, projection("localtimestamp"));
    // TIMESTAMP(0): whole seconds, in microseconds.
    assertEquals(0, local.longValue() % 1_000_000L, local.toString());
  }

  @Test
  void unknownFunctionsOfTheExecutorAreNotSupported() {
    QuiverException e = assertThrows(QuiverException.class, () -> projection("ceil(ts to day)"));
    assertEquals(ErrorCode.NOT_SUPPORTED, e.errorCode());
    e = assertThrows(QuiverException.class, () -> projection("floor(ts to month)"));
    assertEquals(ErrorCode.NOT_SUPPORTED, e.errorCode());
  }

  @Test
  void scanReadsOnlyUsedColumns() {
    StagePlan stages = plan("select s from nullable where i > 0");
    TableScanNode scan = PlanTesting.nodes(stages, TableScanNode.class).get(0);
    assertEquals(List.of(0, 5), scan.columns());
  }
}
