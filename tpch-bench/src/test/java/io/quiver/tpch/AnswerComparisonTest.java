package io.quiver.tpch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerComparisonTest {

  @Test
  void exactNumbersCompareExactlyWhateverTheirScale() {
    assertTrue(AnswerComparison.valuesAgree(new BigDecimal("1.50"), new BigDecimal("1.5")));
    assertFalse(AnswerComparison.valuesAgree(new BigDecimal("1.50"), new BigDecimal("1.51")));
    assertFalse(AnswerComparison.valuesAgree(new BigDecimal("505822441.4861"), new BigDecimal("505822441.4862")));
  }

  @Test
  void doublesCompareWithinOnePartInABillion() {
    assertTrue(AnswerComparison.valuesAgree(1.0, 1.0 + 1e-10));
    assertFalse(AnswerComparison.valuesAgree(1.0, 1.0 + 1e-8));
    assertTrue(AnswerComparison.valuesAgree(0.0, -0.0));
    assertTrue(AnswerComparison.valuesAgree(Double.NaN, Double.NaN));
    assertTrue(AnswerComparison.valuesAgree(new BigDecimal("2.5"), 2.5));
  }

  @Test
  void aRoundedAverageMatchesTheDoubleWithinHalfAUnit() {
    assertTrue(AnswerComparison.valuesAgree(25.527660988782717, new BigDecimal("25.527661")));
    assertFalse(AnswerComparison.valuesAgree(25.527660988782717, new BigDecimal("25.527662")));
    // Fewer than six decimals: no rounding allowance, so a wrong scale is caught.
    assertFalse(AnswerComparison.valuesAgree(0.0345, new BigDecimal("0")));
    assertFalse(AnswerComparison.valuesAgree(0.0345, new BigDecimal("0.03")));
  }

  @Test
  void textDatesAndNullsCompareEqual() {
    assertTrue(AnswerComparison.valuesAgree("A", "A"));
    assertFalse(AnswerComparison.valuesAgree("A", "A "));
    assertTrue(AnswerComparison.valuesAgree(null, null));
    assertFalse(AnswerComparison.valuesAgree(null, BigDecimal.ONE));
    assertFalse(AnswerComparison.valuesAgree("1", BigDecimal.ONE));
  }

  @Test
  void reportsRowCountColumnCountAndValueDifferences() {
    ResultRows expected = new ResultRows(List.of("a", "b"), List.of(
        Arrays.asList(BigDecimal.ONE, "x"), Arrays.asList(BigDecimal.TEN, "y")));
    assertEquals(List.of(), AnswerComparison.differences(expected, expected));
    ResultRows fewer = new ResultRows(List.of("a", "b"), List.of(Arrays.asList(BigDecimal.ONE, "x")));
    assertEquals(List.of("expected 2 rows but got 1"), AnswerComparison.differences(expected, fewer));
    ResultRows wrong = new ResultRows(List.of("a", "b"), List.of(
        Arrays.asList(BigDecimal.ONE, "x"), Arrays.asList(BigDecimal.TEN, "z")));
    assertEquals(List.of("row 2, column b: expected 'y' but got 'z'"), AnswerComparison.differences(expected, wrong));
    ResultRows narrow = new ResultRows(List.of("a"), List.of());
    assertTrue(AnswerComparison.differences(expected, narrow).get(1).startsWith("expected 2 columns"));
  }

  @Test
  void rowsTiedOnAColumnMayComeInAnotherOrder() {
    ResultRows expected = new ResultRows(List.of("key", "value"), List.of(
        Arrays.asList(BigDecimal.valueOf(1), BigDecimal.valueOf(90)),
        Arrays.asList(BigDecimal.valueOf(2), BigDecimal.valueOf(50)),
        Arrays.asList(BigDecimal.valueOf(3), BigDecimal.valueOf(50)),
        Arrays.asList(BigDecimal.valueOf(4), BigDecimal.valueOf(50)),
        Arrays.asList(BigDecimal.valueOf(5), BigDecimal.valueOf(10))));
    ResultRows swapped = new ResultRows(List.of("key", "value"), List.of(
        expected.rows().get(0), expected.rows().get(3), expected.rows().get(2), expected.rows().get(1),
        expected.rows().get(4)));
    assertEquals(List.of(), AnswerComparison.differences(expected, swapped));
    // rows of different values swapped are a wrong order
    ResultRows wrongOrder = new ResultRows(List.of("key", "value"), List.of(
        expected.rows().get(1), expected.rows().get(0), expected.rows().get(2), expected.rows().get(3),
        expected.rows().get(4)));
    assertEquals(List.of("row 1, column key: expected 1 (exact) but got 2 (exact)",
        "row 1, column value: expected 90 (exact) but got 50 (exact)",
        "row 2, column key: expected 2 (exact) but got 1 (exact)",
        "row 2, column value: expected 50 (exact) but got 90 (exact)"),
        AnswerComparison.differences(expected, wrongOrder));
    // a tied run with a row that is not in the answer is wrong
    ResultRows foreign = new ResultRows(List.of("key", "value"), List.of(
        expected.rows().get(0), Arrays.asList(BigDecimal.valueOf(7), BigDecimal.valueOf(50)), expected.rows().get(2),
        expected.rows().get(1), expected.rows().get(4)));
    assertEquals(List.of("row 2, column key: expected 2 (exact) but got 7 (exact)",
        "row 4, column key: expected 4 (exact) but got 2 (exact)"), AnswerComparison.differences(expected, foreign));
  }
}
