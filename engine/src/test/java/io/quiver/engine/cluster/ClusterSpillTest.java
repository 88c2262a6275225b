package io.quiver.engine.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.engine.QueryResult;
import io.quiver.engine.Quiver;
import io.quiver.engine.Session;
import io.quiver.engine.cluster.executor.ExecutorProcess;
import io.quiver.engine.cluster.executor.ExecutorSettings;
import io.quiver.engine.event.EventListener;
import io.quiver.engine.event.QueryEvent;
import io.quiver.engine.event.TaskEnded;
import io.quiver.exec.metrics.TaskStats;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An executor with little memory spills its operators' state, and reports what it spilled and its
 * tasks' peak memory to the driver, which shows them on the bus and in EXPLAIN ANALYZE.
 */
class ClusterSpillTest {

  @Test
  void executorsReportSpillAndPeakMemory(@TempDir Path workDir) {
    try (InProcessCluster cluster = new InProcessCluster(0, 1, workDir)) {
      ExecutorSettings defaults = cluster.settings(1, InProcessCluster.SECRET);
      ExecutorSettings small = new ExecutorSettings(defaults.driverHost(), defaults.driverPort(), 1, 8L << 20,
          workDir, defaults.bindHost(), 0, defaults.advertisedHost(), 1024, defaults.driverTimeoutMillis(),
          defaults.secret(), null, false, defaults.dataDirectories());
      cluster.executors.add(ExecutorProcess.start(small));
      List<QueryEvent> events = new CopyOnWriteArrayList<>();
      EventListener listener = events::add;
      cluster.quiver.events().subscribe(listener);
      List<String> sorted;
      try {
        sorted = ClusterModeTest.rows(cluster.quiver, "SELECT l_comment, l_orderkey, l_linenumber, l_partkey,"
            + " l_suppkey, l_quantity, l_extendedprice, l_shipinstruct, l_shipmode FROM lineitem"
            + " ORDER BY l_comment, l_orderkey, l_linenumber");
      } finally {
        cluster.quiver.events().unsubscribe(listener);
      }
      assertEquals(60_175, sorted.size());
      TaskStats all = TaskStats.EMPTY;
      long peak = 0;
      for (QueryEvent event : events) {
        if (event instanceof TaskEnded task) {
          peak = Math.max(peak, task.stats().peakMemoryBytes());
          all = all.plus(task.stats().withoutOperators());
        }
      }
      assertTrue(peak > 0, "the executor reports its tasks' peak memory");
      assertTrue(all.spillFiles() > 0 && all.spillBytes() > 0, "the executor's sort spilled: " + all);
      // EXPLAIN ANALYZE shows what the executor reported (system.runtime cannot be read in cluster mode)
      String profile = text(cluster.quiver, "EXPLAIN ANALYZE SELECT l_comment, l_orderkey, l_linenumber, l_partkey,"
          + " l_suppkey, l_quantity, l_extendedprice, l_shipinstruct, l_shipmode FROM lineitem"
          + " ORDER BY l_comment, l_orderkey, l_linenumber");
      assertTrue(profile.contains("written; spill ") && !profile.contains("written; spill 0 B;"), profile);
      assertTrue(profile.contains("; peak memory ") && !profile.contains("; peak memory 0 B "), profile);
    }
  }

  /** Every value of a query's first column, one line each. */
  private static String text(Quiver quiver, String sql) {
    StringBuilder out = new StringBuilder();
    try (Session session = quiver.openSession(); QueryResult result = session.execute(sql)) {
      while (result.loadNextBatch()) {
        FieldVector column = result.root().getVector(0);
        for (int i = 0; i < result.root().getRowCount(); i++) {
          out.append(column.getObject(i)).append('\n');
        }
      }
    }
    return out.toString();
  }
}
