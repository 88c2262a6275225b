package io.quiver.tpch.cluster;

import io.quiver.engine.QuiverConfig;
import io.quiver.engine.cluster.ClusterConfig;
import io.quiver.engine.cluster.ExecutorLauncher;
import io.quiver.engine.cluster.driver.ClusterTaskBackend;
import io.quiver.engine.cluster.driver.StandaloneCluster;
import io.quiver.engine.cluster.protocol.SharedSecret;
import io.quiver.engine.driver.LocalQuiver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A driver in the test's JVM and executor processes on loopback, started with the test's class
 * path. Executors are started one at a time, so the test knows which process is which executor.
 */
final class ProcessCluster implements AutoCloseable {

  static final String SECRET = "integration-test-cluster-secret";

  final LocalQuiver quiver;
  final ClusterTaskBackend backend;
  /** Executor id to its process, in registration order. */
  final Map<String, Process> processes = new LinkedHashMap<>();
  final Path directory;

  /**
   * @param directory the driver's and every executor's data directory (the "shared" directory files
   *     are read from), and where logs and work directories go
   */
  ProcessCluster(int executors, int slotsPerExecutor, String heap, Path directory) throws IOException {
    this.directory = Files.createDirectories(directory);
    int slots = executors * slotsPerExecutor;
    QuiverConfig config = new QuiverConfig(slots, 2 * slots, 8192, 1L << 30)
        .withDataDirectories(List.of(directory));
    this.quiver = StandaloneCluster.start(config, ClusterConfig.defaults("127.0.0.1", 0, new SharedSecret(SECRET))
        // Generous: this machine is shared and loaded; a killed executor is found at once anyway (unreachable).
        .withExecutorTimeoutMillis(20_000));
    this.backend = StandaloneCluster.backend(quiver);
    try {
      for (int i = 0; i < executors; i++) {
        List<String> before = backend.executorIds();
        Process process = ExecutorLauncher.start("127.0.0.1", backend.port(), slotsPerExecutor, heap,
            Files.createDirectories(directory.resolve("work")), SECRET, List.of("--driver-timeout", "3", "--data-dir", directory.toString()),
            directory.resolve("executor-" + i + ".log"));
        processes.put(awaitNewExecutor(before, process), process);
      }
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  private String awaitNewExecutor(List<String> before, Process process) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline) {
      List<String> now = new ArrayList<>(backend.executorIds());
      now.removeAll(before);
      if (!now.isEmpty()) {
        return now.get(0);
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("an executor process exited with " + process.exitValue() + "; see "
            + directory);
      }
      sleep(50);
    }
    throw new IllegalStateException("an executor did not register within 90 s; see " + directory);
  }

  /** Closes the driver; the executors notice and exit. Returns their exit values, or -1 for one still running. */
  List<Integer> closeAndAwaitExecutors() {
    quiver.close();
    List<Integer> exits = new ArrayList<>();
    for (Process process : processes.values()) {
      try {
        exits.add(process.waitFor(30, TimeUnit.SECONDS) ? process.exitValue() : -1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        exits.add(-1);
      }
    }
    processes.values().forEach(Process::destroyForcibly);
    return exits;
  }

  @Override
  public void close() {
    try {
      quiver.close();
    } finally {
      processes.values().forEach(Process::destroyForcibly);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
