package io.quiver.tpch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TpchQueryTextTest {

  @Test
  void q11FractionIsScaledByTheScaleFactor() {
    assertEquals("0.01", TpchQueryText.q11Fraction(0.01));
    assertEquals("0.001", TpchQueryText.q11Fraction(0.1));
    assertEquals("0.0001", TpchQueryText.q11Fraction(1));
    assertEquals("0.00001", TpchQueryText.q11Fraction(10));
    assertEquals("0.000001", TpchQueryText.q11Fraction(100));
    String sf10 = TpchQueryText.load(11, 10);
    assertTrue(sf10.contains("sum(ps_supplycost * ps_availqty) * 0.00001"), sf10);
    assertFalse(sf10.contains("* 0.0001\n"), sf10);
    assertEquals(TpchQueryText.load(11), TpchQueryText.load(11, 1));
  }

  @Test
  void otherQueriesDoNotDependOnTheScaleFactor() {
    for (int number = 1; number <= TpchQueryText.QUERY_COUNT; number++) {
      if (number != 11) {
        assertEquals(TpchQueryText.load(number), TpchQueryText.load(number, 10), TpchQueryText.fileName(number));
      }
    }
  }

  @Test
  void wrongArgumentsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> TpchQueryText.load(11, 0));
    assertThrows(IllegalArgumentException.class, () -> TpchQueryText.load(11, -1));
    assertThrows(IllegalArgumentException.class, () -> TpchQueryText.load(23, 1));
  }
}
