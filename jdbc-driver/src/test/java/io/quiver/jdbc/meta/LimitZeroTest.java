package io.quiver.jdbc.meta;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LimitZeroTest {

  @Test
  void outermostLimitZeroIsRecognized() {
    assertTrue(LimitZero.endsWithLimitZero("select * from t limit 0"));
    assertTrue(LimitZero.endsWithLimitZero("SELECT * FROM (select a from t) q LIMIT 0 ;  -- columns only\n"));
    assertTrue(LimitZero.endsWithLimitZero("select * from t\nLIMIT\t0 OFFSET 10"));
    assertTrue(LimitZero.endsWithLimitZero("select * from t fetch first 0 rows only"));
    assertTrue(LimitZero.endsWithLimitZero("(select 1) limit 00 /* c */"));
  }

  @Test
  void othersAreNot() {
    assertFalse(LimitZero.endsWithLimitZero("select * from t limit 10"));
    assertFalse(LimitZero.endsWithLimitZero("select * from t limit 0 + 1"));
    assertFalse(LimitZero.endsWithLimitZero("select * from t where x in (select y from u limit 0)"));
    assertFalse(LimitZero.endsWithLimitZero("select 'limit 0'"));
    assertFalse(LimitZero.endsWithLimitZero("select * from t -- limit 0"));
    assertFalse(LimitZero.endsWithLimitZero("select \" limit 0\""));
    assertFalse(LimitZero.endsWithLimitZero("explain select * from t limit 0"));
    assertFalse(LimitZero.endsWithLimitZero("select nolimit 0"));
    assertFalse(LimitZero.endsWithLimitZero(""));
  }
}
