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
 * A window whose partition does not fit the memory limit fails the query with 53200 naming the
 * window, not with an OutOfMemoryError, and the session goes on.
 */
class WindowMemoryLimitTest {

  @Test
  void aPartitionTooLargeForTheLimitFailsTheQueryNamingTheWindow() {
    QuiverConfig config = new QuiverConfig(1, 2, 8192, 3 << 20);
    try (Quiver quiver = Quiver.local(config); Session session = quiver.openSession()) {
      QuiverException error = assertThrows(QuiverException.class, () -> ResultText.rows(session,
          "SELECT count(*), max(r) FROM (SELECT ROW_NUMBER() OVER (ORDER BY l_orderkey, l_linenumber) AS r,"
              + " l_comment FROM tpch.tiny.lineitem) AS w"));
      assertEquals(ErrorCode.MEMORY_LIMIT_EXCEEDED, error.errorCode(), error.getMessage());
      assertEquals("53200", error.sqlState());
      assertTrue(error.getMessage().contains("window"), error.getMessage());
      assertEquals(List.of(List.of("25")), ResultText.rows(session,
          "SELECT count(*) FROM (SELECT ROW_NUMBER() OVER (ORDER BY n_name) AS r FROM tpch.tiny.nation) AS w"));
    }
  }
}
