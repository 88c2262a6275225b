package io.quiver.engine.cluster;

import io.quiver.engine.cluster.protocol.ClusterTls;
import io.quiver.engine.cluster.protocol.SharedSecret;

/**
 * The driver's side of a standalone cluster ({@code quiver server --cluster standalone} options).
 *
 * @param bindHost the interface the driver's cluster port listens on
 * @param port the port executors register at; 0 for any free port
 * @param secret what every member must present
 * @param tls null for plain connections
 * @param heartbeatIntervalMillis how often executors send a heartbeat
 * @param executorTimeoutMillis an executor silent this long is lost
 * @param maxTaskAttempts attempts per task (its own failures) before the query fails
 * @param executorWaitMillis how long tasks wait while no executor is registered before they fail
 * @param allowPlaintext listen on a non-loopback address without TLS (see {@link ClusterOptions#checkBind})
 */
public record ClusterConfig(String bindHost, int port, SharedSecret secret, ClusterTls tls,
    long heartbeatIntervalMillis, long executorTimeoutMillis, int maxTaskAttempts, long executorWaitMillis,
    boolean allowPlaintext) {

  public static final int DEFAULT_PORT = 7077;

  public ClusterConfig {
    if (secret == null) {
      throw new IllegalArgumentException("the cluster secret is required");
    }
    if (heartbeatIntervalMillis < 1 || executorTimeoutMillis <= heartbeatIntervalMillis) {
      throw new IllegalArgumentException("the executor timeout (" + executorTimeoutMillis
          + " ms) must be longer than the heartbeat interval (" + heartbeatIntervalMillis + " ms)");
    }
    if (maxTaskAttempts < 1) {
      throw new IllegalArgumentException("max task attempts must be at least 1, was " + maxTaskAttempts);
    }
  }

  /**
   * Heartbeats every 500 ms, an executor lost after 6 s of silence (sooner when a call to it finds it
   * unreachable), 4 attempts per task (as Spark), tasks fail after 60 s without any executor.
   */
  public static ClusterConfig defaults(String bindHost, int port, SharedSecret secret) {
    return new ClusterConfig(bindHost, port, secret, null, 500, 6_000, 4, 60_000, false);
  }

  /** The same configuration, allowed (or not) to listen on a non-loopback address without TLS. */
  public ClusterConfig withAllowPlaintext(boolean allow) {
    return new ClusterConfig(bindHost, port, secret, tls, heartbeatIntervalMillis, executorTimeoutMillis,
        maxTaskAttempts, executorWaitMillis, allow);
  }

  public ClusterConfig withTls(ClusterTls newTls) {
    return new ClusterConfig(bindHost, port, secret, newTls, heartbeatIntervalMillis, executorTimeoutMillis,
        maxTaskAttempts, executorWaitMillis, allowPlaintext);
  }

  public ClusterConfig withMaxTaskAttempts(int attempts) {
    return new ClusterConfig(bindHost, port, secret, tls, heartbeatIntervalMillis, executorTimeoutMillis, attempts,
        executorWaitMillis, allowPlaintext);
  }

  public ClusterConfig withExecutorTimeoutMillis(long millis) {
    return new ClusterConfig(bindHost, port, secret, tls, heartbeatIntervalMillis, millis, maxTaskAttempts,
        executorWaitMillis, allowPlaintext);
  }

  public ClusterConfig withExecutorWaitMillis(long millis) {
    return new ClusterConfig(bindHost, port, secret, tls, heartbeatIntervalMillis, executorTimeoutMillis,
        maxTaskAttempts, millis, allowPlaintext);
  }
}
