package io.quiver.engine.cluster.executor;

import io.quiver.engine.cluster.protocol.ClusterTls;
import io.quiver.engine.cluster.protocol.SharedSecret;
import java.nio.file.Path;
import java.util.List;

/**
 * How an executor process is set up ({@code quiver executor} options).
 *
 * @param driverHost where the driver's cluster port is (in Kubernetes: its Service name)
 * @param slots tasks it runs at once
 * @param memoryBytes the most bytes its task and shuffle buffers may hold
 * @param workDir where it keeps files (spilled shuffle output); its own subdirectory is removed at exit
 * @param bindHost the interface its Flight server listens on
 * @param port its Flight server's port; 0 for any free port
 * @param advertisedHost how the driver and other executors reach it (in Kubernetes: the pod IP)
 * @param batchSize rows per batch
 * @param driverTimeoutMillis how long it keeps going without reaching the driver before it exits
 * @param tls null for plain connections
 * @param allowPlaintext listen on a non-loopback address without TLS
 * @param dataDirectories the directories its tasks may read files from (a path every executor and the
 *     driver can read, such as a shared mount); empty for the working directory
 */
public record ExecutorSettings(String driverHost, int driverPort, int slots, long memoryBytes, Path workDir,
    String bindHost, int port, String advertisedHost, int batchSize, long driverTimeoutMillis, SharedSecret secret,
    ClusterTls tls, boolean allowPlaintext, List<Path> dataDirectories) {

  public ExecutorSettings {
    if (slots < 1) {
      throw new IllegalArgumentException("slots must be at least 1, was " + slots);
    }
    if (memoryBytes < 1) {
      throw new IllegalArgumentException("memory must be positive, was " + memoryBytes);
    }
    if (secret == null) {
      throw new IllegalArgumentException("the cluster secret is required");
    }
    dataDirectories = List.copyOf(dataDirectories);
  }

  /** The data directories in effect: the configured ones, or the working directory. */
  public List<Path> effectiveDataDirectories() {
    return dataDirectories.isEmpty() ? List.of(Path.of("").toAbsolutePath()) : dataDirectories;
  }
}
