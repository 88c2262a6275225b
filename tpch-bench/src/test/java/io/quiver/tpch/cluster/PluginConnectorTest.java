package io.quiver.tpch.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.engine.Quiver;
import io.quiver.engine.QuiverConfig;
import io.quiver.engine.Session;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.tpch.ResultRows;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code numbers} connector (module spi-test-connector, written only against the SPI) is found
 * by ServiceLoader on the driver and on executor processes and queried through SQL: in local mode the
 * driver's process reads its splits, in cluster mode the executor processes do, with the same
 * answers; its errors reach the client with its SQLSTATE.
 */
class PluginConnectorTest {

  private static final String SUMMARY = "SELECT count(*), sum(n), sum(square), max(label) FROM numbers.\"default\".numbers";
  private static final String JOINED = "SELECT count(*) FROM numbers.\"default\".numbers JOIN tpch.tiny.nation"
      + " ON n = n_nationkey";
  private static final String READERS = "SELECT DISTINCT reader_pid FROM numbers.\"default\".numbers";

  @TempDir
  Path directory;

  @Test
  void aPluginConnectorIsReadByTheDriverLocallyAndByExecutorProcessesInACluster() throws Exception {
    long driverPid = ProcessHandle.current().pid();
    List<List<Object>> summary;
    try (Quiver local = Quiver.local(QuiverConfig.defaults().withSlots(2).withShufflePartitions(2));
        Session session = local.openSession()) {
      summary = ResultRows.query(session, SUMMARY).rows();
      assertEquals("[10000, 50005000, 333383335000, n9999]", summary.get(0).toString());
      assertEquals("[[24]]", ResultRows.query(session, JOINED).rows().toString());
      assertEquals(Set.of(driverPid), pids(ResultRows.query(session, READERS)));
      assertBrokenTableFails(session);
    }
    try (ProcessCluster cluster = new ProcessCluster(2, 1, "384m", directory);
        Session session = cluster.quiver.openSession()) {
      assertEquals(summary, ResultRows.query(session, SUMMARY).rows());
      assertEquals("[[24]]", ResultRows.query(session, JOINED).rows().toString());
      Set<Long> readers = pids(ResultRows.query(session, READERS));
      Set<Long> executors = cluster.processes.values().stream().map(Process::pid).collect(Collectors.toSet());
      assertFalse(readers.contains(driverPid), "the driver read a split: " + readers);
      assertTrue(executors.containsAll(readers), readers + " are not all executor processes " + executors);
      assertBrokenTableFails(session);
    }
  }

  private static void assertBrokenTableFails(Session session) {
    QuiverException failure = assertThrows(QuiverException.class,
        () -> ResultRows.query(session, "SELECT x FROM numbers.\"default\".broken"));
    assertEquals(ErrorCode.DIVISION_BY_ZERO, failure.errorCode(), failure.getMessage());
    assertTrue(failure.getMessage().contains("the broken table cannot be read"), failure.getMessage());
  }

  private static Set<Long> pids(ResultRows rows) {
    return rows.rows().stream().map(row -> ((Number) row.get(0)).longValue()).collect(Collectors.toSet());
  }
}
