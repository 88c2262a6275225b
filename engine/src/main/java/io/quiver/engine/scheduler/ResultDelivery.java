package io.quiver.engine.scheduler;

import io.quiver.exec.task.ResultSink;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The result sink one attempt of a result task writes to: the job's sink, counting the batches that
 * reached it. Rows handed to the client cannot be taken back, so an attempt that failed after
 * delivering any is not retried (its retry would deliver them twice); the job fails instead.
 */
final class ResultDelivery implements ResultSink {

  private final ResultSink target;
  private final AtomicLong batches = new AtomicLong();

  ResultDelivery(ResultSink target) {
    this.target = target;
  }

  @Override
  public void accept(VectorSchemaRoot batch) {
    // counted first: a batch the sink took and then failed on may have reached the client
    batches.incrementAndGet();
    target.accept(batch);
  }

  /** Batches handed to the job's sink so far. */
  long deliveredBatches() {
    return batches.get();
  }
}
