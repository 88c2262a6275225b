package io.quiver.exec.operator;

import org.apache.arrow.vector.VectorSchemaRoot;

/** Checks shared by the operators for wrong usage of the {@link Operator} contract. */
public final class OperatorState {

  private OperatorState() {
  }

  /** Closes the batch (the operator owns it) and throws, when {@code allowed} is false. */
  public static void checkInputAllowed(boolean allowed, Operator operator, VectorSchemaRoot batch) {
    if (!allowed) {
      if (batch != null) {
        batch.close();
      }
      throw new IllegalStateException(operator.getClass().getSimpleName()
          + ".addInput called while it does not need input (finished, closed or holding output)");
    }
  }
}
