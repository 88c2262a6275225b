package io.quiver.tpch.soak;

import io.quiver.engine.QuiverConfig;
import io.quiver.engine.admission.AdmissionLimits;
import io.quiver.engine.driver.LocalQuiver;
import io.quiver.jdbc.QuiverDriver;
import io.quiver.jdbc.server.PasswordHash;
import io.quiver.jdbc.server.QuiverServer;
import io.quiver.jdbc.server.UserFile;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * {@code quiver bench soak [--clients N] [--minutes M] [--seed S] [--slots N]}: a server on
 * loopback in this JVM and N JDBC clients (the thin driver, over HTTP) mixing checked TPC-H queries
 * at SF0.01, DDL/DML on memory tables and cancelled queries for M minutes. Every 30 s it prints the
 * engine's allocated bytes and the heap after a full garbage collection, to see memory stay flat.
 * Exit status 0 with no wrong answer and no failed session, 1 otherwise, 2 for wrong usage.
 */
public final class SoakMain {

  private static final String USER = "soak";
  private static final String PASSWORD = "soak-password";

  private SoakMain() {
  }

  public static int run(String[] args, PrintStream out, PrintStream err) {
    int clients = 16;
    double minutes = 10;
    long seed = 2026;
    int slots = Runtime.getRuntime().availableProcessors();
    try {
      for (int i = 0; i < args.length; i++) {
        String option = args[i];
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("option " + option + " needs a value");
        }
        String value = args[++i];
        switch (option) {
          case "--clients" -> clients = Integer.parseInt(value);
          case "--minutes" -> minutes = Double.parseDouble(value);
          case "--seed" -> seed = Long.parseLong(value);
          case "--slots" -> slots = Integer.parseInt(value);
          default -> throw new IllegalArgumentException("unknown option " + option);
        }
      }
      if (clients < 1 || minutes <= 0 || slots < 1) {
        throw new IllegalArgumentException("clients, minutes and slots must be positive");
      }
    } catch (IllegalArgumentException e) {
      err.println("quiver bench soak: " + e.getMessage());
      err.println("usage: quiver bench soak [--clients N (16)] [--minutes M (10)] [--seed S] [--slots N]");
      return 2;
    }
    try {
      return soak(clients, Duration.ofMillis((long) (minutes * 60_000)), seed, slots, out);
    } catch (Exception e) {
      err.println("quiver bench soak: " + e);
      return 1;
    }
  }

  private static int soak(int clients, Duration duration, long seed, int slots, PrintStream out) throws Exception {
    UserFile users = UserFile.parse(List.of(UserFile.line(USER, PasswordHash.create(PASSWORD.toCharArray(),
        PasswordHash.DEFAULT_ITERATIONS))), "soak users");
    try (LocalQuiver engine = new LocalQuiver(QuiverConfig.defaults().withSlots(slots).withShufflePartitions(2 * slots))) {
      // the server's default admission limits, as 'quiver server' sets them
      engine.admission().configure(AdmissionLimits.unlimited().withMaxQueries(100, 0)
          .withQueue(1_000, Duration.ofMinutes(5)));
      QuiverServer server = QuiverServer.start(engine, QuiverServer.Options.loopback(0, users));
      try {
        String url = "jdbc:quiver://127.0.0.1:" + server.port();
        // The schema is the engine's; the soak user, an ordinary one, may create tables in it (and owns them).
        try (Connection setup = QuiverDriver.connect(engine, new Properties());
             Statement statement = setup.createStatement()) {
          statement.executeUpdate("CREATE SCHEMA IF NOT EXISTS memory.soak");
          statement.executeUpdate("GRANT CREATE ON SCHEMA memory.soak TO " + USER);
        }
        out.printf("soak: %d clients against %s for %s, %d slots; JVM max heap %d MiB%n", clients, server.url(),
            duration, slots, Runtime.getRuntime().maxMemory() >> 20);
        SoakCounters counters = new SoakCounters(out);
        List<SoakClient> running = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
          SoakClient client = new SoakClient(i, () -> {
            try {
              return connect(url);
            } catch (SQLException e) {
              throw new IllegalStateException(e);
            }
          }, counters, seed + i);
          Thread thread = new Thread(client, "soak-client-" + i);
          running.add(client);
          threads.add(thread);
          thread.start();
        }
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<long[]> samples = new ArrayList<>();
        while (System.nanoTime() < end) {
          Thread.sleep(Math.min(30_000, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
          long[] sample = {(System.nanoTime() - start) / 1_000_000_000L, counters.operations(),
              engine.allocatedBytes() >> 20, heapAfterGc() >> 20};
          samples.add(sample);
          out.printf("  %4d s  %6d operations  engine buffers %5d MiB  heap after GC %5d MiB  running %d, "
              + "queued %d%n", sample[0], sample[1], sample[2], sample[3], engine.admission().running(),
              engine.admission().queued());
        }
        running.forEach(SoakClient::stop);
        for (Thread thread : threads) {
          thread.join(120_000);
        }
        out.println();
        counters.print(out);
        out.printf("engine buffers after the clients closed: %d MiB; open server connections: %d%n",
            engine.allocatedBytes() >> 20, server.openConnections());
        if (!samples.isEmpty()) {
          long[] first = samples.get(0);
          long[] last = samples.get(samples.size() - 1);
          out.printf("heap after GC: first sample %d MiB, last %d MiB, highest %d MiB%n", first[3], last[3],
              samples.stream().mapToLong(s -> s[3]).max().orElse(0));
        }
        return counters.wrongAnswers().isEmpty() && counters.failedSessions().isEmpty() ? 0 : 1;
      } finally {
        server.close();
      }
    }
  }

  private static Connection connect(String url) throws SQLException {
    Properties info = new Properties();
    info.setProperty("user", USER);
    info.setProperty("password", PASSWORD);
    info.setProperty("schema", "tpch.tiny");
    return new QuiverDriver().connect(url, info);
  }

  /**
   * The heap in use right after a full collection: what survives. (A collection every 30 s costs
   * the clients little; the pools' own after-collection figures miss an old generation that was
   * never collected.)
   */
  private static long heapAfterGc() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
