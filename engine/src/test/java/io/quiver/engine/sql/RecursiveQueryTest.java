package io.quiver.engine.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.engine.Quiver;
import io.quiver.engine.QuiverConfig;
import io.quiver.engine.Session;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * WITH RECURSIVE through the engine: the repeated jobs, the iteration limit and its message, and a
 * session that stays usable (and tables that are freed) after a recursive query fails.
 */
class RecursiveQueryTest {

  private static final String LIMIT = "quiver.recursion.maxIterations";

  @Test
  void iteratesUntilNothingNewAndFreesItsTables() {
    try (Quiver quiver = Quiver.local(QuiverConfig.defaults().withSlots(2).withShufflePartitions(3));
        Session session = quiver.openSession()) {
      assertEquals(List.of(List.of("50", "1275")), ResultText.rows(session,
          "WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 50) SELECT count(*), sum(n) FROM t"));
      assertEquals(List.of(List.of("0"), List.of("1"), List.of("2")), ResultText.sorted(ResultText.rows(session,
          "WITH RECURSIVE t(n) AS (SELECT 0 UNION SELECT (n + 1) % 3 FROM t) SELECT n FROM t")));
      // Recursive CTE rows live in an allocator of the statement; nothing stays once it has ended.
      assertEquals(List.of(List.of("5")), ResultText.rows(session,
          "WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 5) SELECT max(n) FROM t"));
    }
  }

  @Test
  void aRecursionPastTheLimitFailsNamingTheLimitAndTheSessionGoesOn() {
    String before = System.getProperty(LIMIT);
    System.setProperty(LIMIT, "20");
    try (Quiver quiver = Quiver.local(QuiverConfig.defaults().withSlots(2));
        Session session = quiver.openSession()) {
      QuiverException error = assertThrows(QuiverException.class, () -> ResultText.rows(session,
          "WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t) SELECT count(*) FROM t"));
      assertEquals(ErrorCode.RECURSION_LIMIT_EXCEEDED, error.errorCode());
      assertEquals("54000", error.errorCode().sqlState());
      assertTrue(error.getMessage().contains("20 iterations") && error.getMessage().contains(LIMIT),
          error.getMessage());
      // Nineteen iterations are within the limit.
      assertEquals(List.of(List.of("20")), ResultText.rows(session,
          "WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 20) SELECT count(*) FROM t"));
    } finally {
      if (before == null) {
        System.clearProperty(LIMIT);
      } else {
        System.setProperty(LIMIT, before);
      }
    }
  }

  @Test
  void aFailingIterationFailsTheStatement() {
    try (Quiver quiver = Quiver.local(QuiverConfig.defaults().withSlots(2));
        Session session = quiver.openSession()) {
      QuiverException error = assertThrows(QuiverException.class, () -> ResultText.rows(session,
          "WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE 10 / (3 - n) > -100 AND n < 5) "
              + "SELECT count(*) FROM t"));
      assertEquals(ErrorCode.DIVISION_BY_ZERO, error.errorCode());
      assertEquals(List.of(List.of("1")), ResultText.rows(session, "SELECT 1"));
    }
  }
}
