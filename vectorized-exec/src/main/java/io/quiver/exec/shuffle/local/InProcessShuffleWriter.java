package io.quiver.exec.shuffle.local;

import io.quiver.exec.batch.Batches;
import io.quiver.exec.shuffle.MapOutputStatistics;
import io.quiver.exec.shuffle.ShuffleWriter;
import io.quiver.exec.shuffle.spill.SpillFile;
import io.quiver.exec.shuffle.spill.SpillFileWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Collects one map task's batches in the service's allocator until commit publishes them. When the
 * service says its memory is full, the batches held so far go to a spill file and so does every
 * later batch: one map output is either wholly in memory or wholly on disk.
 */
final class InProcessShuffleWriter implements ShuffleWriter {

  private final InProcessShuffleService service;
  private final MapOutputKey key;
  private final Schema schema;
  private final BufferAllocator allocator;
  private final List<List<VectorSchemaRoot>> partitions;
  private final long[] rows;
  private final long[] bytes;
  private SpillFileWriter spillWriter;
  private SpillFile spilled;
  private boolean committed;
  private boolean aborted;

  InProcessShuffleWriter(InProcessShuffleService service, MapOutputKey key, int reducePartitionCount, Schema schema,
      BufferAllocator allocator) {
    this.service = service;
    this.key = key;
    this.schema = schema;
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
    long size = Batches.sizeInBytes(batch);
    int rowCount = batch.getRowCount();
    try {
      if (spillWriter != null || service.shouldSpill(size)) {
        checkSchema(batch); // before anything held moves to a file
        if (spillWriter == null) {
          startSpilling();
        }
        spillWriter.write(reducePartition, batch);
        batch.close();
      } else {
        partitions.get(reducePartition).add(Batches.moveTo(batch, allocator));
      }
    } catch (RuntimeException | Error e) {
      batch.close();
      throw e;
    }
    rows[reducePartition] += rowCount;
    bytes[reducePartition] += size;
  }

  /** Spill files hold the declared schema: a batch must have its column types (names may differ). */
  private void checkSchema(VectorSchemaRoot batch) {
    List<Field> actual = batch.getSchema().getFields();
    List<Field> declared = schema.getFields();
    boolean same = actual.size() == declared.size();
    for (int i = 0; same && i < actual.size(); i++) {
      same = actual.get(i).getType().equals(declared.get(i).getType());
    }
    if (!same) {
      throw new IllegalArgumentException("batch " + batch.getSchema() + " written to " + key
          + " does not have the declared column types " + schema);
    }
  }

  /** Moves what is held so far into a new spill file; later batches go straight there. */
  private void startSpilling() {
    SpillFileWriter file = new SpillFileWriter(service.newSpillPath(key), schema, partitions.size(), allocator);
    try {
      for (int partition = 0; partition < partitions.size(); partition++) {
        for (VectorSchemaRoot held : partitions.get(partition)) {
          file.write(partition, held);
        }
      }
    } catch (RuntimeException | Error e) {
      file.close();
      throw e;
    }
    spillWriter = file;
    for (List<VectorSchemaRoot> batches : partitions) {
      batches.forEach(VectorSchemaRoot::close);
      batches.clear();
    }
  }

  @Override
  public synchronized MapOutputStatistics commit() {
    if (committed) {
      throw new IllegalStateException("shuffle writer for " + key + " already committed");
    }
    if (aborted) {
      throw new IllegalStateException("shuffle writer for " + key + " was aborted");
    }
    MapOutput output;
    if (spillWriter != null) {
      SpillFile file = spillWriter.finish();
      spillWriter = null;
      spilled = file;
      output = MapOutput.spilled(file);
    } else {
      output = MapOutput.inMemory(partitions);
    }
    committed = true;
    service.publish(key, output);
    return new MapOutputStatistics(rows.clone(), bytes.clone());
  }

  @Override
  public synchronized long spillBytes() {
    return spilled == null ? 0 : spilled.sizeInBytes();
  }

  @Override
  public synchronized long spillFiles() {
    return spilled == null ? 0 : 1;
  }

  @Override
  public synchronized void abort() {
    if (committed || aborted) {
      return;
    }
    aborted = true;
    if (spillWriter != null) {
      spillWriter.close();
      spillWriter = null;
    }
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
