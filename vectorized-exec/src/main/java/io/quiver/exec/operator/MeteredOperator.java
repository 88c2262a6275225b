package io.quiver.exec.operator;

import io.quiver.exec.metrics.OperatorClock;
import io.quiver.exec.metrics.OperatorMeter;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * An operator as a task's pipelines see it: the same operator, measured where batches are handed to
 * it and taken from it, batch by batch (never row by row): rows and batches in and out, and the
 * time of every {@code addInput}, {@code getOutput} and {@code finish} call, charged by the task's
 * {@link OperatorClock}. The execution planner wraps every operator it makes, so pipelines that an
 * operator drives itself (a join's build side, a union's inputs) are measured as well, operator by
 * operator, without the operators knowing.
 */
public final class MeteredOperator implements Operator {

  private final Operator operator;
  private final OperatorMeter meter;
  private final OperatorClock clock;

  public MeteredOperator(Operator operator, OperatorMeter meter, OperatorClock clock) {
    this.operator = operator;
    this.meter = meter;
    this.clock = clock;
  }

  /** The measured operator. */
  public Operator operator() {
    return operator;
  }

  /** The operator's name as metrics show it: its class name without "Operator". */
  public static String name(Operator operator) {
    Operator inner = operator instanceof MeteredOperator metered ? metered.operator : operator;
    String name = inner.getClass().getSimpleName();
    return name.endsWith("Operator") && name.length() > "Operator".length()
        ? name.substring(0, name.length() - "Operator".length()) : name;
  }

  @Override
  public boolean needsInput() {
    return operator.needsInput();
  }

  @Override
  public void addInput(VectorSchemaRoot batch) {
    int rows = batch.getRowCount();
    try {
      operator.addInput(batch);
    } finally {
      clock.charge(meter);
    }
    meter.input(rows);
  }

  @Override
  public VectorSchemaRoot getOutput() {
    VectorSchemaRoot batch;
    try {
      batch = operator.getOutput();
    } finally {
      clock.charge(meter);
    }
    if (batch != null) {
      meter.output(batch.getRowCount());
    }
    return batch;
  }

  @Override
  public void finish() {
    try {
      operator.finish();
    } finally {
      clock.charge(meter);
    }
  }

  @Override
  public boolean isFinished() {
    return operator.isFinished();
  }

  @Override
  public void close() {
    operator.close();
  }

  @Override
  public String toString() {
    return operator.toString();
  }
}
