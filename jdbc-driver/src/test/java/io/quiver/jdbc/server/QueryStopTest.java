package io.quiver.jdbc.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.engine.event.EventListener;
import io.quiver.engine.event.JobEnded;
import io.quiver.engine.event.Outcome;
import io.quiver.engine.event.TaskStarted;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Cancel, query timeout and closing a statement or connection mid-query stop the query's job on
 * the engine (its JobEnded event says CANCELLED), embedded and through the thin driver; the
 * connection then runs the next query. The time from the stop to the job's end is printed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryStopTest {

  private ServerFixture fixture;
  private final BlockingQueue<JobEnded> ended = new LinkedBlockingQueue<>();
  private volatile CountDownLatch taskStarted = new CountDownLatch(1);
  private final EventListener listener = event -> {
    if (event instanceof JobEnded jobEnded) {
      ended.add(jobEnded);
    } else if (event instanceof TaskStarted) {
      taskStarted.countDown();
    }
  };

  @BeforeAll
  void start() throws Exception {
    fixture = new ServerFixture();
  }

  @AfterAll
  void stop() throws Exception {
    fixture.close();
  }

  @BeforeEach
  void listen() {
    ended.clear();
    taskStarted = new CountDownLatch(1);
    fixture.engine.events().subscribe(listener);
  }

  @AfterEach
  void stopListening() {
    fixture.engine.events().unsubscribe(listener);
  }

  /** Starts the long query in another thread and returns once one of its tasks runs. */
  private CompletableFuture<Object> startLongQuery(Statement statement) throws InterruptedException {
    CompletableFuture<Object> running = RemoteJdbcTest.runInBackground(statement, RemoteJdbcTest.LONG_QUERY);
    assertTrue(taskStarted.await(60, TimeUnit.SECONDS), "the long query did not start");
    return running;
  }

  /** Waits for the job's end and prints how long after {@code stoppedMillis} (wall clock) the engine ended it. */
  private void assertJobCancelled(String what, long stoppedMillis) throws InterruptedException {
    JobEnded end = ended.poll(60, TimeUnit.SECONDS);
    assertNotNull(end, what + ": the job did not end");
    assertEquals(Outcome.CANCELLED, end.outcome(), what + ": " + end);
    System.out.printf("QueryStopTest %s: job ended %d ms after the stop%n", what, end.timeMillis() - stoppedMillis);
  }

  @ParameterizedTest
  @ValueSource(strings = {"embedded", "thin"})
  void cancelStopsTheJobAndTheStatementRunsAgain(String kind) throws Exception {
    try (Connection connection = fixture.connect(kind); Statement statement = connection.createStatement()) {
      CompletableFuture<Object> running = startLongQuery(statement);
      long stopped = System.currentTimeMillis();
      statement.cancel();
      assertEquals("57014", RemoteJdbcTest.failureOf(running).getSQLState());
      assertJobCancelled(kind + " cancel", stopped);
      try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM tpch.tiny.nation")) {
        assertTrue(rs.next());
        assertEquals(25L, rs.getLong(1));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"embedded", "thin"})
  void queryTimeoutStopsTheJob(String kind) throws Exception {
    try (Connection connection = fixture.connect(kind); Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(1);
      long started = System.currentTimeMillis();
      SQLException failure = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
          () -> statement.executeQuery(RemoteJdbcTest.LONG_QUERY));
      assertInstanceOf(SQLTimeoutException.class, failure, failure.toString());
      assertEquals("57014", failure.getSQLState());
      assertJobCancelled(kind + " timeout (from the start, timeout 1 s)", started);
      statement.setQueryTimeout(0);
      assertEquals(25L, RemoteJdbcTest.scalar(connection, "SELECT count(*) FROM tpch.tiny.nation"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"embedded", "thin"})
  void closingTheStatementStopsTheJob(String kind) throws Exception {
    try (Connection connection = fixture.connect(kind)) {
      Statement statement = connection.createStatement();
      CompletableFuture<Object> running = startLongQuery(statement);
      long stopped = System.currentTimeMillis();
      statement.close();
      assertInstanceOf(SQLException.class, running.get(60, TimeUnit.SECONDS));
      assertJobCancelled(kind + " statement close", stopped);
      assertEquals(25L, RemoteJdbcTest.scalar(connection, "SELECT count(*) FROM tpch.tiny.nation"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"embedded", "thin", "avatica"})
  void closingTheConnectionStopsTheJob(String kind) throws Exception {
    Connection connection = fixture.connect(kind);
    Statement statement = connection.createStatement();
    CompletableFuture<Object> running = startLongQuery(statement);
    long stopped = System.currentTimeMillis();
    connection.close();
    assertInstanceOf(SQLException.class, running.get(60, TimeUnit.SECONDS));
    assertJobCancelled(kind + " connection close", stopped);
  }
}
