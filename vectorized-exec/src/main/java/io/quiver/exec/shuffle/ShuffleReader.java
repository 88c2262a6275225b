package io.quiver.exec.shuffle;

import org.apache.arrow.vector.VectorSchemaRoot;

/** Reads one reduce partition of an exchange, batch by batch. */
public interface ShuffleReader extends AutoCloseable {

  /** The next batch, owned by the caller, or null when every map partition has been read. */
  VectorSchemaRoot next();

  /** Releases whatever the reader still holds. Idempotent. */
  @Override
  void close();
}
