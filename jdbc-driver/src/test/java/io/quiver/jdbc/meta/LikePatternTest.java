package io.quiver.jdbc.meta;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LikePatternTest {

  @Test
  void wildcardsAndEscapes() {
    assertTrue(LikePattern.of("line%").matches("lineitem"));
    assertTrue(LikePattern.of("n_tion").matches("nation"));
    assertFalse(LikePattern.of("n\\_tion").matches("nation"));
    assertTrue(LikePattern.of("n\\_tion").matches("n_tion"));
    assertTrue(LikePattern.of(null).matches("anything"));
    assertTrue(LikePattern.of("%").matches(null));
    assertFalse(LikePattern.of("x").matches(null));
  }

  @Test
  void lowerAndMixedCasePatternsMatchExactly() {
    assertFalse(LikePattern.of("nation").matches("NATION"));
    assertFalse(LikePattern.of("MyTable").matches("mytable"));
    assertTrue(LikePattern.of("MyTable").matches("MyTable"));
  }

  /** Tools that follow the stock Avatica driver's flags look up upper-cased names. */
  @Test
  void upperCasePatternsMatchAnyCase() {
    assertTrue(LikePattern.of("NATION").matches("nation"));
    assertTrue(LikePattern.of("T_0%").matches("t10001"));
    assertTrue(LikePattern.of("TPCH").matches("tpch"));
    assertFalse(LikePattern.of("NATION").matches("region"));
  }
}
