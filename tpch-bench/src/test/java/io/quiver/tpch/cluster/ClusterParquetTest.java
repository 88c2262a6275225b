package io.quiver.tpch.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.engine.QueryResult;
import io.quiver.engine.QuiverConfig;
import io.quiver.engine.Session;
import io.quiver.engine.driver.LocalQuiver;
import io.quiver.engine.event.EventListener;
import io.quiver.engine.event.QueryEvent;
import io.quiver.engine.event.TaskEnded;
import io.quiver.tpch.AnswerComparison;
import io.quiver.tpch.ParquetLoader;
import io.quiver.tpch.ReferenceAnswers;
import io.quiver.tpch.ResultRows;
import io.quiver.tpch.TpchQueryText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/**
 * A driver and three executor processes over Parquet files in a shared directory: the files are
 * written by COPY from {@code tpch.tiny} through the cluster, opened as file tables on the driver and
 * scanned by the executor processes; all 22 TPC-H queries give the reference answers, identical to
 * local mode over the same files. read_csv and CREATE TABLE ... WITH (location) AS SELECT work the same.
 */
class ClusterParquetTest {

  @TempDir
  static Path directory;

  private static ProcessCluster cluster;
  private static LocalQuiver local;

  @BeforeAll
  static void start() throws Exception {
    cluster = new ProcessCluster(3, 1, "384m", directory);
    local = new LocalQuiver(new QuiverConfig(3, 6, 8192, 1L << 30).withDataDirectories(List.of(directory)));
    try (Session session = cluster.quiver.openSession()) {
      assertEquals(8, ParquetLoader.writeMissing(session, "tiny", directory.resolve("tiny")).size());
      ParquetLoader.register(session, "tiny_parquet", directory.resolve("tiny"));
    }
    try (Session session = local.openSession()) {
      ParquetLoader.register(session, "tiny_parquet", directory.resolve("tiny"));
    }
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
  void all22QueriesOverParquetMatchTheReferenceAndLocalMode() {
    List<QueryEvent> events = new CopyOnWriteArrayList<>();
    EventListener listener = events::add;
    cluster.quiver.events().subscribe(listener);
    List<String> failures = new ArrayList<>();
    try {
      for (int number = 1; number <= TpchQueryText.QUERY_COUNT; number++) {
        String name = TpchQueryText.fileName(number);
        String sql = TpchQueryText.load(number, 0.01);
        ResultRows expected = ReferenceAnswers.load(0.01, number).orElseThrow();
        ResultRows clustered;
        try (Session session = cluster.quiver.openSession()) {
          session.setSchema("memory.tiny_parquet");
          clustered = ResultRows.query(session, sql);
        } catch (RuntimeException e) {
          failures.add(name + " failed in cluster mode: " + e);
          continue;
        }
        ResultRows alone;
        try (Session session = local.openSession()) {
          session.setSchema("memory.tiny_parquet");
          alone = ResultRows.query(session, sql);
        }
        List<String> differences = AnswerComparison.differences(expected, clustered);
        if (!differences.isEmpty()) {
          failures.add(name + " differs from the reference: " + differences.subList(0, Math.min(5,
              differences.size())));
        }
        if (!alone.equals(clustered)) {
          failures.add(name + " differs from local mode: " + AnswerComparison.differences(alone, clustered));
        }
      }
    } finally {
      cluster.quiver.events().unsubscribe(listener);
    }
    if (!failures.isEmpty()) {
      throw new AssertionFailedError(String.join("\n", failures));
    }
    long tableRowsOnExecutors = events.stream().filter(TaskEnded.class::isInstance).map(TaskEnded.class::cast)
        .filter(ended -> cluster.backend.executorIds().contains(ended.executorId()))
        .mapToLong(ended -> ended.stats().tableRows()).sum();
    assertTrue(tableRowsOnExecutors > 0, "the executor processes read the Parquet files");
    assertEquals(3, cluster.backend.executorIds().size(), "an executor was lost on the way");
  }

  @Test
  void readCsvAndCreateTableAsSelectIntoFilesWorkAsInLocalMode() {
    String csv = directory.resolve("lineitem_csv").toString();
    String summary = directory.resolve("summary").toString();
    try (Session session = cluster.quiver.openSession()) {
      execute(session, "COPY (SELECT l_orderkey, l_returnflag, l_quantity FROM tpch.tiny.lineitem) TO '" + csv
          + "' WITH (format = 'csv')");
      execute(session, "CREATE TABLE memory.tiny_parquet.summary WITH (format = 'parquet', location = '" + summary
          + "') AS SELECT l_returnflag, count(*) AS n, sum(l_quantity) AS q FROM read_csv('" + csv
          + "') GROUP BY l_returnflag");
    }
    String sql = "SELECT l_returnflag, n, q FROM %s ORDER BY l_returnflag";
    ResultRows clustered;
    try (Session session = cluster.quiver.openSession()) {
      clustered = ResultRows.query(session, sql.formatted("memory.tiny_parquet.summary"));
      assertEquals(clustered, ResultRows.query(session, sql.formatted("read_parquet('" + summary + "')")));
    }
    try (Session session = local.openSession()) {
      assertEquals(ResultRows.query(session, "SELECT l_returnflag, count(*), sum(l_quantity) FROM read_csv('" + csv
          + "') GROUP BY l_returnflag ORDER BY l_returnflag").rows(), clustered.rows());
    }
    assertEquals(3, clustered.rows().size());
    assertEquals(60_175L, clustered.rows().stream().mapToLong(row -> ((Number) row.get(1)).longValue()).sum());
  }

  private static void execute(Session session, String sql) {
    try (QueryResult result = session.execute(sql)) {
      while (result.loadNextBatch()) {
        // an update count
      }
    }
  }
}
