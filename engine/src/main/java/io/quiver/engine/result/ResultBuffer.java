package io.quiver.engine.result;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.task.CancellationToken;
import io.quiver.exec.task.ResultSink;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.util.TransferPair;

/**
 * The result stage's sink on the driver: a bounded queue of batches between the result tasks and the
 * client. {@link #accept} moves each batch's buffers to the result's allocator (so the task's own
 * allocator can close) and blocks while the queue is full, which slows the query down to the pace of
 * the client. The job's end is recorded with {@link #finish}; the client takes batches with
 * {@link #take}.
 */
public final class ResultBuffer implements ResultSink {

  /** How long a blocked producer sleeps before it looks at the cancellation token again. */
  private static final long PRODUCER_RECHECK_MILLIS = 100;

  private final BufferAllocator allocator;
  private final int capacity;
  private final CancellationToken cancellation;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition notEmpty = lock.newCondition();
  private final Condition notFull = lock.newCondition();
  private final ArrayDeque<VectorSchemaRoot> batches = new ArrayDeque<>();
  private boolean finished;
  private QuiverException failure;
  private boolean closed;

  /**
   * @param allocator where accepted batches' buffers move to; the client's
   * @param capacity the most batches waiting for the client
   * @param cancellation the job's token: a producer blocked on a full queue stops when it is set
   */
  public ResultBuffer(BufferAllocator allocator, int capacity, CancellationToken cancellation) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
    }
    this.allocator = allocator;
    this.capacity = capacity;
    this.cancellation = cancellation;
  }

  @Override
  public void accept(VectorSchemaRoot batch) {
    try (VectorSchemaRoot emptied = batch) {
      lock.lockInterruptibly();
      try {
        while (batches.size() >= capacity && !closed && !finished && !cancellation.isCancelled()) {
          notFull.await(PRODUCER_RECHECK_MILLIS, TimeUnit.MILLISECONDS);
        }
        cancellation.throwIfCancelled();
        if (closed || finished) {
          throw new QuiverException(ErrorCode.QUERY_CANCELLED, "the query result was closed");
        }
        // Under the lock, so that close() never frees the allocator under a transfer.
        batches.addLast(transfer(emptied));
        notEmpty.signalAll();
      } finally {
        lock.unlock();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new QuiverException(ErrorCode.QUERY_CANCELLED, "interrupted while sending a result batch", e);
    }
  }

  /** Records the end of the job: no more batches will come; {@code error} is null on success. */
  public void finish(QuiverException error) {
    lock.lock();
    try {
      if (!finished) {
        finished = true;
        failure = error;
      }
      notEmpty.signalAll();
      notFull.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * The next batch, owned by the caller, or null at the end of the rows. Waits for the job if
   * needed. Throws the job's error once the batches before it were taken.
   */
  public VectorSchemaRoot take() {
    lock.lock();
    try {
      while (true) {
        if (closed) {
          throw new QuiverException(ErrorCode.QUERY_CANCELLED, "the query result is closed");
        }
        if (finished && failure != null) {
          // A failed query's remaining rows are meaningless: report the error at once.
          while (!batches.isEmpty()) {
            batches.pollFirst().close();
          }
          throw new QuiverException(failure.errorCode(), failure.getMessage(), failure);
        }
        VectorSchemaRoot batch = batches.pollFirst();
        if (batch != null) {
          notFull.signalAll();
          return batch;
        }
        if (finished) {
          return null;
        }
        notEmpty.awaitUninterruptibly();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Wakes producers waiting for room, so that they see a cancellation at once. */
  public void wakeProducers() {
    lock.lock();
    try {
      notFull.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Batches waiting for the client. */
  public int queuedBatches() {
    lock.lock();
    try {
      return batches.size();
    } finally {
      lock.unlock();
    }
  }

  /** Drops the waiting batches and refuses new ones. Idempotent. */
  public void close() {
    lock.lock();
    try {
      closed = true;
      while (!batches.isEmpty()) {
        batches.pollFirst().close();
      }
      notEmpty.signalAll();
      notFull.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private VectorSchemaRoot transfer(VectorSchemaRoot batch) {
    List<FieldVector> moved = new ArrayList<>(batch.getFieldVectors().size());
    try {
      for (FieldVector vector : batch.getFieldVectors()) {
        TransferPair pair = vector.getTransferPair(allocator);
        pair.transfer();
        moved.add((FieldVector) pair.getTo());
      }
    } catch (RuntimeException e) {
      moved.forEach(FieldVector::close);
      throw e;
    }
    VectorSchemaRoot result = new VectorSchemaRoot(moved);
    result.setRowCount(batch.getRowCount());
    return result;
  }
}
