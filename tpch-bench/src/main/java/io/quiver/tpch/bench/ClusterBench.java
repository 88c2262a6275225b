package io.quiver.tpch.bench;

import io.quiver.engine.Quiver;
import io.quiver.engine.QuiverConfig;
import io.quiver.engine.Session;
import io.quiver.engine.cluster.ClusterConfig;
import io.quiver.engine.cluster.ExecutorLauncher;
import io.quiver.engine.cluster.driver.ClusterTaskBackend;
import io.quiver.engine.cluster.driver.StandaloneCluster;
import io.quiver.engine.cluster.protocol.SharedSecret;
import io.quiver.engine.driver.LocalQuiver;
import io.quiver.engine.event.EventListener;
import io.quiver.engine.event.JobEnded;
import io.quiver.engine.event.StageCompleted;
import io.quiver.exec.metrics.TaskStats;
import io.quiver.tpch.AnswerComparison;
import io.quiver.tpch.ReferenceAnswers;
import io.quiver.tpch.ResultRows;
import io.quiver.tpch.TpchQueryText;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Cluster mode against local mode, in one run: TPC-H on {@code tpch.<schema>} (tables generated
 * while scanned, as the executors do) first on one local engine with {@code E x S} slots, then on a
 * driver with {@code E} executor processes of {@code S} slots each on this machine. In each mode all
 * queries first run once on {@code tpch.tiny} (JIT warm-up), then each query runs once, timed; bytes written to exchanges (from the stage events),
 * bytes fetched over Flight between executors and bytes read from an executor's own store, and bytes
 * of result rows fetched by the driver. Answers are checked against the reference where one exists.
 *
 * <pre>{@code
 * java ... io.quiver.tpch.bench.ClusterBench [--schema sf1] [--executors 2] [--slots 1] [--heap 4g] [--queries 1,3,9]
 * }</pre>
 */
public final class ClusterBench {

  static final String USAGE = "usage: quiver bench cluster [--schema sf1] [--executors 2] [--slots 1] [--heap 4g]"
      + " [--queries 1,3,9]";

  private record Run(long millis, long exchangeBytes, boolean correct, String error, TaskStats stats) {
  }

  private ClusterBench() {
  }

  public static void main(String[] args) {
    int status = run(args, System.out, System.err);
    System.out.flush();
    System.exit(status);
  }

