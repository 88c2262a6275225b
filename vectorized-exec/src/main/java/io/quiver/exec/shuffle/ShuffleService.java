package io.quiver.exec.shuffle;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Holds exchange data between stages, addressed by (job, stage, map partition, reduce partition).
 * There is an in-process implementation and (later) an Arrow Flight one; readers do not care which.
 */
public interface ShuffleService {

  /**
   * Opens the writer for map partition {@code mapPartition} of a stage. A second attempt of the same
   * map partition replaces the first one's output when it commits.
   */
  ShuffleWriter openWriter(ShuffleId shuffle, int mapPartition, int reducePartitionCount, Schema schema);

  /**
   * Reads reduce partition {@code reducePartition} from map partitions 0 to
   * {@code mapPartitionCount - 1}, all of which must have committed. Returned batches are allocated
   * from {@code allocator} and owned by the caller.
   */
  ShuffleReader read(ShuffleId shuffle, int reducePartition, int mapPartitionCount,
      BufferAllocator allocator);

  /** Drops every output of a job. Idempotent. */
  void removeJob(String jobId);
}
