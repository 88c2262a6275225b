package io.quiver.exec.shuffle;

import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Writes the output of one map task (one partition of a stage) into reduce partitions. Nothing
 * written is visible to readers until {@link #commit}; {@link #abort} drops it all.
 */
public interface ShuffleWriter extends AutoCloseable {

  /** Appends a batch to one reduce partition; the writer takes ownership of the batch. */
  void write(int reducePartition, VectorSchemaRoot batch);

  /** Publishes everything written, atomically, and returns what was written. */
  MapOutputStatistics commit();

  /** Bytes of spill files this writer wrote (its output went to disk instead of memory); 0 if none. */
  default long spillBytes() {
    return 0;
  }

  /** Spill files this writer wrote; 0 if its output stayed in memory. */
  default long spillFiles() {
    return 0;
  }

  /** Drops everything written. Idempotent; safe after commit (then it does nothing). */
  void abort();

  /** Aborts unless committed. */
  @Override
  void close();
}
