package io.quiver.jdbc.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Thin-driver connections of different users in one JVM, used from many threads at once, each
 * reach the server as their own user on every request: a query finds itself in
 * {@code system.runtime.queries}, which shows a user only their own queries, under the
 * connection's user. (Avatica's HTTP client shared BASIC credentials between the clients of a JVM.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThinDriverCredentialsTest {

  private static final int THREADS = 6;
  private static final int ROUNDS = 15;

  private ServerFixture fixture;

  @BeforeAll
  void start() throws Exception {
    fixture = new ServerFixture();
  }

  @AfterAll
  void stop() throws Exception {
    fixture.close();
  }

  @Test
  void everyThreadIsItsOwnUserUnderConcurrency() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<List<String>>> results = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        String user = t % 2 == 0 ? ServerFixture.ALICE : ServerFixture.BOB;
        String password = t % 2 == 0 ? ServerFixture.ALICE_PASSWORD : ServerFixture.BOB_PASSWORD;
        int thread = t;
        results.add(pool.submit(() -> {
          List<String> seen = new ArrayList<>();
          try (Connection connection = fixture.thin(user, password)) {
            start.await();
            for (int round = 0; round < ROUNDS; round++) {
              String marker = "who-" + thread + "-" + round;
              seen.add(whoRan(connection, marker));
              // the server's own routes carry the same credentials
              try (ResultSet keys = connection.getMetaData().getPrimaryKeys("memory", "default", "none")) {
                keys.next();
              }
            }
          }
          return seen;
        }));
      }
      start.countDown();
      for (int t = 0; t < THREADS; t++) {
        String user = t % 2 == 0 ? ServerFixture.ALICE : ServerFixture.BOB;
        List<String> seen = results.get(t).get(5, TimeUnit.MINUTES);
        assertEquals(ROUNDS, seen.size());
        for (String who : seen) {
          assertEquals(user, who, "thread " + t);
        }
      }
    } finally {
      pool.shutdownNow();
      assertTrue(pool.awaitTermination(1, TimeUnit.MINUTES));
    }
  }

  /** The user the server ran this query as: the only user whose queries it may see. */
  private static String whoRan(Connection connection, String marker) throws SQLException {
    try (Statement statement = connection.createStatement();
         ResultSet rs = statement.executeQuery("SELECT DISTINCT user_name FROM system.runtime.queries "
             + "WHERE sql_text LIKE '%" + marker + "%'")) {
      assertTrue(rs.next(), "the query did not find itself");
      String user = rs.getString(1);
      assertTrue(!rs.next(), "queries of two users");
      return user;
    }
  }
}
