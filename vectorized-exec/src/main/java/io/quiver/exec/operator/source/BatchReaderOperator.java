package io.quiver.exec.operator.source;

import io.quiver.exec.batch.Batches;
import io.quiver.exec.operator.SourceOperator;
import io.quiver.exec.task.TaskMetrics;
import java.util.function.Supplier;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Shared body of the sources that read batches from something that hands out one batch per call
 * (a split reader, a shuffle reader): opened lazily on the first call, closed when exhausted, input
 * rows and bytes counted into the task's metrics.
 */
abstract class BatchReaderOperator<R extends AutoCloseable> extends SourceOperator {

  private final Supplier<R> opener;
  private final TaskMetrics metrics;
  private R reader;
  private boolean finished;

  BatchReaderOperator(Supplier<R> opener, TaskMetrics metrics) {
    this.opener = opener;
    this.metrics = metrics;
  }

  /** The reader's next batch or null when it is exhausted. */
  abstract VectorSchemaRoot next(R reader);

  @Override
  public VectorSchemaRoot getOutput() {
    if (finished) {
      return null;
    }
    if (reader == null) {
      reader = opener.get();
    }
    VectorSchemaRoot batch = next(reader);
    if (batch == null) {
      finished = true;
      closeReader();
      return null;
    }
    if (metrics != null) {
      metrics.addInput(batch.getRowCount(), Batches.sizeInBytes(batch));
    }
    return batch;
  }

  @Override
  public boolean isFinished() {
    return finished;
  }

  @Override
  public void close() {
    finished = true;
    closeReader();
  }

  private void closeReader() {
    R open = reader;
    reader = null;
    if (open != null) {
      try {
        open.close();
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
