package io.quiver.exec.operator.union;

import io.quiver.exec.batch.Batches;
import io.quiver.exec.operator.OperatorPipeline;
import io.quiver.exec.operator.SourceOperator;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * UNION ALL: drains its input pipelines one after the other. Each call moves the current input
 * pipeline a few steps, until its last operator produces a batch, which is passed on renamed to the
 * union's fields.
 */
public final class UnionAllOperator extends SourceOperator {

  /** Steps an input may take in one call when they yield nothing (a filter dropping every row). */
  private static final int MAX_STEPS_PER_CALL = 64;

  private final List<OperatorPipeline> inputs;
  private final List<Field> fields;
  private final BufferAllocator allocator;
  private int current;
  private boolean closed;

  /** The operator owns the input pipelines and closes them. */
  public UnionAllOperator(List<OperatorPipeline> inputs, List<Field> fields, BufferAllocator allocator) {
    this.inputs = List.copyOf(inputs);
    this.fields = List.copyOf(fields);
    this.allocator = allocator;
  }

  @Override
  public VectorSchemaRoot getOutput() {
    while (!closed && current < inputs.size()) {
      OperatorPipeline input = inputs.get(current);
      VectorSchemaRoot batch = input.last().getOutput();
      for (int steps = 0; batch == null && !input.isFinished() && steps < MAX_STEPS_PER_CALL; steps++) {
        boolean progress = input.step();
        batch = input.last().getOutput();
        if (!progress && batch == null) {
          break;
        }
      }
      if (batch != null) {
        return Batches.withFields(batch, fields, allocator);
      }
      if (!input.isFinished()) {
        return null;
      }
      input.close();
      current++;
    }
    return null;
  }

  @Override
  public boolean isFinished() {
    return closed || current >= inputs.size();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    RuntimeException failure = null;
    for (OperatorPipeline input : inputs) {
      try {
        input.close();
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
}