  /**
   * {@code quiver bench cluster [--schema sf1] [--executors 2] [--slots 1] [--heap 4g] [--queries 1,3,9]}.
   *
   * @return 0 when every answer was right, 1 when one was wrong or the run failed, 2 for wrong usage
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    String schema = "sf1";
    int executors = 2;
    int slots = 1;
    String heap = "4g";
    List<Integer> queries = new ArrayList<>();
    try {
      if (args.length % 2 != 0) {
        throw new IllegalArgumentException("every option needs a value");
      }
      for (int i = 0; i < args.length; i += 2) {
        switch (args[i]) {
          case "--schema" -> schema = args[i + 1];
          case "--executors" -> executors = Integer.parseInt(args[i + 1]);
          case "--slots" -> slots = Integer.parseInt(args[i + 1]);
          case "--heap" -> heap = args[i + 1];
          case "--queries" -> {
            for (String number : args[i + 1].split(",")) {
              queries.add(Integer.parseInt(number.trim()));
            }
          }
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
      }
      if (!"tiny".equals(schema) && !schema.matches("sf[0-9]+")) {
        throw new IllegalArgumentException("--schema is tiny or sfN, was " + schema);
      }
    } catch (IllegalArgumentException e) {
      err.println("quiver bench cluster: " + e.getMessage());
      err.println(USAGE);
      return TpchBenchMain.USAGE;
    }
    if (queries.isEmpty()) {
      for (int number = 1; number <= TpchQueryText.QUERY_COUNT; number++) {
        queries.add(number);
      }
    }
    try {
      return run(schema, executors, slots, heap, queries, out) ? 0 : 1;
    } catch (Exception e) {
      err.println("quiver bench cluster: " + e);
      return 1;
    }
  }

  /** @return whether every answer was right */
  static boolean run(String schema, int executors, int slots, String heap, List<Integer> queries, PrintStream out)
      throws Exception {
    double scale = "tiny".equals(schema) ? 0.01 : Double.parseDouble(schema.substring(2));
    int totalSlots = executors * slots;
    QuiverConfig config = new QuiverConfig(totalSlots, 2 * totalSlots, 8192, Runtime.getRuntime().maxMemory() / 2);
    List<Run> local = new ArrayList<>();
    try (Quiver quiver = Quiver.local(config)) {
      warmUp(quiver, queries);
      for (int number : queries) {
        local.add(measure(quiver, schema, scale, number));
        out.printf("local   Q%02d %7d ms%n", number, local.get(local.size() - 1).millis());
      }
    }
    String secret = HexFormat.of().formatHex(SecureRandom.getSeed(16));
    Path directory = Files.createTempDirectory("quiver-cluster-bench");
    List<Run> clustered = new ArrayList<>();
    List<long[]> flight = new ArrayList<>();
    List<Process> processes = new ArrayList<>();
    try (LocalQuiver quiver = StandaloneCluster.start(config,
        ClusterConfig.defaults("127.0.0.1", 0, new SharedSecret(secret)).withExecutorTimeoutMillis(30_000))) {
      ClusterTaskBackend backend = StandaloneCluster.backend(quiver);
      for (int i = 0; i < executors; i++) {
        processes.add(ExecutorLauncher.start("127.0.0.1", backend.port(), slots, heap, directory, secret,
            List.of(), directory.resolve("executor-" + i + ".log")));
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (backend.executorIds().size() < executors && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      warmUp(quiver, queries);
      for (int number : queries) {
        Run run = measure(quiver, schema, scale, number);
        clustered.add(run);
        flight.add(flightBytes(run.stats()));
        out.printf("cluster Q%02d %7d ms%n", number, clustered.get(clustered.size() - 1).millis());
      }
    } finally {
      processes.forEach(Process::destroyForcibly);
    }
    report(out, schema, executors, slots, queries, local, clustered, flight);
    return local.stream().allMatch(Run::correct) && clustered.stream().allMatch(Run::correct);
  }

  /** Remote shuffle bytes fetched, shuffle bytes read locally, result bytes fetched by the driver. */
  private static long[] flightBytes(TaskStats stats) {
    return new long[] {stats.remoteShuffleReadBytes(), stats.localShuffleReadBytes(), stats.fetchedResultBytes()};
  }

  private static Run measure(Quiver quiver, String schema, double scale, int number) {
    String sql = TpchQueryText.load(number, scale);
    AtomicLong exchangeBytes = new AtomicLong();
    AtomicReference<TaskStats> stats = new AtomicReference<>(TaskStats.EMPTY);
    try (Session session = quiver.openSession()) {
      session.setCatalog("tpch");
      session.setSchema(schema);
      EventListener listener = event -> {
        if (event instanceof StageCompleted stage) {
          exchangeBytes.addAndGet(stage.outputBytes());
        } else if (event instanceof JobEnded job) {
          stats.accumulateAndGet(job.stats(), TaskStats::plus);
        }
      };
      quiver.events().subscribe(listener);
      long start = System.nanoTime();
      ResultRows answer;
      try {
        answer = ResultRows.query(session, sql);
      } finally {
        quiver.events().unsubscribe(listener);
      }
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      Optional<ResultRows> reference = ReferenceAnswers.load(scale, number);
      boolean correct = reference.isEmpty() || AnswerComparison.differences(reference.get(), answer).isEmpty();
      return new Run(millis, exchangeBytes.get(), correct, null, stats.get());
    } catch (RuntimeException e) {
      return new Run(-1, exchangeBytes.get(), false, e.getMessage(), stats.get());
    }
  }

  private static void warmUp(Quiver quiver, List<Integer> queries) {
    for (int number : queries) {
      try (Session session = quiver.openSession()) {
        session.setCatalog("tpch");
        session.setSchema("tiny");
        ResultRows.query(session, TpchQueryText.load(number));
      }
    }
  }

  private static void report(PrintStream out, String schema, int executors, int slots, List<Integer> queries,
      List<Run> local, List<Run> clustered, List<long[]> flight) {
    out.printf("%nTPC-H %s: local mode with %d slots vs %d executor processes x %d slot (one machine)%n", schema,
        executors * slots, executors, slots);
    out.println("| query | local ms | cluster ms | cluster/local | stage output MiB | Flight between executors MiB"
        + " | read from own store MiB | result MiB | answers |");
    out.println("|---|---:|---:|---:|---:|---:|---:|---:|---|");
    long localTotal = 0;
    long clusterTotal = 0;
    long remoteTotal = 0;
    for (int i = 0; i < queries.size(); i++) {
      Run alone = local.get(i);
      Run together = clustered.get(i);
      long[] bytes = flight.get(i);
      localTotal += Math.max(0, alone.millis());
      clusterTotal += Math.max(0, together.millis());
      remoteTotal += bytes[0];
      out.printf("| Q%02d | %d | %d | %.2f | %.1f | %.1f | %.1f | %.2f | %s |%n", queries.get(i), alone.millis(),
          together.millis(), together.millis() / Math.max(1.0, alone.millis()), mib(together.exchangeBytes()),
          mib(bytes[0]), mib(bytes[1]), mib(bytes[2]),
          (alone.correct() ? "ok" : "LOCAL WRONG " + alone.error()) + "/"
              + (together.correct() ? "ok" : "CLUSTER WRONG " + together.error()));
    }
    out.printf("| total | %d | %d | %.2f | | %.1f | | | |%n", localTotal, clusterTotal,
        clusterTotal / Math.max(1.0, localTotal), mib(remoteTotal));
    if (remoteTotal > 0) {
      // Only meaningful when the two modes ran under the same load; negative means noise dominated.
      out.printf("Flight hop: (cluster - local) time over bytes fetched between executors = %.1f ms per MiB"
          + " (an estimate; compare runs on a quiet machine)%n",
          (clusterTotal - localTotal) / Math.max(1e-9, mib(remoteTotal)));
    }
  }

  private static double mib(long bytes) {
    return bytes / (1024.0 * 1024.0);
  }
}
