package io.quiver.engine.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.engine.Quiver;
import io.quiver.engine.QueryResult;
import io.quiver.engine.QuiverConfig;
import io.quiver.engine.Session;
import io.quiver.engine.event.EventListener;
import io.quiver.engine.event.JobEnded;
import io.quiver.engine.event.QueryEvent;
import io.quiver.engine.event.TaskEnded;
import io.quiver.engine.event.TaskRetried;
import io.quiver.engine.testing.ResultRows;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.metrics.TaskStats;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Queries on a driver with two executors give local mode's answers; what cannot run there is refused. */
class ClusterModeTest {

  @TempDir
  static Path workDir;

  private static InProcessCluster cluster;
  private static Quiver local;

  @BeforeAll
  static void start() {
    cluster = new InProcessCluster(2, 2, workDir);
    local = Quiver.local(new QuiverConfig(4, 8, 8192, 1L << 30));
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
    if (local != null) {
      local.close();
    }
  }

  @Test
  void aMultiStageQueryGivesLocalModesAnswer() {
    String sql = "SELECT l_returnflag, count(*), sum(l_quantity) FROM lineitem JOIN orders ON l_orderkey = o_orderkey"
        + " WHERE o_orderstatus = 'F' GROUP BY l_returnflag ORDER BY l_returnflag";
    assertEquals(rows(local, sql), rows(cluster.quiver, sql));
    assertEquals(2, cluster.backend.executorIds().size());
  }

  @Test
  void executorsReportTheirTasksMetricsOnTheDriversBus() {
    List<QueryEvent> events = new CopyOnWriteArrayList<>();
    EventListener listener = events::add;
    cluster.quiver.events().subscribe(listener);
    try {
      rows(cluster.quiver, "SELECT o_orderpriority, count(*) FROM orders GROUP BY o_orderpriority");
    } finally {
      cluster.quiver.events().unsubscribe(listener);
    }
    TaskStats all = TaskStats.EMPTY;
    for (QueryEvent event : events) {
      if (event instanceof TaskEnded task) {
        assertTrue(cluster.backend.executorIds().contains(task.executorId()), task.executorId());
        assertTrue(!task.stats().operators().isEmpty(), "operators measured on the executor: " + task);
        all = all.plus(task.stats().withoutOperators());
      }
    }
    assertEquals(15_000, all.tableRows());
    assertEquals(5, all.resultRows());
    assertEquals(all.shuffleWriteRows(), all.shuffleReadRows());
    assertTrue(all.remoteShuffleReadRows() <= all.shuffleReadRows());
    assertTrue(all.fetchedResultBytes() > 0, "the driver fetched the result over Flight: " + all);
    JobEnded job = (JobEnded) events.get(events.size() - 1);
    assertEquals(all, job.stats());
  }

  @Test
  void theRuntimeHistoryListsBothExecutors() {
    // what system.runtime.executors shows
    List<String> rows = cluster.quiver.history().executors().stream()
        .map(executor -> executor.executorId() + " " + executor.state() + " " + executor.slots()).sorted().toList();
    assertEquals(cluster.backend.executorIds().stream().sorted().map(id -> id + " ALIVE 2").toList(), rows);
  }

  @Test
  void aStagesFragmentTravelsOncePerExecutor() {
    long fragmentsBefore = cluster.backend.fragmentsSent();
    long tasksBefore = cluster.backend.tasksLaunched();
    rows(cluster.quiver, "SELECT o_orderpriority, count(*) FROM orders GROUP BY o_orderpriority");
    long fragments = cluster.backend.fragmentsSent() - fragmentsBefore;
    long tasks = cluster.backend.tasksLaunched() - tasksBefore;
    assertTrue(tasks > fragments, tasks + " tasks, " + fragments + " fragments sent");
  }

  @Test
  void memoryTablesAreReadThroughTheDriver() {
    try (Session session = cluster.quiver.openSession()) {
      try (QueryResult created = session.execute(
          "CREATE TABLE memory.default.nations AS SELECT n_nationkey, n_name, n_regionkey FROM tpch.tiny.nation")) {
        assertEquals(25, created.updateCount());
      }
    }
    assertEquals(List.of("25"), rows(cluster.quiver, "SELECT count(*) FROM memory.default.nations"));
    String joined = "SELECT r_name, count(*) FROM memory.default.nations JOIN tpch.tiny.region ON n_regionkey = r_regionkey"
        + " GROUP BY r_name ORDER BY r_name";
    assertEquals(List.of("AFRICA\t5", "AMERICA\t5", "ASIA\t5", "EUROPE\t5", "MIDDLE EAST\t5"),
        rows(cluster.quiver, joined));
    // a dropped table is gone for the executors too
    try (Session session = cluster.quiver.openSession(); QueryResult dropped = session.execute(
        "DROP TABLE memory.default.nations")) {
      dropped.updateCount();
    }
    QuiverException missing = assertThrows(QuiverException.class,
        () -> rows(cluster.quiver, "SELECT count(*) FROM memory.default.nations"));
    assertEquals(ErrorCode.TABLE_NOT_FOUND, missing.errorCode());
  }

