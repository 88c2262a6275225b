package io.quiver.exec.shuffle.local;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The committed output of one map task: batches per reduce partition, held in the service's
 * allocator. Reference counted so that replacing or removing it while a reader still copies from
 * it frees the buffers only after that reader is done.
 */
final class MapOutput {

  private final List<List<VectorSchemaRoot>> partitions;
  private final AtomicInteger references = new AtomicInteger(1);

  MapOutput(List<List<VectorSchemaRoot>> partitions) {
    this.partitions = partitions;
  }

  int reducePartitionCount() {
    return partitions.size();
  }

  List<VectorSchemaRoot> batches(int reducePartition) {
    return partitions.get(reducePartition);
  }

  /** Takes a reference; false if the output was already freed. */
  boolean retain() {
    while (true) {
      int current = references.get();
      if (current <= 0) {
        return false;
      }
      if (references.compareAndSet(current, current + 1)) {
        return true;
      }
    }
  }

  /** Drops a reference; the last one frees every batch. */
  void release() {
    if (references.decrementAndGet() == 0) {
      for (List<VectorSchemaRoot> batches : partitions) {
        batches.forEach(VectorSchemaRoot::close);
      }
    }
  }
}
