package io.quiver.jdbc.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.engine.Quiver;
import io.quiver.engine.QuiverConfig;
import io.quiver.engine.event.EventListener;
import io.quiver.engine.event.JobEnded;
import io.quiver.engine.event.Outcome;
import io.quiver.jdbc.QuiverDriver;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * 16 remote clients at once (half the stock Avatica driver, half the thin driver), each running
 * TPC-H Q1, Q3 and Q6 on {@code tpch.tiny} 20 times: every answer equals the embedded one. The
 * engine and server are this test's own, so that afterwards it can check that closing them leaves
 * no buffer (the engine's close fails on a leak) and no thread behind.
 */
class SixteenClientsTest {

  static final int CLIENTS = 16;
  static final int ROUNDS = 20;
  static final List<String> QUERIES = List.of(ServerLoadTest.Q1, ServerLoadTest.Q3, ServerLoadTest.Q6);

  /** Threads of the JVM itself that come and go on their own. */
  private static boolean jvmThread(String name) {
    return name.startsWith("ForkJoinPool.commonPool") || name.equals("Attach Listener")
        || name.startsWith("surefire") || name.equals("process reaper") || name.startsWith("C1 CompilerThread")
        || name.startsWith("C2 CompilerThread")
        // the thin driver's shared java.net.http client keeps its selector for the JVM's life
        || name.startsWith("HttpClient-") && name.contains("-SelectorManager");
  }

  private static Set<String> liveThreads() {
    return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
        .map(thread -> thread.getName() + "#" + thread.getId())
        .filter(name -> !jvmThread(name)).collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void sixteenClientsRunQ1Q3AndQ6TwentyTimesEach() throws Exception {
    // Classes that start JVM-wide threads once (the drivers' timeout timers) are loaded first.
    DriverManager.getDrivers();
    Set<String> before = liveThreads();

    Quiver engine = Quiver.local(QuiverConfig.defaults().withSlots(2).withShufflePartitions(4));
    AtomicInteger failedJobs = new AtomicInteger();
    EventListener failures = event -> {
      if (event instanceof JobEnded ended && ended.outcome() != Outcome.SUCCEEDED) {
        failedJobs.incrementAndGet();
      }
    };
    engine.events().subscribe(failures);
    int answers = 0;
    long started;
    try {
      UserFile users = UserFile.parse(List.of(UserFile.line(ServerFixture.ALICE,
          PasswordHash.create(ServerFixture.ALICE_PASSWORD.toCharArray(), 1000))), "test users");
      try (QuiverServer server = QuiverServer.start(engine, QuiverServer.Options.loopback(0, users))) {
        Map<String, List<String>> expected;
        Properties tiny = new Properties();
        tiny.setProperty("schema", "tpch.tiny");
        try (Connection embedded = QuiverDriver.connect(engine, tiny)) {
          expected = Map.of(ServerLoadTest.Q1, ServerLoadTest.rows(embedded, ServerLoadTest.Q1),
              ServerLoadTest.Q3, ServerLoadTest.rows(embedded, ServerLoadTest.Q3),
              ServerLoadTest.Q6, ServerLoadTest.rows(embedded, ServerLoadTest.Q6));
        }
        assertEquals(4, expected.get(ServerLoadTest.Q1).size());
        assertEquals(10, expected.get(ServerLoadTest.Q3).size());
        assertEquals(1, expected.get(ServerLoadTest.Q6).size());

        String stockUrl = "jdbc:avatica:remote:url=" + server.url() + ";serialization=protobuf;authentication=BASIC"
            + ";avatica_user=" + ServerFixture.ALICE + ";avatica_password=" + ServerFixture.ALICE_PASSWORD;
        String thinUrl = "jdbc:quiver://127.0.0.1:" + server.port() + "/tpch.tiny";
        started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS, runnable -> new Thread(runnable, "test-client"));
        try {
          List<Future<Integer>> clients = new ArrayList<>();
          for (int i = 0; i < CLIENTS; i++) {
            boolean stock = i % 2 == 0;
            clients.add(pool.submit(() -> {
              int checked = 0;
              try (Connection connection = stock ? DriverManager.getConnection(stockUrl) : thin(thinUrl)) {
                connection.setSchema("tpch.tiny");
                for (int round = 0; round < ROUNDS; round++) {
                  for (String sql : QUERIES) {
                    assertEquals(expected.get(sql), ServerLoadTest.rows(connection, sql),
                        (stock ? "stock" : "thin") + " client, round " + round);
                    checked++;
                  }
                }
              }
              return checked;
            }));
          }
          for (Future<Integer> client : clients) {
            answers += client.get(15, TimeUnit.MINUTES);
          }
        } finally {
          pool.shutdownNow();
          assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        }
        assertEquals(0, server.openConnections(), "every client closed its connection");
      }
    } finally {
      engine.events().unsubscribe(failures);
      // Fails if any buffer of any query is still allocated.
      engine.close();
    }
    System.out.printf("SixteenClientsTest: %d answers (%d clients x %d rounds x Q1, Q3, Q6) in %.1f s%n", answers,
        CLIENTS, ROUNDS, (System.nanoTime() - started) / 1e9);
    assertEquals(CLIENTS * ROUNDS * QUERIES.size(), answers);
    assertEquals(0, failedJobs.get(), "jobs that did not succeed");

    // Threads end shortly after their pools stop: wait a little before calling them leaked.
    Set<String> leaked = new TreeSet<>();
    for (int attempt = 0; attempt < 100; attempt++) {
      leaked = liveThreads();
      leaked.removeAll(before);
      if (leaked.isEmpty()) {
        break;
      }
      Thread.sleep(100);
    }
    assertEquals(Set.of(), leaked, "threads left behind");
  }

  private static Connection thin(String url) throws SQLException {
    Properties info = new Properties();
    info.setProperty("user", ServerFixture.ALICE);
    info.setProperty("password", ServerFixture.ALICE_PASSWORD);
    return new QuiverDriver().connect(url, info);
  }
}