  @Test
  void systemTablesWorkInClusterMode() {
    List<String> executors = rows(cluster.quiver,
        "SELECT executor_id, state FROM system.runtime.executors ORDER BY executor_id");
    assertEquals(cluster.backend.executorIds().stream().sorted().map(id -> id + "\tALIVE").toList(), executors);
    assertEquals(List.of("8"), rows(cluster.quiver,
        "SELECT count(*) FROM information_schema.tables WHERE table_catalog = 'tpch' AND table_schema = 'tiny'"));
    // tasks name the executor and its slot (each executor has 2) they ran in
    rows(cluster.quiver, "SELECT o_orderpriority, count(*) FROM orders GROUP BY o_orderpriority");
    List<String> slots = rows(cluster.quiver, "SELECT DISTINCT executor_id, slot FROM system.runtime.tasks"
        + " ORDER BY executor_id, slot");
    assertFalse(slots.isEmpty());
    for (String slot : slots) {
      String[] parts = slot.split("\t");
      assertTrue(cluster.backend.executorIds().contains(parts[0]) && java.util.Set.of("0", "1").contains(parts[1]),
          "task slots: " + slots);
    }
  }

  @Test
  void executorsReadParquetCsvAndArrowFilesFromTheSharedDirectory() {
    String orders = workDir.resolve("orders_parquet").toString();
    String nations = workDir.resolve("nation.csv").toString();
    String regions = workDir.resolve("region.arrow").toString();
    try (Session session = cluster.quiver.openSession()) {
      // COPY runs on the executors; the driver writes the fetched result rows
      assertEquals(15_000, update(session, "COPY (SELECT * FROM tpch.tiny.orders) TO '" + orders
          + "' WITH (format = 'parquet')"));
      assertEquals(25, update(session, "COPY tpch.tiny.nation TO '" + nations + "'"));
      assertEquals(5, update(session, "COPY tpch.tiny.region TO '" + regions + "'"));
      update(session, "CREATE SCHEMA IF NOT EXISTS memory.files");
      update(session, "CREATE TABLE memory.files.orders WITH (format = 'parquet', location = '" + orders + "')");
    }
    String grouped = "SELECT o_orderpriority, count(*), sum(o_totalprice) FROM %s WHERE o_orderdate < DATE '1995-01-01'"
        + " GROUP BY o_orderpriority ORDER BY o_orderpriority";
    List<String> expected = rows(local, grouped.formatted("tpch.tiny.orders"));
    assertEquals(expected, rows(cluster.quiver, grouped.formatted("read_parquet('" + orders + "')")));
    assertEquals(expected, rows(cluster.quiver, grouped.formatted("memory.files.orders")));
    String csv = "SELECT r_name, count(*) FROM read_csv('" + nations + "') JOIN read_arrow('" + regions
        + "') ON n_regionkey = r_regionkey GROUP BY r_name ORDER BY r_name";
    assertEquals(List.of("AFRICA\t5", "AMERICA\t5", "ASIA\t5", "EUROPE\t5", "MIDDLE EAST\t5"),
        rows(cluster.quiver, csv));
    assertTrue(cluster.backend.tasksLaunched() > 0);
  }

  private static long update(Session session, String sql) {
    try (QueryResult result = session.execute(sql)) {
      return result.updateCount();
    }
  }

  @Test
  void aFailingTaskIsRetriedThenTheQueryFails() {
    List<QueryEvent> events = new CopyOnWriteArrayList<>();
    cluster.quiver.events().subscribe(events::add);
    try (Session session = cluster.quiver.openSession()) {
      QuiverException failure = assertThrows(QuiverException.class, () -> {
        try (QueryResult result = session.execute(
            "SELECT count(*) FROM orders WHERE o_totalprice / (o_orderkey - o_orderkey) > 1")) {
          ResultRows.count(result);
        }
      });
      assertEquals(ErrorCode.DIVISION_BY_ZERO, failure.errorCode(), failure.getMessage());
    } finally {
      cluster.quiver.events().unsubscribe(events::add);
    }
    assertTrue(events.stream().anyMatch(TaskRetried.class::isInstance), "no task was retried");
  }

  /** Every row as text, in result order. */
  static List<String> rows(Quiver quiver, String sql) {
    try (Session session = quiver.openSession(); QueryResult result = session.execute(sql)) {
      List<String> rows = new ArrayList<>();
      while (result.loadNextBatch()) {
        rows.addAll(List.of(result.root().contentToTSVString().split("\n")).subList(1, result.root().getRowCount() + 1));
      }
      return rows;
    }
  }
}
