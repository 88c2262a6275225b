package io.quiver.engine.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.engine.QueryResult;
import io.quiver.engine.QuiverConfig;
import io.quiver.engine.Session;
import io.quiver.engine.driver.LocalQuiver;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Limits on running statements (total and per user) with a queue and its timeout, and memory
 * limits per query and per user, on a real engine: a statement holds its place until its result is
 * closed; a query over a memory limit fails with 53200 naming it while the others go on.
 */
class AdmissionControlTest {

  private static final String SORT = "SELECT l_comment FROM tpch.tiny.lineitem ORDER BY l_comment";

  private LocalQuiver quiver;
  private final List<Session> sessions = new ArrayList<>();

  @BeforeEach
  void start() {
    quiver = new LocalQuiver(QuiverConfig.defaults().withSlots(2).withShufflePartitions(2));
  }

  @AfterEach
  void stop() {
    sessions.forEach(Session::close);
    quiver.close();
  }

  private Session session(String user) {
    Session session = quiver.openSession(user);
    sessions.add(session);
    return session;
  }

  private static long count(Session session, String sql) {
    try (QueryResult result = session.execute(sql)) {
      long rows = 0;
      while (result.loadNextBatch()) {
        rows += result.root().getRowCount();
      }
      return rows;
    }
  }

  /** Runs a statement on another thread; completes with its row count or fails with its error. */
  private static CompletableFuture<Long> later(Session session, String sql) {
    return CompletableFuture.supplyAsync(() -> count(session, sql));
  }

  private void awaitQueued(int waiting) throws InterruptedException {
    for (int i = 0; i < 6000 && quiver.admission().queued() < waiting; i++) {
      Thread.sleep(10);
    }
    assertEquals(waiting, quiver.admission().queued());
  }

