package io.quiver.engine.cluster;

import io.quiver.engine.QuiverConfig;
import io.quiver.engine.cluster.driver.ClusterTaskBackend;
import io.quiver.engine.cluster.driver.StandaloneCluster;
import io.quiver.engine.cluster.executor.ExecutorProcess;
import io.quiver.engine.cluster.executor.ExecutorSettings;
import io.quiver.engine.cluster.protocol.SharedSecret;
import io.quiver.engine.driver.LocalQuiver;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A driver on loopback with executors inside the test's JVM (each with its own allocators, Flight
 * server and store, talking to the driver over Flight as a process would). Tests of what happens
 * between processes start real processes instead.
 */
final class InProcessCluster implements AutoCloseable {

  static final String SECRET = "a-test-secret-of-enough-length";

  final LocalQuiver quiver;
  final ClusterTaskBackend backend;
  final List<ExecutorProcess> executors = new ArrayList<>();
  private final Path workDir;
  private final Path executorDataDir;

  InProcessCluster(int executorCount, int slotsPerExecutor, Path workDir) {
    this(executorCount, slotsPerExecutor, workDir, 4);
  }

  InProcessCluster(int executorCount, int slotsPerExecutor, Path workDir, int maxTaskAttempts) {
    this(executorCount, slotsPerExecutor, workDir, maxTaskAttempts, workDir);
  }

  /**
   * @param workDir the driver's data directory, and where executors keep their files
   * @param executorDataDir the executors' data directory
   */
  InProcessCluster(int executorCount, int slotsPerExecutor, Path workDir, int maxTaskAttempts, Path executorDataDir) {
    this.workDir = workDir;
    this.executorDataDir = executorDataDir;
    int slots = Math.max(1, executorCount * slotsPerExecutor);
    QuiverConfig config = new QuiverConfig(slots, 2 * slots, 8192, 1L << 30).withDataDirectories(List.of(workDir));
    this.quiver = StandaloneCluster.start(config, ClusterConfig.defaults("127.0.0.1", 0, new SharedSecret(SECRET))
        .withMaxTaskAttempts(maxTaskAttempts));
    this.backend = StandaloneCluster.backend(quiver);
    try {
      for (int i = 0; i < executorCount; i++) {
        executors.add(ExecutorProcess.start(settings(slotsPerExecutor, SECRET)));
      }
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  ExecutorSettings settings(int slots, String secret) {
    return new ExecutorSettings("127.0.0.1", backend.port(), slots, 256L << 20, workDir, "127.0.0.1", 0, "127.0.0.1",
        8192, 2_000, new SharedSecret(secret), null, false, List.of(executorDataDir));
  }

  @Override
  public void close() {
    RuntimeException failure = null;
    try {
      quiver.close();
    } catch (RuntimeException e) {
      failure = e;
    }
    for (ExecutorProcess executor : executors) {
      executor.close();
    }
    if (failure != null) {
      throw failure;
    }
  }
}
