package io.quiver.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quiver.engine.profile.QueryRecord;
import io.quiver.exec.error.ErrorCode;
import org.junit.jupiter.api.Test;

/** The server's console line per statement: id, user, state, elapsed, rows, and the error code of a failure. */
class ServerQueryLineTest {

  @Test
  void aSucceededAndAFailedStatement() {
    assertEquals("quiver server: query_3 user=alice SUCCEEDED in 250 ms, 1 row", ServerCommand.queryLine(
        new QueryRecord("query_3", "alice", "SUCCEEDED", "SELECT 1", 1_000, 1_250, 0, 1, null, null)));
    assertEquals("quiver server: query_4 user=- FAILED in 5 ms, 0 rows, error 42P01", ServerCommand.queryLine(
        new QueryRecord("query_4", null, "FAILED", "SELECT * FROM t", 2_000, 2_005, 0, 0, ErrorCode.TABLE_NOT_FOUND,
            "no table t")));
  }
}