  private static QuiverException failure(CompletableFuture<?> future) throws Exception {
    ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(120, TimeUnit.SECONDS));
    assertTrue(e.getCause() instanceof QuiverException, String.valueOf(e.getCause()));
    return (QuiverException) e.getCause();
  }

  @Test
  void aStatementWaitsForItsTurnAndRunsWhenTheRunningOneEnds() throws Exception {
    quiver.admission().configure(AdmissionLimits.unlimited().withMaxQueries(1, 0).withQueue(0, Duration.ofMinutes(2)));
    Session alice = session("alice");
    QueryResult held = alice.execute("SELECT n_name FROM tpch.tiny.nation");
    CompletableFuture<Long> waiting = later(session("bob"), "SELECT count(*) FROM tpch.tiny.region");
    awaitQueued(1);
    assertFalse(waiting.isDone());
    held.close();
    assertEquals(1, waiting.get(120, TimeUnit.SECONDS));
    assertEquals(0, quiver.admission().running());
  }

  @Test
  void aUserAtTheirLimitWaitsWhileOthersRun() throws Exception {
    quiver.admission().configure(AdmissionLimits.unlimited().withMaxQueries(10, 1).withQueue(0, Duration.ofMinutes(2)));
    Session alice = session("alice");
    QueryResult held = alice.execute("SELECT 1");
    CompletableFuture<Long> second = later(session("alice"), "SELECT 2");
    awaitQueued(1);
    assertEquals(1, count(session("bob"), "SELECT 3"), "another user is not held up");
    assertFalse(second.isDone());
    held.close();
    assertEquals(1, second.get(120, TimeUnit.SECONDS));
    // a user's own limit replaces the engine's
    quiver.admission().setUserLimits("carol", new UserLimits(2, null));
    QueryResult one = session("carol").execute("SELECT 1");
    QueryResult two = session("carol").execute("SELECT 2");
    assertEquals(2, quiver.admission().running());
    one.close();
    two.close();
  }

  @Test
  void theQueueHasATimeoutAndASize() throws Exception {
    quiver.admission().configure(AdmissionLimits.unlimited().withMaxQueries(1, 0).withQueue(1, Duration.ofMillis(300)));
    QueryResult held = session("alice").execute("SELECT 1");
    try {
      QuiverException timeout = assertThrows(QuiverException.class, () -> count(session("bob"), "SELECT 2"));
      assertEquals(ErrorCode.QUERY_QUEUE_TIMEOUT, timeout.errorCode());
      assertEquals("53000", timeout.errorCode().sqlState());
      assertTrue(timeout.getMessage().contains("max_concurrent_queries"), timeout.getMessage());
      quiver.admission().configure(quiver.admission().limits().withQueue(1, Duration.ofMinutes(2)));
      CompletableFuture<Long> waiting = later(session("bob"), "SELECT 2");
      awaitQueued(1);
      QuiverException full = assertThrows(QuiverException.class, () -> count(session("carol"), "SELECT 3"));
      assertEquals(ErrorCode.QUERY_QUEUE_FULL, full.errorCode());
      assertTrue(full.getMessage().contains("max_queued_queries"), full.getMessage());
      held.close();
      assertEquals(1, waiting.get(120, TimeUnit.SECONDS));
    } finally {
      held.close();
    }
  }

  @Test
  void closingASessionEndsItsWait() throws Exception {
    quiver.admission().configure(AdmissionLimits.unlimited().withMaxQueries(1, 0).withQueue(0, Duration.ofMinutes(2)));
    QueryResult held = session("alice").execute("SELECT 1");
    try {
      Session bob = session("bob");
      CompletableFuture<Long> waiting = later(bob, "SELECT 2");
      awaitQueued(1);
      bob.close();
      assertEquals(ErrorCode.QUERY_CANCELLED, failure(waiting).errorCode());
      assertEquals(0, quiver.admission().queued());
    } finally {
      held.close();
    }
  }

  @Test
  void aQueryOverItsMemoryLimitFailsNamingItAndTheOthersRun() throws Exception {
    long expected = count(session("alice"), SORT);
    quiver.admission().configure(AdmissionLimits.unlimited().withMemory(1L << 20, 0));
    CompletableFuture<Long> big = later(session("alice"), SORT);
    List<CompletableFuture<Long>> small = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      small.add(later(session("bob"), "SELECT n_name FROM tpch.tiny.nation ORDER BY n_name"));
    }
    QuiverException error = failure(big);
    assertEquals(ErrorCode.MEMORY_LIMIT_EXCEEDED, error.errorCode(), error.getMessage());
    assertEquals("53200", error.errorCode().sqlState());
    assertTrue(error.getMessage().contains("query_memory_limit") && error.getMessage().contains("1MB"),
        error.getMessage());
    for (CompletableFuture<Long> query : small) {
      assertEquals(25, query.get(120, TimeUnit.SECONDS));
    }
    quiver.admission().configure(AdmissionLimits.unlimited());
    assertEquals(expected, count(session("alice"), SORT), "the engine is whole afterwards");
  }

  @Test
  void aUsersQueriesShareTheUserMemoryLimit() throws Exception {
    quiver.admission().setUserLimits("alice", new UserLimits(null, 1L << 20));
    QuiverException error = assertThrows(QuiverException.class, () -> count(session("alice"), SORT));
    assertEquals(ErrorCode.MEMORY_LIMIT_EXCEEDED, error.errorCode(), error.getMessage());
    assertTrue(error.getMessage().contains("user alice") && error.getMessage().contains("user_memory_limit"),
        error.getMessage());
    assertEquals(60_175, count(session("bob"), SORT), "bob has no such limit");
  }

  @Test
  void aSessionShowsTheLimitsItRunsUnder() {
    quiver.admission().configure(AdmissionLimits.unlimited().withMaxQueries(8, 2).withQueue(100, Duration.ofSeconds(30))
        .withMemory(2L << 30, 0));
    quiver.admission().setUserLimits("alice", new UserLimits(3, 512L << 20));
    assertEquals("{max_concurrent_queries=8, max_concurrent_queries_per_user=3, max_queued_queries=100, "
        + "queue_timeout=30s, query_memory_limit=2GB, user_memory_limit=512MB}",
        session("alice").limits().asSettings().toString());
    assertEquals("2", session("bob").limits().asSettings().get("max_concurrent_queries_per_user"));
    assertEquals(Session.EMBEDDED_USER, quiver.openSession().user());
  }
}
