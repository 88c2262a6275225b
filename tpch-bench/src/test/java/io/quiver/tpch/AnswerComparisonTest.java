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
}
