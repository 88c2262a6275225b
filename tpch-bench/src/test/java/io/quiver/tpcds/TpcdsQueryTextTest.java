package io.quiver.tpcds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TpcdsQueryTextTest {

  @Test
  void everyQueryIsOneStatementUnderAHeaderThatNamesIt() throws IOException {
    for (int number = 1; number <= TpcdsQueryText.QUERY_COUNT; number++) {
      String name = TpcdsQueryText.fileName(number);
      try (InputStream in = TpcdsQueryText.class.getResourceAsStream("/tpcds/queries/" + name)) {
        String file = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(file.startsWith("-- TPC-DS query " + number + " (template query" + number + ".tpl"), name);
      }
      String sql = TpcdsQueryText.load(number);
      assertFalse(sql.contains("--"), name);
      assertFalse(sql.contains(";"), name + " holds one statement");
      assertFalse(sql.contains("`"), name);
      assertFalse(sql.toLowerCase(java.util.Locale.ROOT).matches("(?s).*interval \\d+ days?\\b.*"), name);
    }
    assertThrows(IllegalArgumentException.class, () -> TpcdsQueryText.load(100));
  }

  @Test
  void duckDbGetsIntegerDivisionsAsItsOwnOperator() {
    assertTrue(TpcdsQueryText.loadForDuckDb(21).contains("inv_after // inv_before"));
    assertEquals(3, TpcdsQueryText.loadForDuckDb(83).split("//", -1).length - 1);
    assertNotEquals(TpcdsQueryText.load(34), TpcdsQueryText.loadForDuckDb(34));
    assertEquals(TpcdsQueryText.load(1), TpcdsQueryText.loadForDuckDb(1));
  }
}
