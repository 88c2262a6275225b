package io.quiver.engine.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.engine.QueryResult;
import io.quiver.engine.Session;
import io.quiver.engine.event.EventListener;
import io.quiver.engine.event.QueryEvent;
import io.quiver.engine.event.TaskEnded;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A result of six million rows (columns of {@code tpch.sf1.lineitem}) streams from the executors to
 * the client: the driver's buffers never hold more than a small part of one result task's rows,
 * because each batch is handed to the client's bounded buffer as it is fetched.
 */
class ClusterResultStreamingTest {

  @TempDir
  Path workDir;

  @Test
  void aLargeResultStreamsWithTheDriversMemoryBounded() {
    try (InProcessCluster cluster = new InProcessCluster(2, 1, workDir)) {
      List<QueryEvent> events = new CopyOnWriteArrayList<>();
      EventListener listener = events::add;
      cluster.quiver.events().subscribe(listener);
      long rows = 0;
      long peakBefore = cluster.quiver.peakAllocatedBytes();
      try (Session session = cluster.quiver.openSession();
          QueryResult result = session.execute(
              "SELECT l_orderkey, l_extendedprice, l_comment FROM tpch.sf1.lineitem")) {
        while (result.loadNextBatch()) {
          rows += result.root().getRowCount();
        }
      } finally {
        cluster.quiver.events().unsubscribe(listener);
      }
      assertEquals(6_001_215, rows);
      long fetched = 0;
      long resultTasks = 0;
      for (QueryEvent event : events) {
        if (event instanceof TaskEnded ended && ended.stats().fetchedResultBytes() > 0) {
          fetched += ended.stats().fetchedResultBytes();
          resultTasks++;
        }
      }
      long peak = cluster.quiver.peakAllocatedBytes();
      long perTask = fetched / Math.max(1, resultTasks);
      System.out.printf("streamed %d rows, %d bytes in %d result tasks (%d per task); driver peak %d (before %d)%n",
          rows, fetched, resultTasks, perTask, peak, peakBefore);
      assertTrue(resultTasks > 1, resultTasks + " result tasks");
      // a whole task's rows fetched before the first is handed on would take at least perTask
      assertTrue(peak < perTask, "driver peak " + peak + " bytes; one result task's rows are " + perTask);
      assertTrue(peak < fetched / 20, "driver peak " + peak + " bytes for a result of " + fetched);
    }
  }
}
