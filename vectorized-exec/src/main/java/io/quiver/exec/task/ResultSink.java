package io.quiver.exec.task;

import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Receives the result stage's batches on the driver side. {@link #accept} may block while the
 * client has not consumed earlier batches (back-pressure), and throws once the query is cancelled.
 */
public interface ResultSink {

  /** Takes ownership of a result batch. */
  void accept(VectorSchemaRoot batch);
}
