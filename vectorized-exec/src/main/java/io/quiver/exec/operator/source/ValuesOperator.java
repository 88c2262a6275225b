package io.quiver.exec.operator.source;

import io.quiver.exec.batch.Batches;
import io.quiver.exec.batch.LiteralVectors;
import io.quiver.exec.fragment.expression.Literal;
import io.quiver.exec.fragment.node.ValuesNode;
import io.quiver.exec.operator.SourceOperator;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Produces constant rows, in batches of at most {@code batchSize} rows; nothing when not producing. */
public final class ValuesOperator extends SourceOperator {

  private final ValuesNode values;
  private final BufferAllocator allocator;
  private final int batchSize;
  private int nextRow;
  private boolean finished;

  /** @param produce false for every partition but 0 of the stage, which alone produces the rows */
  public ValuesOperator(ValuesNode values, boolean produce, BufferAllocator allocator, int batchSize) {
    this.values = values;
    this.allocator = allocator;
    this.batchSize = Math.max(1, batchSize);
    this.finished = !produce || values.rows().isEmpty();
  }

  @Override
  public VectorSchemaRoot getOutput() {
    if (finished) {
      return null;
    }
    int count = Math.min(batchSize, values.rows().size() - nextRow);
    VectorSchemaRoot batch = Batches.create(values.outputSchema(), allocator);
    try {
      for (int row = 0; row < count; row++) {
        List<Literal> literals = values.rows().get(nextRow + row);
        for (int column = 0; column < literals.size(); column++) {
          LiteralVectors.set(batch.getVector(column), row, literals.get(column));
        }
      }
      batch.setRowCount(count);
    } catch (RuntimeException | Error e) {
      batch.close();
      throw e;
    }
    nextRow += count;
    finished = nextRow >= values.rows().size();
    return batch;
  }

  @Override
  public boolean isFinished() {
    return finished;
  }

  @Override
  public void close() {
    finished = true;
  }
}
