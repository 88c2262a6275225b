package io.quiver.exec.operator.sink;

import io.quiver.exec.operator.Operator;
import io.quiver.exec.shuffle.MapOutputStatistics;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The last operator of a task's pipeline: it consumes batches and produces none. Finished once it
 * has been told input ended and has published everything.
 */
public abstract class SinkOperator implements Operator {

  private boolean finished;
  private boolean closed;

  /** What the sink wrote; valid once finished. */
  public abstract MapOutputStatistics statistics();

  /** Consumes one batch (owned by the sink). */
  protected abstract void consume(VectorSchemaRoot batch);

  /** Publishes everything (flush, commit); called once, when input ended. */
  protected abstract void complete();

  /** Releases everything; drops unpublished output. */
  protected abstract void release();

  @Override
  public final boolean needsInput() {
    return !finished && !closed;
  }

  @Override
  public final void addInput(VectorSchemaRoot batch) {
    if (!needsInput()) {
      batch.close();
      throw new IllegalStateException(getClass().getSimpleName() + ".addInput after finish or close");
    }
    consume(batch);
  }

  @Override
  public final VectorSchemaRoot getOutput() {
    return null;
  }

  @Override
  public final void finish() {
    if (finished || closed) {
      return;
    }
    complete();
    finished = true;
  }

  @Override
  public final boolean isFinished() {
    return finished;
  }

  @Override
  public final void close() {
    if (closed) {
      return;
    }
    closed = true;
    release();
  }
}
