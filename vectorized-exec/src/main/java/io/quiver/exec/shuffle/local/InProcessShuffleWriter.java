package io.quiver.exec.shuffle.local;

import io.quiver.exec.batch.Batches;
import io.quiver.exec.shuffle.MapOutputStatistics;
import io.quiver.exec.shuffle.ShuffleWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Collects one map task's batches in the service's allocator until commit publishes them. */
final class InProcessShuffleWriter implements ShuffleWriter {

  private final InProcessShuffleService service;
  private final MapOutputKey key;
  private final BufferAllocator allocator;
  private final List<List<VectorSchemaRoot>> partitions;
  private final long[] rows;
  private final long[] bytes;
  private boolean committed;
  private boolean aborted;

  InProcessShuffleWriter(InProcessShuffleService service, MapOutputKey key, int reducePartitionCount,
      BufferAllocator allocator) {
    this.service = service;
    this.key = key;
    this.allocator = allocator;
    this.partitions = new ArrayList<>(reducePartitionCount);
    for (int i = 0; i < reducePartitionCount; i++) {
      partitions.add(new ArrayList<>());
    }
    this.rows = new long[reducePartitionCount];
    this.bytes = new long[reducePartitionCount];
  }

  @Override
  public synchronized void write(int reducePartition, VectorSchemaRoot batch) {
    if (committed || aborted) {
      batch.close();
      throw new IllegalStateException("shuffle writer for " + key + " is " + (committed ? "committed" : "aborted"));
    }
    if (reducePartition < 0 || reducePartition >= partitions.size()) {
      batch.close();
      throw new IllegalArgumentException("reduce partition " + reducePartition + " out of range 0.."
          + (partitions.size() - 1) + " for " + key);
    }
    if (batch.getRowCount() == 0) {
      batch.close();
      return;
    }
    VectorSchemaRoot held = Batches.moveTo(batch, allocator);
    partitions.get(reducePartition).add(held);
    rows[reducePartition] += held.getRowCount();
    bytes[reducePartition] += Batches.sizeInBytes(held);
  }

  @Override
  public synchronized MapOutputStatistics commit() {
    if (committed) {
      throw new IllegalStateException("shuffle writer for " + key + " already committed");
    }
    if (aborted) {
      throw new IllegalStateException("shuffle writer for " + key + " was aborted");
    }
    service.publish(key, new MapOutput(partitions));
    committed = true;
    return new MapOutputStatistics(rows.clone(), bytes.clone());
  }

  @Override
  public synchronized void abort() {
    if (committed || aborted) {
      return;
    }
    aborted = true;
    for (List<VectorSchemaRoot> batches : partitions) {
      batches.forEach(VectorSchemaRoot::close);
      batches.clear();
    }
  }

  @Override
  public void close() {
    abort();
  }
}
