package io.quiver.exec.operator.limit;

import io.quiver.exec.batch.Batches;
import io.quiver.exec.operator.Operator;
import io.quiver.exec.operator.OperatorState;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Skips {@code offset} rows, then passes at most {@code fetch} rows (all when {@code fetch < 0}).
 * Once {@code fetch} rows have passed it is finished, so the driver stops and closes its input.
 */
public final class LimitOperator implements Operator {

  private final BufferAllocator allocator;
  private long remainingOffset;
  private long remainingFetch;
  private VectorSchemaRoot output;
  private boolean finishing;
  private boolean closed;

  public LimitOperator(long offset, long fetch, BufferAllocator allocator) {
    if (offset < 0) {
      throw new IllegalArgumentException("offset must not be negative: " + offset);
    }
    this.allocator = allocator;
    this.remainingOffset = offset;
    this.remainingFetch = fetch < 0 ? Long.MAX_VALUE : fetch;
  }

  private boolean satisfied() {
    return remainingFetch == 0;
  }

  @Override
  public boolean needsInput() {
    return !finishing && !closed && !satisfied() && output == null;
  }

  @Override
  public void addInput(VectorSchemaRoot batch) {
    OperatorState.checkInputAllowed(needsInput(), this, batch);
    try {
      int rows = batch.getRowCount();
      int skip = (int) Math.min(remainingOffset, rows);
      remainingOffset -= skip;
      int take = (int) Math.min(rows - skip, remainingFetch);
      remainingFetch -= take;
      if (take == 0) {
        return;
      }
      if (skip == 0 && take == rows) {
        output = batch;
        batch = null;
      } else {
        output = Batches.slice(batch, skip, take, allocator);
      }
    } finally {
      if (batch != null) {
        batch.close();
      }
    }
  }

  @Override
  public VectorSchemaRoot getOutput() {
    VectorSchemaRoot batch = output;
    output = null;
    return batch;
  }

  @Override
  public void finish() {
    finishing = true;
  }

  @Override
  public boolean isFinished() {
    return (finishing || closed || satisfied()) && output == null;
  }

  @Override
  public void close() {
    closed = true;
    if (output != null) {
      output.close();
      output = null;
    }
  }
}
