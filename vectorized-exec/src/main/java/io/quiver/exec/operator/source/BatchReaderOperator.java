package io.quiver.exec.operator.source;

import io.quiver.exec.batch.Batches;
import io.quiver.exec.operator.SourceOperator;
import java.util.function.Supplier;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Shared body of the sources that read batches from something that hands out one batch per call
 * (a split reader, a shuffle reader): opened lazily on the first call, closed when exhausted, input
 * rows and bytes counted into the task's metrics as the subclass says (table or shuffle input).
 */
abstract class BatchReaderOperator<R extends AutoCloseable> extends SourceOperator {

  /** Where a source counts the rows and bytes it read. */
  @FunctionalInterface
  interface InputCounter {
    void add(long rows, long bytes);
  }

  private final Supplier<R> opener;
  private final InputCounter counter;
  private R reader;
  private boolean finished;

  /** @param counter counts each batch read; null counts nothing */
  BatchReaderOperator(Supplier<R> opener, InputCounter counter) {
    this.opener = opener;
    this.counter = counter;
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
    if (counter != null) {
      counter.add(batch.getRowCount(), Batches.sizeInBytes(batch));
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
