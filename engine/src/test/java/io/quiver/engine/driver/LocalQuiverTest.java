package io.quiver.engine.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.engine.QueryResult;
import io.quiver.engine.QuiverConfig;
import io.quiver.engine.Session;
import io.quiver.engine.event.JobEnded;
import io.quiver.engine.event.Outcome;
import io.quiver.engine.event.QueryEvent;
import io.quiver.engine.metadata.TableInfo;
import io.quiver.engine.testing.FakeEngine;
import io.quiver.engine.testing.FakeTasks;
import io.quiver.engine.testing.ResultRows;
import io.quiver.engine.testing.TestPlans;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.type.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LocalQuiverTest {

  private FakeEngine engine = new FakeEngine();
  private final List<QueryEvent> events = new CopyOnWriteArrayList<>();

  LocalQuiverTest() {
    engine.quiver.events().subscribe(events::add);
  }

  @AfterEach
  void close() {
    if (engine != null) {
      engine.close(); // throws if a buffer leaked
    }
  }

  @Test
  void streamsTheRowsOfEveryResultTask() {
    try (Session session = engine.quiver.openSession();
        QueryResult result = session.execute("SELECT n")) {
      assertEquals(TestPlans.NUMBERS, result.schema());
      assertEquals(TestPlans.NUMBERS.toArrowSchema(), result.root().getSchema());
      List<Long> values = new ArrayList<>(ResultRows.values(result));
      values.sort(null);
      assertEquals(LongStream.range(0, 60).boxed().toList(), values);
      assertFalse(result.loadNextBatch(), "stays at the end");
      assertTrue(result.queryId().startsWith("query_"));
    }
    assertEquals(0, engine.quiver.allocatedBytes());
  }

  @Test
  void resultTasksWaitForTheClient() throws InterruptedException {
    AtomicInteger sent = new AtomicInteger();
    engine.plan = TestPlans.plan().result(0, 1);
    engine.tasks = (fragment, context) -> {
      for (int i = 0; i < 100; i++) {
        context.resultSink().accept(FakeTasks.numbers(context, i, 1));
        sent.incrementAndGet();
      }
      return FakeTasks.nothingWritten(fragment);
    };
    try (Session session = engine.quiver.openSession();
        QueryResult result = session.execute("SELECT n")) {
      while (sent.get() < QueryDriver.RESULT_QUEUE_BATCHES) {
        Thread.sleep(1);
      }
      Thread.sleep(100);
      assertEquals(QueryDriver.RESULT_QUEUE_BATCHES, sent.get(), "the task waits while the queue is full");
      assertEquals(100, ResultRows.count(result));
    }
  }

  @Test
  void aFailingTaskFailsLoadNextBatchAndTheEngineStaysUsable() {
    engine.tasks = (fragment, context) -> {
      if (context.taskId().partition() == 2) {
        throw new IllegalArgumentException("bad row in partition 2");
      }
      return FakeTasks.sendNumbers(fragment, context, 1, 1);
    };
    try (Session session = engine.quiver.openSession()) {
      try (QueryResult result = session.execute("SELECT n")) {
        QuiverException error = assertThrows(QuiverException.class, () -> ResultRows.count(result));
        assertEquals(ErrorCode.TASK_FAILED, error.errorCode());
        assertEquals("XX000", error.sqlState());
        assertTrue(error.getMessage().contains("bad row in partition 2"), error.getMessage());
        assertThrows(QuiverException.class, result::loadNextBatch, "stays failed");
      }
      engine.tasks = (fragment, context) -> FakeTasks.sendNumbers(fragment, context, 2, 5);
      try (QueryResult result = session.execute("SELECT n")) {
        assertEquals(20, ResultRows.count(result));
      }
    }
    List<JobEnded> ends = eventsOf(JobEnded.class);
    assertEquals(List.of(Outcome.FAILED, Outcome.SUCCEEDED), ends.stream().map(JobEnded::outcome).toList());
    assertEquals(ErrorCode.TASK_FAILED, ends.get(0).errorCode());
    assertEquals(0, engine.quiver.allocatedBytes());
  }

  @Test
  void quiverExceptionsOfTasksKeepTheirCode() {
    engine.tasks = (fragment, context) -> {
      throw new QuiverException(ErrorCode.DIVISION_BY_ZERO, "division by zero");
    };
    try (Session session = engine.quiver.openSession();
        QueryResult result = session.execute("SELECT n")) {
      QuiverException error = assertThrows(QuiverException.class, result::loadNextBatch);
      assertEquals(ErrorCode.DIVISION_BY_ZERO, error.errorCode());
      assertEquals("22012", error.sqlState());
    }
  }

  @Test
  void cancelStopsTheQuery() throws InterruptedException {
    CountDownLatch running = new CountDownLatch(1);
    engine.tasks = (fragment, context) -> {
      running.countDown();
      FakeTasks.runUntilCancelled(context);
      return null;
    };
    try (Session session = engine.quiver.openSession();
        QueryResult result = session.execute("SELECT n")) {
      assertTrue(running.await(60, TimeUnit.SECONDS));
      result.cancel();
      QuiverException error = assertThrows(QuiverException.class, result::loadNextBatch);
      assertEquals(ErrorCode.QUERY_CANCELLED, error.errorCode());
      assertEquals("57014", error.sqlState());
    }
    assertEquals(Outcome.CANCELLED, eventsOf(JobEnded.class).get(0).outcome());
    assertEquals(0, engine.quiver.executor().runningTasks());
  }

  @Test
  void closingAResultEarlyCancelsItAndReleasesEverything() {
    engine.tasks = (fragment, context) -> FakeTasks.sendNumbers(fragment, context, 1_000, 10);
    try (Session session = engine.quiver.openSession()) {
      QueryResult result = session.execute("SELECT n");
      assertTrue(result.loadNextBatch());
      result.close();
      result.close();
      assertEquals(ErrorCode.QUERY_CANCELLED, assertThrows(QuiverException.class, result::loadNextBatch).errorCode());
      assertEquals(1, eventsOf(JobEnded.class).size(), "the job ended before close returned");
      assertEquals(0, engine.quiver.allocatedBytes());
      assertTrue(engine.quiver.scheduler().activeJobs().isEmpty());
    }
  }

  @Test
  void closingFromAnotherThreadWakesABlockedReader() throws InterruptedException {
    CountDownLatch running = new CountDownLatch(1);
    engine.tasks = (fragment, context) -> {
      running.countDown();
      FakeTasks.runUntilCancelled(context);
      return null;
    };
    try (Session session = engine.quiver.openSession()) {
      QueryResult result = session.execute("SELECT n");
      List<Throwable> thrown = new CopyOnWriteArrayList<>();
      Thread reader = new Thread(() -> {
        try {
          result.loadNextBatch();
        } catch (Throwable t) {
          thrown.add(t);
        }
      });
      reader.start();
      assertTrue(running.await(60, TimeUnit.SECONDS));
      result.close();
      reader.join();
      assertEquals(1, thrown.size());
      assertEquals(ErrorCode.QUERY_CANCELLED, ((QuiverException) thrown.get(0)).errorCode());
    }
    assertEquals(0, engine.quiver.allocatedBytes());
  }

  @Test
  void closingTheEngineCancelsQueriesAndStopsItsThreads() throws InterruptedException {
    CountDownLatch running = new CountDownLatch(1);
    engine.tasks = (fragment, context) -> {
      running.countDown();
      FakeTasks.runUntilCancelled(context);
      return null;
    };
    Session session = engine.quiver.openSession();
    QueryResult result = session.execute("SELECT n");
    assertTrue(running.await(60, TimeUnit.SECONDS));
    engine.close();
    engine.close();
    engine = null;
    assertEquals(ErrorCode.QUERY_CANCELLED, assertThrows(QuiverException.class, result::loadNextBatch).errorCode());
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      assertFalse(thread.isAlive() && thread.getName().startsWith("quiver-executor-"), thread.getName());
    }
    assertEquals(Outcome.CANCELLED, eventsOf(JobEnded.class).get(0).outcome());
  }

  @Test
  void aClosedEngineRefusesNewSessions() {
    engine.close();
    assertThrows(QuiverException.class, () -> engine.quiver.openSession());
    engine = null;
  }

  @Test
  void closingTheEngineReportsLeakedMemory() {
    engine.tasks = (fragment, context) -> {
      context.allocator().buffer(128); // never released
      return FakeTasks.nothingWritten(fragment);
    };
    try (Session session = engine.quiver.openSession();
        QueryResult result = session.execute("SELECT n")) {
      QuiverException error = assertThrows(QuiverException.class, result::loadNextBatch);
      assertEquals(ErrorCode.INTERNAL_ERROR, error.errorCode());
    }
    QuiverException leak = assertThrows(QuiverException.class, engine::close);
    assertEquals(ErrorCode.INTERNAL_ERROR, leak.errorCode());
    engine = null;
  }

  @Test
  void goingOverTheMemoryLimitFailsTheQuery() {
    engine.close();
    engine = new FakeEngine(new QuiverConfig(2, 2, 1024, 1 << 20));
    engine.tasks = (fragment, context) -> {
      context.allocator().buffer(4 << 20).close();
      return FakeTasks.nothingWritten(fragment);
    };
    try (Session session = engine.quiver.openSession();
        QueryResult result = session.execute("SELECT n")) {
      QuiverException error = assertThrows(QuiverException.class, result::loadNextBatch);
      assertEquals(ErrorCode.MEMORY_LIMIT_EXCEEDED, error.errorCode());
      assertEquals("53200", error.sqlState());
    }
  }

  @Test
  void manySessionsRunQueriesAtOnce() throws InterruptedException {
    int sessions = 6;
    List<Thread> threads = new ArrayList<>();
    List<Throwable> failures = new CopyOnWriteArrayList<>();
    AtomicInteger rows = new AtomicInteger();
    for (int i = 0; i < sessions; i++) {
      Thread thread = new Thread(() -> {
        try (Session session = engine.quiver.openSession()) {
          for (int q = 0; q < 5; q++) {
            try (QueryResult result = session.execute("SELECT n")) {
              rows.addAndGet((int) ResultRows.count(result));
            }
          }
        } catch (Throwable t) {
          failures.add(t);
        }
      });
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    assertEquals(List.of(), failures);
    assertEquals(sessions * 5 * 60, rows.get());
    assertEquals(0, engine.quiver.allocatedBytes());
  }

  @Test
  void metadataComesFromTheCatalog() {
    var metadata = engine.quiver.metadata();
    assertEquals(List.of("memory", "system", "tpcds", "tpch"), metadata.catalogs());
    assertEquals(List.of("default"), metadata.schemas("memory"));
    assertEquals(List.of("sf1", "sf10", "sf100", "sf1000", "tiny"), metadata.schemas("tpch"));
    assertEquals(List.of(), metadata.schemas("nosuch"));
    List<TableInfo> tables = metadata.tables("tpch", "tiny");
    assertEquals(List.of("customer", "lineitem", "nation", "orders", "part", "partsupp", "region", "supplier"),
        tables.stream().map(TableInfo::name).toList());
    TableInfo lineitem = tables.get(1);
    assertEquals("TABLE", lineitem.type());
    assertEquals(16, lineitem.columns().size());
    assertEquals("l_quantity", lineitem.columns().get(4).name());
    assertEquals(DataType.decimal(15, 2), lineitem.columns().get(4).type());
    assertEquals(5, lineitem.columns().get(4).ordinal());
    assertFalse(lineitem.columns().get(4).nullable());
    assertEquals(DataType.character(1), lineitem.columns().get(8).type());
    assertEquals(DataType.varchar(44), lineitem.columns().get(15).type());
    assertEquals(DataType.DATE, lineitem.columns().get(10).type());
    assertEquals(List.of(), metadata.tables("tpch", "nosuch"));
    assertEquals(8, metadata.tables("TPCH", "SF1").size());
  }

  private <T> List<T> eventsOf(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  @SuppressWarnings("unused")
  private static void unused() {
    assertInstanceOf(Object.class, new Object());
  }
}
