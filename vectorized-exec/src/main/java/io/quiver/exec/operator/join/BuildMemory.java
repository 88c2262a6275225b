package io.quiver.exec.operator.join;

import io.quiver.exec.batch.Batches;
import io.quiver.exec.memory.Spillable;
import io.quiver.exec.memory.TaskMemory;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Decides whether a join's build rows may grow in memory: before build rows take another batch,
 * the task must have room for the batch (twice, for the chunk's vectors growing), the growing chunk
 * doubling, the index of all the rows, and some batches' worth for probing; if it has not even after other consumers spilled (see
 * {@link TaskMemory#makeRoom}), the rows go to disk instead. The join itself never spills for its
 * own sake this way: it is the {@code owner} that asks.
 */
final class BuildMemory {

  /** How many build batches' worth of room the table leaves for probing. */
  private static final int PROBE_ALLOWANCE_BATCHES = 2;

  private final TaskMemory memory;
  private final Spillable owner;
  private final int keyCount;
  private final int outputRows;
  private long largestBatch;
  private long bytesPerRow;

  /** @param outputRows the most rows of an output batch of the join */
  BuildMemory(TaskMemory memory, Spillable owner, int keyCount, int outputRows) {
    this.memory = memory;
    this.owner = owner;
    this.keyCount = keyCount;
    this.outputRows = outputRows;
  }

  TaskMemory memory() {
    return memory;
  }

  /** True when {@code rows} may take {@code batch}, with its index; false when they must go to disk. */
  boolean roomFor(BuildRows rows, VectorSchemaRoot batch) {
    long after = (long) rows.rowCount() + batch.getRowCount();
    long batchBytes = Batches.allocatedBytes(batch);
    largestBatch = Math.max(largestBatch, batchBytes);
    bytesPerRow = Math.max(bytesPerRow, batchBytes / Math.max(1, batch.getRowCount()));
    long needed = 2 * batchBytes + rows.growingChunkBytes() + indexCharge(after) + probeAllowance();
    return memory.makeRoom(needed, owner);
  }

  /** True when the index of {@code rows} fits now. */
  boolean roomForIndex(BuildRows rows) {
    return memory.makeRoom(indexCharge(rows.rowCount()) + probeAllowance(), owner);
  }

  /**
   * Room left for probing once the table is built: a probe batch, the gathered candidates, the
   * residual's result and the output, guessed from the widest build rows seen (probe rows as wide).
   */
  private long probeAllowance() {
    return PROBE_ALLOWANCE_BATCHES * Math.max(largestBatch, 2 * bytesPerRow * outputRows);
  }

  /** What the index's reservation takes: Arrow rounds a reservation up to a power of two. */
  private long indexCharge(long rowCount) {
    long bytes = JoinHashTable.indexBytes(rowCount, keyCount);
    return bytes <= 1 ? bytes : Long.highestOneBit(bytes - 1) << 1;
  }
}
