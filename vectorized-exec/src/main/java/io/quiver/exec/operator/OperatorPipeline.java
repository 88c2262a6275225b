package io.quiver.exec.operator;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A chain of operators, each feeding the next, and the step that moves batches along it (the loop
 * of Trino's {@code Driver.processInternal}). When an operator is finished, every operator upstream
 * of it is closed and no longer asked for anything: that is how a satisfied LIMIT stops its input.
 */
public final class OperatorPipeline implements AutoCloseable {

  private final Operator[] operators;
  private int firstActive;
  private boolean closed;

  public OperatorPipeline(List<Operator> operators) {
    if (operators.isEmpty()) {
      throw new IllegalArgumentException("a pipeline needs at least one operator");
    }
    this.operators = operators.toArray(new Operator[0]);
  }

  public Operator last() {
    return operators[operators.length - 1];
  }

  /**
   * One pass from the first active operator to the last: each operator's output, if any, moves to
   * the next operator when that one needs input; a finished operator finishes the next one.
   *
   * @return true when a batch moved or an operator finished during the pass
   */
  public boolean step() {
    if (closed) {
      throw new IllegalStateException("pipeline is closed");
    }
    boolean progress = false;
    for (int i = firstActive; i < operators.length - 1; i++) {
      Operator current = operators[i];
      Operator next = operators[i + 1];
      if (!current.isFinished() && next.needsInput()) {
        VectorSchemaRoot batch = current.getOutput();
        if (batch != null) {
          next.addInput(batch);
          progress = true;
        }
      }
      if (current.isFinished()) {
        next.finish();
      }
    }
    for (int i = operators.length - 1; i > firstActive; i--) {
      if (operators[i].isFinished()) {
        for (int upstream = firstActive; upstream < i; upstream++) {
          operators[upstream].close();
        }
        firstActive = i;
        progress = true;
        break;
      }
    }
    return progress;
  }

  /** True when the last operator is finished. */
  public boolean isFinished() {
    return last().isFinished();
  }

  /** Closes every operator; the first failure is thrown after all were tried, the others suppressed. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    RuntimeException failure = null;
    for (Operator operator : operators) {
      try {
        operator.close();
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  static QuiverException stalled(Operator operator) {
    return new QuiverException(ErrorCode.INTERNAL_ERROR,
        "pipeline made no progress; last operator " + MeteredOperator.name(operator) + " is not finished");
  }
}
