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
  /** Guarded by the backend's lock, like {@code freeSlots}. */
  final io.quiver.engine.executor.SlotNumbers slotNumbers;
  volatile long lastHeartbeatNanos = System.nanoTime();

  RemoteExecutor(String id, String host, int port, int slots, FlightClient client) {
    this.id = id;
    this.host = host;
    this.port = port;
    this.slots = slots;
    this.client = client;
    this.freeSlots = slots;
    this.slotNumbers = new io.quiver.engine.executor.SlotNumbers(slots);
  }

  /** A task takes a slot here: its number. Under the backend's lock. */
  int takeSlot() {
    freeSlots--;
    return slotNumbers.take();
  }

  /** The task in {@code slot} ended. Under the backend's lock. */
  void releaseSlot(int slot) {
    slotNumbers.release(slot);
    freeSlots++;
  }

  @Override
  public String toString() {
    return id + " (" + host + ":" + port + ", " + slots + " slots)";
  }
}
