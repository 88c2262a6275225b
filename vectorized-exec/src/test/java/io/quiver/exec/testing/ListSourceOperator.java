package io.quiver.exec.testing;

import io.quiver.exec.operator.SourceOperator;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;

/** A source that hands out prepared batches; counts how many it handed out; closes the rest on close. */
public final class ListSourceOperator extends SourceOperator {

  private final Deque<VectorSchemaRoot> batches;
  private int produced;
  private boolean closed;

  public ListSourceOperator(List<VectorSchemaRoot> batches) {
    this.batches = new ArrayDeque<>(batches);
  }

  @Override
  public VectorSchemaRoot getOutput() {
    if (closed || batches.isEmpty()) {
      return null;
    }
    produced++;
    return batches.poll();
  }

  public int produced() {
    return produced;
  }

  public boolean isClosed() {
    return closed;
  }

  @Override
  public boolean isFinished() {
    return closed || batches.isEmpty();
  }

  @Override
  public void close() {
    closed = true;
    batches.forEach(VectorSchemaRoot::close);
    batches.clear();
  }
}
