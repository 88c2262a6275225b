package io.quiver.engine.cluster.executor;

import io.quiver.engine.cluster.protocol.FlightEndpoints;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.memory.BufferAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One Flight client per other executor, opened when first needed and shared by all tasks. */
final class PeerClients implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PeerClients.class);

  private final FlightEndpoints endpoints;
  private final BufferAllocator allocator;
  private final Map<String, FlightClient> clients = new ConcurrentHashMap<>();

  PeerClients(FlightEndpoints endpoints, BufferAllocator allocator) {
    this.endpoints = endpoints;
    this.allocator = allocator;
  }

  FlightClient get(String host, int port) {
    return clients.computeIfAbsent(host + ":" + port, key -> endpoints.connect(allocator, host, port));
  }

  /** Streams of a client read into this allocator. */
  BufferAllocator allocator() {
    return allocator;
  }

  @Override
  public void close() {
    List<FlightClient> open = new ArrayList<>(clients.values());
    clients.clear();
    for (FlightClient client : open) {
      try {
        client.close();
      } catch (Exception e) {
        LOG.debug("closing a peer client failed", e);
      }
    }
  }
}
