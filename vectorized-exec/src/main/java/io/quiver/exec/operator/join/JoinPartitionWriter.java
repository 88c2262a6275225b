package io.quiver.exec.operator.join;

import io.quiver.exec.batch.KeyHashing;
import io.quiver.exec.batch.PartitionHash;
import io.quiver.exec.batch.RowCopier;
import io.quiver.exec.memory.TaskMemory;
import io.quiver.exec.shuffle.spill.SpillFile;
import io.quiver.exec.shuffle.spill.SpillFileWriter;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Writes one side of a spilled hash join to an Arrow IPC file in the task's spill directory, its
 * rows split into {@link #PARTITIONS} partitions by a hash of the join keys, so that the build and
 * probe rows of one key land in partitions of the same number. The hash is {@link KeyHashing}'s
 * (the same for a key whatever type width carries it on either side) mixed with a seed of the
 * level, so that a partition spilled again at the next level splits differently.
 *
 * <p>A row whose key has a NULL matches nothing, so it may go to any partition: such rows are dealt
 * round robin, which spreads many of them (an outer join's) over the partitions. NOT IN
 * ({@code separateNullKeys}) needs them apart instead, in partition {@link #NULL_KEYS}.
 *
 * <p>Rows are copied out in pieces of at most {@link #PIECE_ROWS} rows, so that spilling a large
 * chunk needs little memory besides the chunk itself. Not thread-safe.
 */
final class JoinPartitionWriter implements AutoCloseable {

  static final int PARTITIONS = 16;
  /** The partition of rows with a NULL key when they are kept apart. */
  static final int NULL_KEYS = PARTITIONS;
  private static final int PIECE_ROWS = 4096;

  /** A finished file and how many rows each of its partitions holds. */
  record Partitioned(SpillFile file, long[] rows, int level) {
    long totalRows() {
      long total = 0;
      for (long count : rows) {
        total += count;
      }
      return total;
    }

    long rows(int partition) {
      return rows[partition];
    }
  }

  private final TaskMemory memory;
  private final Schema schema;
  private final List<Integer> keys;
  private final int level;
  private final boolean separateNullKeys;
  private final BufferAllocator allocator;
  private final PartitionHash hashing = new PartitionHash();
  private final long[] rows = new long[PARTITIONS + 1];
  private SpillFileWriter writer;
  private int nextNullPartition;
  private int[] partitionOf = new int[0];
  private int[] positions = new int[0];

  JoinPartitionWriter(TaskMemory memory, String side, Schema schema, List<Integer> keys, int level,
      boolean separateNullKeys, BufferAllocator allocator) {
    this.memory = memory;
    this.schema = schema;
    this.keys = keys;
    this.level = level;
    this.separateNullKeys = separateNullKeys;
    this.allocator = allocator;
    this.writer = new SpillFileWriter(memory.newSpillFile("join-" + side + "-" + level), schema, PARTITIONS + 1,
        allocator);
  }

  /** Writes every row of {@code batch} (which stays with the caller) to its partition. */
  void write(VectorSchemaRoot batch) {
    int count = batch.getRowCount();
    if (count == 0) {
      return;
    }
    if (partitionOf.length < count) {
      partitionOf = new int[count];
      positions = new int[count];
    }
    long[] hashes = hashing.hashRows(batch, keys);
    long seed = 0xC2B2AE3D27D4EB4FL * (level + 1);
    int[] starts = new int[PARTITIONS + 2];
    for (int i = 0; i < count; i++) {
      int partition;
      if (!hasNullKey(batch, i)) {
        partition = KeyHashing.partition(KeyHashing.mix(hashes[i] ^ seed), PARTITIONS);
      } else if (separateNullKeys) {
        partition = NULL_KEYS;
      } else {
        partition = nextNullPartition;
        nextNullPartition = (nextNullPartition + 1) % PARTITIONS;
      }
      partitionOf[i] = partition;
      starts[partition + 1]++;
    }
    for (int p = 0; p <= PARTITIONS; p++) {
      starts[p + 1] += starts[p];
    }
    int[] next = java.util.Arrays.copyOf(starts, PARTITIONS + 1);
    for (int i = 0; i < count; i++) {
      positions[next[partitionOf[i]]++] = i;
    }
    for (int p = 0; p <= PARTITIONS; p++) {
      for (int from = starts[p]; from < starts[p + 1]; from += PIECE_ROWS) {
        int piece = Math.min(PIECE_ROWS, starts[p + 1] - from);
        try (VectorSchemaRoot part = copy(batch, from, piece)) {
          writer.write(p, part);
        }
        rows[p] += piece;
      }
    }
  }

  private boolean hasNullKey(VectorSchemaRoot batch, int row) {
    for (int key : keys) {
      FieldVector vector = batch.getVector(key);
      if (vector instanceof NullVector || vector.isNull(row)) {
        return true;
      }
    }
    return false;
  }

  /** Rows {@code positions[from..from+count)} of {@code batch} in a batch of this file's schema. */
  private VectorSchemaRoot copy(VectorSchemaRoot batch, int from, int count) {
    VectorSchemaRoot out = VectorSchemaRoot.create(schema, allocator);
    try {
      for (int column = 0; column < schema.getFields().size(); column++) {
        RowCopier.append(batch.getVector(column), positions, from, count, out.getVector(column), 0);
      }
      out.setRowCount(count);
      return out;
    } catch (RuntimeException | Error e) {
      out.close();
      throw e;
    }
  }

  /** Finishes the file and hands it over (counted as spilled in the task's metrics). */
  Partitioned finish() {
    SpillFile file = writer.finish();
    writer = null;
    memory.spilled(file.sizeInBytes());
    return new Partitioned(file, rows.clone(), level);
  }

  /** Deletes the file unless {@link #finish} handed it over. */
  @Override
  public void close() {
    if (writer != null) {
      writer.close();
      writer = null;
    }
  }
}
