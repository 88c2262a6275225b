package io.quiver.engine.connector.memory;

import static io.quiver.engine.connector.memory.SqlRows.rows;
import static io.quiver.engine.connector.memory.SqlRows.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.engine.QueryResult;
import io.quiver.engine.Quiver;
import io.quiver.engine.QuiverConfig;
import io.quiver.engine.Session;
import io.quiver.engine.driver.LocalQuiver;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import java.util.ArrayList;
import java.util.List;
import io.quiver.engine.event.TaskStarted;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Queries read memory tables while other sessions drop and create them again. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MemoryTableConcurrencyTest {

  private LocalQuiver quiver;
  private MemoryConnector memory;

  @BeforeAll
  void start() {
    quiver = (LocalQuiver) Quiver.local(QuiverConfig.defaults().withSlots(3).withShufflePartitions(3)
        .withBatchSize(1024));
    memory = quiver.memoryConnector();
  }

  @AfterAll
  void stop() {
    quiver.close(); // throws if a buffer leaked
  }

  @Test
  void aStreamingReadSurvivesADropFromAnotherSession() {
    try (Session reader = quiver.openSession(); Session dropper = quiver.openSession()) {
      update(dropper, "CREATE TABLE memory.default.streamed AS SELECT * FROM tpch.tiny.lineitem");
      MemoryTable table = memory.table("default", "streamed").orElseThrow();
      long rows = 0;
      try (QueryResult result = reader.execute("SELECT l_orderkey, l_comment FROM memory.default.streamed")) {
        assertTrue(result.loadNextBatch());
        rows += result.root().getRowCount();
        update(dropper, "DROP TABLE memory.default.streamed");
        try {
          while (result.loadNextBatch()) {
            rows += result.root().getRowCount();
          }
          assertEquals(60_175, rows, "a read that had started sees the whole table");
        } catch (QuiverException e) {
          assertEquals(ErrorCode.TABLE_NOT_FOUND, e.errorCode(), "a split opened after the drop: " + e);
        }
      }
      assertTrue(table.data().isFreed());
    }
    assertEquals(0, memory.allocatedBytes());
  }

  @Test
  void closingTheEngineStopsARunningCreateTableAs() throws Exception {
    LocalQuiver other = (LocalQuiver) Quiver.local(QuiverConfig.defaults().withSlots(2));
    CountDownLatch started = new CountDownLatch(1);
    other.events().subscribe(event -> {
      if (event instanceof TaskStarted) {
        started.countDown();
      }
    });
    ExecutorService thread = Executors.newSingleThreadExecutor();
    try {
      Future<QuiverException> create = thread.submit(() -> {
        try (Session session = other.openSession()) {
          update(session, "CREATE TABLE memory.default.never AS SELECT * FROM tpch.sf100.lineitem");
          return null;
        } catch (QuiverException e) {
          return e;
        }
      });
      assertTrue(started.await(60, TimeUnit.SECONDS));
      other.close(); // throws if the table's buffers leaked
      QuiverException error = create.get(60, TimeUnit.SECONDS);
      assertTrue(error != null, "the statement failed");
      assertEquals(ErrorCode.QUERY_CANCELLED, error.errorCode(), error.getMessage());
    } finally {
      thread.shutdownNow();
      other.close();
    }
  }

  @Test
  void readersDroppersAndCreatorsAtOnce() throws Exception {
    String create = "CREATE TABLE IF NOT EXISTS memory.default.churn AS SELECT * FROM tpch.tiny.orders";
    String query = "SELECT count(*), sum(o_totalprice), max(o_comment) FROM memory.default.churn";
    List<List<String>> expected;
    try (Session session = quiver.openSession()) {
      expected = rows(session, query.replace("memory.default.churn", "tpch.tiny.orders"));
      update(session, create);
    }
    ExecutorService threads = Executors.newFixedThreadPool(4);
    AtomicInteger answered = new AtomicInteger();
    AtomicBoolean churning = new AtomicBoolean(true);
    try {
      List<Future<?>> readers = new ArrayList<>();
      for (int t = 0; t < 3; t++) {
        readers.add(threads.submit(() -> {
          try (Session session = quiver.openSession()) {
            while (churning.get()) {
              try {
                assertEquals(expected, rows(session, query));
                answered.incrementAndGet();
              } catch (QuiverException e) {
                assertEquals(ErrorCode.TABLE_NOT_FOUND, e.errorCode(), e.getMessage());
              }
            }
          }
          return null;
        }));
      }
      Future<?> churn = threads.submit(() -> {
        try (Session session = quiver.openSession()) {
          for (int i = 0; i < 10; i++) {
            // Leave the table until a reader has read it (or a little while), then drop it under the others.
            int before = answered.get();
            for (int wait = 0; wait < 100 && answered.get() == before; wait++) {
              Thread.sleep(2);
            }
            update(session, "DROP TABLE IF EXISTS memory.default.churn");
            update(session, create);
          }
        } finally {
          churning.set(false);
        }
        return null;
      });
      churn.get(120, TimeUnit.SECONDS);
      for (Future<?> reader : readers) {
        reader.get(120, TimeUnit.SECONDS);
      }
      assertTrue(answered.get() > 0, "some queries found the table");
    } finally {
      threads.shutdownNow();
      assertTrue(threads.awaitTermination(60, TimeUnit.SECONDS));
      try (Session session = quiver.openSession()) {
        update(session, "DROP TABLE IF EXISTS memory.default.churn");
      }
    }
    assertEquals(0, memory.allocatedBytes());
    assertEquals(0, quiver.executor().runningTasks());
  }
}
