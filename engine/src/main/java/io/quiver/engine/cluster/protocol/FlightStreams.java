package io.quiver.engine.cluster.protocol;

import org.apache.arrow.flight.FlightProducer.ServerStreamListener;

/** What the cluster's Flight servers share when they send a stream. */
public final class FlightStreams {

  private FlightStreams() {
  }

  /** Holds the stream while the client is behind, so a slow reader does not pile batches up in the server. */
  public static void awaitReady(ServerStreamListener listener) {
    while (!listener.isReady() && !listener.isCancelled()) {
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
