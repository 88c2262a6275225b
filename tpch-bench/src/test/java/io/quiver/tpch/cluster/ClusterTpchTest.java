package io.quiver.tpch.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.engine.Quiver;
import io.quiver.engine.QuiverConfig;
import io.quiver.engine.Session;
import io.quiver.tpch.AnswerComparison;
import io.quiver.tpch.ReferenceAnswers;
import io.quiver.tpch.ResultRows;
import io.quiver.tpch.TpchQueryText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/**
 * A driver and three executor processes on loopback run the 22 TPC-H queries at scale factor 0.01:
 * every answer matches the reference answer, and local mode gives the identical result. When the
 * driver goes away, the executors exit cleanly.
 */
class ClusterTpchTest {

  @TempDir
  static Path directory;

  private static ProcessCluster cluster;
  private static Quiver local;

  @BeforeAll
  static void start() throws Exception {
    cluster = new ProcessCluster(3, 1, "384m", directory);
    local = Quiver.local(new QuiverConfig(3, 6, 8192, 1L << 30));
  }

  @AfterAll
  static void stop() {
    if (local != null) {
      local.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void all22QueriesMatchTheReferenceAndLocalMode() {
    List<String> failures = new ArrayList<>();
    long fragmentsBefore = cluster.backend.fragmentsSent();
    long tasksBefore = cluster.backend.tasksLaunched();
    for (int number = 1; number <= TpchQueryText.QUERY_COUNT; number++) {
      String name = TpchQueryText.fileName(number);
      String sql = TpchQueryText.load(number, 0.01);
      ResultRows expected = ReferenceAnswers.load(0.01, number).orElseThrow();
      ResultRows clustered;
      ResultRows alone;
      try (Session session = cluster.quiver.openSession()) {
        session.setCatalog("tpch");
        session.setSchema("tiny");
        clustered = ResultRows.query(session, sql);
      } catch (RuntimeException e) {
        failures.add(name + " failed in cluster mode: " + e);
        continue;
      }
      try (Session session = local.openSession()) {
        session.setCatalog("tpch");
        session.setSchema("tiny");
        alone = ResultRows.query(session, sql);
      }
      List<String> differences = AnswerComparison.differences(expected, clustered);
      if (!differences.isEmpty()) {
        failures.add(name + " differs from the reference: " + differences.subList(0, Math.min(5, differences.size())));
      }
      if (!alone.equals(clustered)) {
        failures.add(name + " differs from local mode: " + AnswerComparison.differences(alone, clustered));
      }
    }
    if (!failures.isEmpty()) {
      throw new AssertionFailedError(String.join("\n", failures));
    }
    long fragments = cluster.backend.fragmentsSent() - fragmentsBefore;
    long tasks = cluster.backend.tasksLaunched() - tasksBefore;
    assertTrue(fragments < tasks, fragments + " fragments sent for " + tasks + " tasks");
    assertEquals(3, cluster.backend.executorIds().size(), "an executor was lost on the way");
  }

  @Test
  void executorsExitCleanlyWhenTheDriverIsGone() throws Exception {
    ProcessCluster own = new ProcessCluster(1, 1, "384m", directory.resolve("own"));
    try (Session session = own.quiver.openSession()) {
      session.setCatalog("tpch");
      session.setSchema("tiny");
      assertEquals(1, ResultRows.query(session, "SELECT count(*) FROM nation").rows().size());
    }
    assertEquals(List.of(0), own.closeAndAwaitExecutors());
  }
}
