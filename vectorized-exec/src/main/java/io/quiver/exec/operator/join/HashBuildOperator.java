package io.quiver.exec.operator.join;

import io.quiver.exec.operator.Operator;
import io.quiver.exec.operator.OperatorState;
import java.util.function.Supplier;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The sink of a join's build pipeline: copies every build batch into {@link BuildRows} (from the
 * task allocator) and frees the batch. A join that may spill gives it a {@link BuildMemory}: when
 * the rows may not grow by the next batch, or when the join is asked to spill, the rows held go to
 * a {@link JoinPartitionWriter} and every later batch follows them there. When its input is
 * finished, {@link #takeRows} or {@link #takeSpill} hands the rows to the join; until then, and if
 * they are never taken, {@link #close} frees them (and deletes the file).
 */
final class HashBuildOperator implements Operator {

  private final BuildMemory memory;
  private final Supplier<JoinPartitionWriter> newSpill;
  private BuildRows rows;
  private JoinPartitionWriter spill;
  private boolean finished;
  private boolean closed;

  /** A sink that keeps every row in memory. */
  HashBuildOperator(Schema buildSchema, BufferAllocator allocator, int chunkShift) {
    this(buildSchema, allocator, chunkShift, null, null);
  }

  /**
   * @param memory decides whether the rows may grow; null to keep every row in memory
   * @param newSpill opens the level-0 partition file of the build side
   */
  HashBuildOperator(Schema buildSchema, BufferAllocator allocator, int chunkShift, BuildMemory memory,
      Supplier<JoinPartitionWriter> newSpill) {
    this.rows = new BuildRows(buildSchema, allocator, chunkShift);
    this.memory = memory;
    this.newSpill = newSpill;
  }

  @Override
  public boolean needsInput() {
    return !finished && !closed;
  }

  @Override
  public void addInput(VectorSchemaRoot batch) {
    OperatorState.checkInputAllowed(needsInput(), this, batch);
    try (batch) {
      if (batch.getRowCount() == 0) {
        return;
      }
      if (spill == null && memory != null && !memory.roomFor(rows, batch)) {
        spill();
      }
      if (spill != null) {
        spill.write(batch);
      } else {
        rows.append(batch);
      }
    }
  }

  @Override
  public VectorSchemaRoot getOutput() {
    return null;
  }

  @Override
  public void finish() {
    finished = true;
  }

  @Override
  public boolean isFinished() {
    return finished || closed;
  }

  boolean canSpill() {
    return memory != null && !closed;
  }

  boolean spilled() {
    return spill != null;
  }

  /** The rows held in memory (empty once spilled); they stay with this operator. */
  BuildRows rowsHeld() {
    return rows;
  }

  /** Bytes the rows held in memory take; 0 once they went to disk. */
  long heldBytes() {
    return rows == null || spill != null ? 0 : rows.allocatedBytes();
  }

  /** Writes the rows held to the partition file; from now on every row goes there. Returns the bytes freed. */
  long spill() {
    if (!canSpill() || rows == null) {
      return 0;
    }
    long freed = rows.allocatedBytes();
    if (spill == null) {
      spill = newSpill.get();
    }
    for (int c = 0; c < rows.chunkCount(); c++) {
      spill.write(rows.chunk(c));
    }
    BuildRows written = rows;
    rows = new BuildRows(written.schema(), written.allocator(), written.chunkShift());
    written.close();
    return freed;
  }

  /** The collected rows, now owned by the caller. Only once, after the input finished, when not spilled. */
  BuildRows takeRows() {
    if (!finished || closed || rows == null || spill != null) {
      throw new IllegalStateException("build rows are not complete, were spilled or were already taken");
    }
    BuildRows taken = rows;
    rows = null;
    return taken;
  }

  /** The finished partition file of the rows, now owned by the caller. Only once, after the input finished. */
  JoinPartitionWriter.Partitioned takeSpill() {
    if (!finished || closed || spill == null) {
      throw new IllegalStateException("build rows are not complete or were not spilled");
    }
    JoinPartitionWriter writer = spill;
    spill = null;
    rows.close();
    rows = null;
    return writer.finish();
  }

  @Override
  public void close() {
    closed = true;
    if (rows != null) {
      BuildRows held = rows;
      rows = null;
      held.close();
    }
    if (spill != null) {
      JoinPartitionWriter writer = spill;
      spill = null;
      writer.close();
    }
  }
}
