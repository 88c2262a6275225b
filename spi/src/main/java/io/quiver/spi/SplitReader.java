package io.quiver.spi;

import org.apache.arrow.vector.VectorSchemaRoot;

/** Reads one split as a sequence of Arrow batches; used by one task thread. */
public interface SplitReader extends AutoCloseable {

  /** The next batch (at least one row), owned by the caller; null when the split is exhausted. */
  VectorSchemaRoot next();

  /** Releases what the reader holds; idempotent. */
  @Override
  void close();
}
