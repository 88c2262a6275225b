package io.quiver.engine.result;

import io.quiver.engine.QueryResult;
import io.quiver.engine.scheduler.JobExecution;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.task.CancellationToken;
import io.quiver.exec.type.RowSchema;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rows of a running query: batches arrive in a {@link ResultBuffer} while the job runs and are
 * moved into {@link #root()} one at a time. Owns the result's allocator and closes it on close.
 */
public final class StreamingQueryResult implements QueryResult {

  private static final Logger LOG = LoggerFactory.getLogger(StreamingQueryResult.class);

  /** How long close() waits for the query's tasks to stop. */
  private static final long CLOSE_WAIT_SECONDS = 30;

  private final String queryId;
  private final RowSchema schema;
  private final BufferAllocator allocator;
  private final ResultBuffer buffer;
  private final VectorSchemaRoot root;
  private final Runnable onClose;
  private volatile long planningNanos = -1;
  private volatile JobExecution job;
  private volatile boolean cancelled;
  private final AtomicBoolean closing = new AtomicBoolean();
  private boolean exhausted;
  private boolean closed;

  /**
   * @param allocator the result's own allocator; closed by {@link #close()}
   * @param buffer where the result stage's batches arrive
   * @param onClose told when the result is closed (the session forgets it)
   */
  public StreamingQueryResult(String queryId, RowSchema schema, BufferAllocator allocator, ResultBuffer buffer,
      Runnable onClose) {
    this.queryId = queryId;
    this.schema = schema;
    this.allocator = allocator;
    this.buffer = buffer;
    this.root = VectorSchemaRoot.create(schema.toArrowSchema(), allocator);
    this.onClose = onClose;
  }

  /** Connects the job that fills the buffer; set right after the job was submitted. */
  public void attach(JobExecution runningJob) {
    this.job = runningJob;
    if (cancelled) {
      runningJob.cancel(CancellationToken.cancelledByUser());
    }
  }

  /** Records how long planning took; set by the driver before the result is handed out. */
  public void setPlanningNanos(long nanos) {
    this.planningNanos = nanos;
  }

  @Override
  public long planningNanos() {
    return planningNanos;
  }

  @Override
  public String queryId() {
    return queryId;
  }

  @Override
  public RowSchema schema() {
    return schema;
  }

  @Override
  public VectorSchemaRoot root() {
    return root;
  }

  @Override
  public synchronized boolean loadNextBatch() {
    if (closed || closing.get()) {
      throw new QuiverException(ErrorCode.QUERY_CANCELLED, "the result of query " + queryId + " is closed");
    }
    if (cancelled) {
      throw new QuiverException(ErrorCode.QUERY_CANCELLED, "query " + queryId + " was cancelled");
    }
    if (exhausted) {
      return false;
    }
    VectorSchemaRoot batch;
    try {
      batch = buffer.take();
    } catch (QuiverException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new QuiverException(ErrorCode.INTERNAL_ERROR, "reading the result of " + queryId + " failed: " + e, e);
    }
    if (batch == null) {
      exhausted = true;
      root.clear();
      root.setRowCount(0);
      return false;
    }
    try (VectorSchemaRoot source = batch) {
      load(source);
    }
    return true;
  }

  private void load(VectorSchemaRoot batch) {
    if (batch.getFieldVectors().size() != root.getFieldVectors().size()) {
      throw new QuiverException(ErrorCode.INTERNAL_ERROR, "query " + queryId + " produced a batch with "
          + batch.getFieldVectors().size() + " columns, its result has " + root.getFieldVectors().size());
    }
    try {
      for (int i = 0; i < root.getFieldVectors().size(); i++) {
        FieldVector target = root.getVector(i);
        batch.getVector(i).makeTransferPair(target).transfer();
      }
      root.setRowCount(batch.getRowCount());
    } catch (RuntimeException e) {
      throw new QuiverException(ErrorCode.INTERNAL_ERROR, "query " + queryId
          + " produced a batch that does not match its result schema " + root.getSchema() + ": " + e, e);
    }
  }

  @Override
  public boolean isRowResult() {
    return true;
  }

  @Override
  public long updateCount() {
    return -1;
  }

  @Override
  public void cancel() {
    cancelled = true;
    JobExecution running = job;
    if (running != null) {
      running.cancel(CancellationToken.cancelledByUser());
    }
    buffer.wakeProducers();
  }

  /**
   * Cancels the query if it still runs, waits for its tasks to stop and releases the buffers. A
   * thread blocked in {@link #loadNextBatch} wakes up with QUERY_CANCELLED.
   */
  @Override
  public void close() {
    if (!closing.compareAndSet(false, true)) {
      return;
    }
    try {
      JobExecution running = job;
      if (running != null && !running.isEnded()) {
        running.cancel(CancellationToken.cancelledByUser());
      }
      // Wakes a blocked reader and refuses producers, so that none stays blocked on a full queue.
      buffer.close();
      if (running != null) {
        awaitEnd(running);
      }
    } finally {
      synchronized (this) {
        closed = true;
        try {
          root.close();
          buffer.close();
          allocator.close();
        } finally {
          onClose.run();
        }
      }
    }
  }

  private void awaitEnd(JobExecution running) {
    try {
      if (!running.awaitEnd(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
        LOG.warn("tasks of query {} still run {} s after it was closed", queryId, CLOSE_WAIT_SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
