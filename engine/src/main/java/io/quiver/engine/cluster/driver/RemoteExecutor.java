package io.quiver.engine.cluster.driver;

import io.quiver.exec.task.TaskId;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.arrow.flight.FlightClient;

/**
 * A registered executor process as the driver sees it. {@code freeSlots} and {@code running} are
 * guarded by the backend's lock; {@code stagesSent} remembers which stages' fragments it has.
 */
final class RemoteExecutor {

  final String id;
  final String host;
  final int port;
  final int slots;
  final FlightClient client;
  final Map<TaskId, ClusterTask> running = new HashMap<>();
  final Map<String, CompletableFuture<Void>> stagesSent = new ConcurrentHashMap<>();
  int freeSlots;
  volatile long lastHeartbeatNanos = System.nanoTime();

  RemoteExecutor(String id, String host, int port, int slots, FlightClient client) {
    this.id = id;
    this.host = host;
    this.port = port;
    this.slots = slots;
    this.client = client;
    this.freeSlots = slots;
  }

  @Override
  public String toString() {
    return id + " (" + host + ":" + port + ", " + slots + " slots)";
  }
}
