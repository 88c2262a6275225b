package io.quiver.exec.operator.aggregate;

import io.quiver.exec.batch.KeyHashing;
import io.quiver.exec.batch.PartitionHash;
import io.quiver.exec.batch.RowCopier;
import io.quiver.exec.memory.TaskMemory;
import io.quiver.exec.shuffle.spill.SpillFile;
import io.quiver.exec.shuffle.spill.SpillFileReader;
import io.quiver.exec.shuffle.spill.SpillFileWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The groups a hash aggregate wrote to disk: each spill is one Arrow IPC file of partial state
 * (group keys, then every call's intermediate columns), its rows split into {@link #PARTITIONS}
 * partitions by a hash of the keys, so that one group's rows from every spill land in the same
 * partition. Merging back takes one partition at a time through a fresh aggregate (made by the
 * caller) that combines the partial state; each partition is about a sixteenth of the groups.
 *
 * <p>The partition comes from the key hash mixed with the spill level, not from its high bits: the
 * rows of one task after a hash exchange share those bits, and a partition that spills again must
 * split differently. {@link #close} deletes every file.
 */
final class AggregateSpill implements AutoCloseable {

  static final int PARTITIONS = 16;

  private final Schema schema;
  private final List<Integer> keyColumns;
  private final int level;
  private final TaskMemory memory;
  private final BufferAllocator allocator;
  private final PartitionHash hashing = new PartitionHash();
  private final List<SpillFile> files = new ArrayList<>();
  private SpillFileWriter writer;
  private int[] partitionOf = new int[0];
  private int[] positions = new int[0];

  // merging back
  private int partition = -1;
  private int file;
  private SpillFileReader reader;
  private HashAggregateOperator merge;

  /**
   * @param schema the partial state's columns: the group keys first
   * @param level how many times the groups were spilled and merged already (0 for the first)
   */
  AggregateSpill(Schema schema, int keyCount, int level, TaskMemory memory) {
    this.schema = schema;
    List<Integer> keys = new ArrayList<>();
    for (int i = 0; i < keyCount; i++) {
      keys.add(i);
    }
    this.keyColumns = List.copyOf(keys);
    this.level = level;
    this.memory = memory;
    this.allocator = memory.allocator();
  }

  int level() {
    return level;
  }

  /** Starts writing a spill. */
  void begin() {
    writer = new SpillFileWriter(memory.newSpillFile("aggregate-" + level), schema, PARTITIONS, allocator);
  }

  /** Writes the rows of a batch of partial state (which stays with the caller) to their partitions. */
  void write(VectorSchemaRoot batch) {
    int rows = batch.getRowCount();
    if (partitionOf.length < rows) {
      partitionOf = new int[rows];
      positions = new int[rows];
    }
    long[] hashes = hashing.hashRows(batch, keyColumns);
    long seed = 0x9E3779B97F4A7C15L * (level + 1);
    int[] counts = new int[PARTITIONS + 1];
    for (int i = 0; i < rows; i++) {
      partitionOf[i] = KeyHashing.partition(KeyHashing.mix(hashes[i] ^ seed), PARTITIONS);
      counts[partitionOf[i] + 1]++;
    }
    for (int p = 0; p < PARTITIONS; p++) {
      counts[p + 1] += counts[p];
    }
    int[] next = java.util.Arrays.copyOf(counts, PARTITIONS);
    for (int i = 0; i < rows; i++) {
      positions[next[partitionOf[i]]++] = i;
    }
    for (int p = 0; p < PARTITIONS; p++) {
      int count = counts[p + 1] - counts[p];
      if (count > 0) {
        try (VectorSchemaRoot part = RowCopier.copyRows(batch, positions, counts[p], count, allocator)) {
          writer.write(p, part);
        }
      }
    }
  }

  /** Finishes the spill begun last. */
  void end() {
    SpillFile spilled = writer.finish();
    writer = null;
    files.add(spilled);
    memory.spilled(spilled.sizeInBytes());
  }

  boolean isEmpty() {
    return files.isEmpty();
  }

  /**
   * One bounded step of merging back: feeds one spilled batch to the current partition's aggregate,
   * or returns one of its output batches, or moves to the next partition.
   *
   * @param newMerge makes the aggregate that combines one partition's partial state
   * @return an output batch (the caller's), or null when this step produced none
   */
  VectorSchemaRoot mergeStep(IntFunction<HashAggregateOperator> newMerge) {
    if (merge == null) {
      partition++;
      if (partition >= PARTITIONS) {
        return null;
      }
      file = 0;
      merge = newMerge.apply(level + 1);
    }
    if (!merge.isFinished() && merge.needsInput()) {
      if (reader == null && file < files.size()) {
        reader = files.get(file).openReader(partition, allocator);
      }
      if (reader != null) {
        VectorSchemaRoot batch = reader.next();
        if (batch != null) {
          merge.addInput(batch);
          return null;
        }
        reader.close();
        reader = null;
        file++;
        return null;
      }
      merge.finish();
    }
    VectorSchemaRoot output = merge.getOutput();
    if (output == null && merge.isFinished()) {
      merge.close();
      merge = null;
    }
    return output;
  }

  /** True when every partition was merged and emitted. */
  boolean merged() {
    return partition >= PARTITIONS;
  }

  @Override
  public void close() {
    if (reader != null) {
      reader.close();
      reader = null;
    }
    if (merge != null) {
      merge.close();
      merge = null;
    }
    if (writer != null) {
      writer.close();
      writer = null;
    }
    files.forEach(SpillFile::delete);
    files.clear();
  }
}
