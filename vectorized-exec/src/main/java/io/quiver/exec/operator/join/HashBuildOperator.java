package io.quiver.exec.operator.join;

import io.quiver.exec.operator.Operator;
import io.quiver.exec.operator.OperatorState;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The sink of a join's build pipeline: copies every build batch into {@link BuildRows} (from the
 * task allocator) and frees the batch. When its input is finished, {@link #takeRows} hands the rows
 * to the join; until then, and if they are never taken, {@link #close} frees them.
 */
final class HashBuildOperator implements Operator {

  private BuildRows rows;
  private boolean finished;
  private boolean closed;

  HashBuildOperator(Schema buildSchema, BufferAllocator allocator, int chunkShift) {
    this.rows = new BuildRows(buildSchema, allocator, chunkShift);
  }

  @Override
  public boolean needsInput() {
    return !finished && !closed;
  }

  @Override
  public void addInput(VectorSchemaRoot batch) {
    OperatorState.checkInputAllowed(needsInput(), this, batch);
    try (batch) {
      rows.append(batch);
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

  /** The collected rows, now owned by the caller. Only once, after the input finished. */
  BuildRows takeRows() {
    if (!finished || closed || rows == null) {
      throw new IllegalStateException("build rows are not complete or were already taken");
    }
    BuildRows taken = rows;
    rows = null;
    return taken;
  }

  @Override
  public void close() {
    closed = true;
    if (rows != null) {
      BuildRows held = rows;
      rows = null;
      held.close();
    }
  }
}
