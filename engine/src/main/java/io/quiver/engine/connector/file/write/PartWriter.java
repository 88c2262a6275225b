package io.quiver.engine.connector.file.write;

import org.apache.arrow.vector.VectorSchemaRoot;

/** Writes the batches one writer thread receives into one data file. Not thread-safe. */
interface PartWriter extends AutoCloseable {

  /** Writes a batch; the writer takes ownership of it. */
  void write(VectorSchemaRoot batch);

  /** Rows written so far. */
  long rows();

  /** Finishes the file so that it is complete on disk. */
  void finish();

  /** Releases everything; after a failure the file may be partial (the caller deletes it). */
  @Override
  void close();
}
