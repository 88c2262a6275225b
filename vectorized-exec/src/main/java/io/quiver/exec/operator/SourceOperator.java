package io.quiver.exec.operator;

import org.apache.arrow.vector.VectorSchemaRoot;

/** Base of operators that produce batches without input: they never need input. */
public abstract class SourceOperator implements Operator {

  @Override
  public final boolean needsInput() {
    return false;
  }

  @Override
  public final void addInput(VectorSchemaRoot batch) {
    batch.close();
    throw new IllegalStateException(getClass().getSimpleName() + " is a source and takes no input");
  }

  /** A source has no upstream; being told so changes nothing. */
  @Override
  public void finish() {
  }
}
