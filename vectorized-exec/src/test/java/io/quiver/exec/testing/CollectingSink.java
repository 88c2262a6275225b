package io.quiver.exec.testing;

import io.quiver.exec.operator.Operator;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;

/** A sink that keeps every batch it is given (the test closes them, e.g. via {@link TestTables#drain}). */
public class CollectingSink implements Operator {

  private final List<VectorSchemaRoot> batches = new ArrayList<>();
  private boolean finished;
  private boolean closed;

  public List<VectorSchemaRoot> batches() {
    return batches;
  }

  @Override
  public boolean needsInput() {
    return !finished && !closed;
  }

  @Override
  public void addInput(VectorSchemaRoot batch) {
    batches.add(batch);
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
    return finished;
  }

  public boolean isClosed() {
    return closed;
  }

  @Override
  public void close() {
    closed = true;
  }
}
