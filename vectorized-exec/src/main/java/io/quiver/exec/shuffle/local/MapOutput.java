package io.quiver.exec.shuffle.local;

import io.quiver.exec.shuffle.spill.SpillFile;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The committed output of one map task: either batches per reduce partition held in the service's
 * allocator, or a spill file on disk. Reference counted so that replacing or removing it while a
 * reader still reads from it frees the buffers (or deletes the file) only after that reader is done.
 */
final class MapOutput {

  private final List<List<VectorSchemaRoot>> partitions;
  private final SpillFile spillFile;
  private final AtomicInteger references = new AtomicInteger(1);

  private MapOutput(List<List<VectorSchemaRoot>> partitions, SpillFile spillFile) {
    this.partitions = partitions;
    this.spillFile = spillFile;
  }

  static MapOutput inMemory(List<List<VectorSchemaRoot>> partitions) {
    return new MapOutput(partitions, null);
  }

  static MapOutput spilled(SpillFile file) {
    return new MapOutput(null, file);
  }

  int reducePartitionCount() {
    return spillFile != null ? spillFile.reducePartitionCount() : partitions.size();
  }

  /** The spill file, or null when the batches are in memory. */
  SpillFile spillFile() {
    return spillFile;
  }

  /** The in-memory batches of one reduce partition; only when {@link #spillFile()} is null. */
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

  /** Drops a reference; the last one frees every batch or deletes the spill file. */
  void release() {
    if (references.decrementAndGet() == 0) {
      if (spillFile != null) {
        spillFile.delete();
      } else {
        for (List<VectorSchemaRoot> batches : partitions) {
          batches.forEach(VectorSchemaRoot::close);
        }
      }
    }
  }
}
