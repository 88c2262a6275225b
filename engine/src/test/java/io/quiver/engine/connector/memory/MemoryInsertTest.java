package io.quiver.engine.connector.memory;

import static io.quiver.engine.connector.memory.SqlRows.rows;
import static io.quiver.engine.connector.memory.SqlRows.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.engine.Quiver;
import io.quiver.engine.QuiverConfig;
import io.quiver.engine.Session;
import io.quiver.engine.driver.LocalQuiver;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** INSERT into memory tables through sessions of a real engine: counts, atomicity, concurrency. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MemoryInsertTest {

  private LocalQuiver quiver;
  private MemoryConnector memory;

  @BeforeAll
  void start() {
    quiver = (LocalQuiver) Quiver.local(QuiverConfig.defaults().withSlots(3).withShufflePartitions(4));
    memory = quiver.memoryConnector();
  }

  @AfterAll
  void stop() {
    quiver.close(); // throws if a buffer leaked
  }

  @AfterEach
  void dropEverything() {
    try (Session session = quiver.openSession()) {
      update(session, "DROP SCHEMA IF EXISTS memory.ins CASCADE");
    }
    assertEquals(0, memory.allocatedBytes(), "every table's memory is freed");
  }

  private static long count(Session session, String table) {
    return Long.parseLong(rows(session, "SELECT count(*) FROM " + table).get(0).get(0));
  }

  @Test
  void insertReturnsTheRowsItStored() {
    try (Session session = quiver.openSession()) {
      update(session, "CREATE SCHEMA memory.ins");
      assertEquals(0, update(session, "CREATE TABLE memory.ins.t (k BIGINT NOT NULL, v VARCHAR(10))"));
      assertEquals(3, update(session, "INSERT INTO memory.ins.t VALUES (1, 'a'), (2, 'b'), (3, NULL)"));
      assertEquals(60_175, update(session, "INSERT INTO memory.ins.t (k) SELECT l_orderkey FROM tpch.tiny.lineitem"));
      assertEquals(0, update(session, "INSERT INTO memory.ins.t SELECT 1, 'x' FROM tpch.tiny.nation WHERE 1 = 0"));
      assertEquals(60_178, count(session, "memory.ins.t"));
      assertEquals(List.of(List.of("60178", "2")),
          rows(session, "SELECT count(k), count(v) FROM memory.ins.t"));
      // The copy's aggregates equal the source's: the appended rows are all there, in every partition.
      assertEquals(rows(session, "SELECT sum(l_orderkey) + 6 FROM tpch.tiny.lineitem"),
          rows(session, "SELECT sum(k) FROM memory.ins.t"));
    }
  }

  @Test
  void aFailingInsertLeavesTheTableAsItWas() {
    try (Session session = quiver.openSession()) {
      update(session, "CREATE SCHEMA memory.ins");
      update(session, "CREATE TABLE memory.ins.t AS SELECT l_orderkey AS k, l_comment AS c FROM tpch.tiny.lineitem");
      long bytes = memory.allocatedBytes();
      List<List<String>> before = rows(session, "SELECT count(*), sum(k), max(c) FROM memory.ins.t");
      // Fails while running, after many batches have been written (division by zero in one row).
      QuiverException division = assertThrows(QuiverException.class, () -> update(session,
          "INSERT INTO memory.ins.t SELECT l_orderkey / (l_linenumber - 7), l_comment FROM tpch.tiny.lineitem"));
      assertEquals(ErrorCode.DIVISION_BY_ZERO, division.errorCode());
      // Fails in the NOT NULL check of one batch out of many.
      update(session, "CREATE TABLE memory.ins.strict (k BIGINT NOT NULL)");
      QuiverException nulls = assertThrows(QuiverException.class, () -> update(session,
          "INSERT INTO memory.ins.strict SELECT CASE WHEN l_orderkey = 40000 THEN NULL ELSE l_orderkey END "
              + "FROM tpch.tiny.lineitem"));
      assertEquals(ErrorCode.NOT_NULL_VIOLATION, nulls.errorCode());
      assertEquals(0, count(session, "memory.ins.strict"));
      // Fails in the length check.
      update(session, "CREATE TABLE memory.ins.short (c VARCHAR(20))");
      assertEquals(ErrorCode.STRING_TOO_LONG, assertThrows(QuiverException.class, () -> update(session,
          "INSERT INTO memory.ins.short SELECT l_comment FROM tpch.tiny.lineitem")).errorCode());
      assertEquals(0, count(session, "memory.ins.short"));
      assertEquals(before, rows(session, "SELECT count(*), sum(k), max(c) FROM memory.ins.t"));
      assertEquals(bytes, memory.allocatedBytes() - emptyTableBytes(), "the failed writes freed their rows");
    }
  }

  private long emptyTableBytes() {
    return memory.table("ins", "strict").orElseThrow().bytes() + memory.table("ins", "short").orElseThrow().bytes();
  }

  @Test
  void concurrentInsertsAndReadsSeeWholeInserts() throws Exception {
    int writers = 2;
    int insertsPerWriter = 15;
    int rowsPerInsert = 25;
    try (Session setup = quiver.openSession()) {
      update(setup, "CREATE SCHEMA memory.ins");
      update(setup, "CREATE TABLE memory.ins.t (k BIGINT NOT NULL, w INTEGER NOT NULL)");
    }
    AtomicBoolean done = new AtomicBoolean();
    ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    CountDownLatch started = new CountDownLatch(writers + 1);
    List<Thread> threads = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      int writer = w;
      threads.add(new Thread(() -> {
        try (Session session = quiver.openSession()) {
          started.countDown();
          for (int i = 0; i < insertsPerWriter; i++) {
            assertEquals(rowsPerInsert, update(session, "INSERT INTO memory.ins.t SELECT n_nationkey, " + writer
                + " FROM tpch.tiny.nation"));
          }
        } catch (Throwable e) {
          failures.add(e);
        }
      }));
    }
    List<Long> seen = new ArrayList<>();
    threads.add(new Thread(() -> {
      try (Session session = quiver.openSession()) {
        started.countDown();
        long last = 0;
        while (!done.get()) {
          List<String> row = rows(session, "SELECT count(*), sum(k), count(DISTINCT w) FROM memory.ins.t").get(0);
          long rows = Long.parseLong(row.get(0));
          assertEquals(0, rows % rowsPerInsert, "a reader saw part of an INSERT: " + row);
          if (rows > 0) {
            assertEquals(rows / rowsPerInsert * 300, Long.parseLong(row.get(1)), "sum of whole inserts");
          }
          assertTrue(rows >= last, "rows disappeared: " + last + " then " + rows);
          last = rows;
          seen.add(rows);
        }
      } catch (Throwable e) {
        failures.add(e);
      }
    }));
    threads.forEach(Thread::start);
    for (Thread thread : threads.subList(0, writers)) {
      thread.join();
    }
    done.set(true);
    threads.get(writers).join();
    if (!failures.isEmpty()) {
      AssertionError error = new AssertionError("concurrent INSERT/SELECT failed: " + failures.peek());
      failures.forEach(error::addSuppressed);
      throw error;
    }
    try (Session session = quiver.openSession()) {
      assertEquals((long) writers * insertsPerWriter * rowsPerInsert, count(session, "memory.ins.t"),
          "no INSERT was lost");
    }
    assertTrue(!seen.isEmpty());
  }
}
