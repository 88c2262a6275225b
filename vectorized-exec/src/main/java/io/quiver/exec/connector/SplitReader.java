package io.quiver.exec.connector;

import org.apache.arrow.vector.VectorSchemaRoot;

/** Reads one split as a sequence of batches. */
public interface SplitReader extends AutoCloseable {

  /** The next batch, owned by the caller, or null when the split is exhausted. */
  VectorSchemaRoot next();

  /** Releases whatever the reader holds. Idempotent. */
  @Override
  void close();
}
