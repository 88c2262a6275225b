package io.quiver.engine.testing;

import io.quiver.exec.fragment.stage.OutputPartitioning;
import io.quiver.exec.fragment.stage.StageFragment;
import io.quiver.exec.shuffle.MapOutputStatistics;
import io.quiver.exec.task.TaskContext;
import java.util.List;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Pieces of hand-written tasks. */
public final class FakeTasks {

  private FakeTasks() {
  }

  /** What a successful map task returns: nothing written. */
  public static MapOutputStatistics nothingWritten(StageFragment fragment) {
    int partitions = fragment.output().reducePartitionCount();
    return new MapOutputStatistics(new long[partitions], new long[partitions]);
  }

  /** A batch of one BIGINT column {@code n} with {@code from, from + 1, ...}, from the task's allocator. */
  public static VectorSchemaRoot numbers(TaskContext context, long from, int count) {
    BigIntVector vector = new BigIntVector(TestPlans.NUMBERS.column(0).toArrowField(), context.allocator());
    vector.allocateNew(count);
    for (int i = 0; i < count; i++) {
      vector.set(i, from + i);
    }
    vector.setValueCount(count);
    VectorSchemaRoot batch = new VectorSchemaRoot(List.<FieldVector>of(vector));
    batch.setRowCount(count);
    return batch;
  }

  /** Sends {@code batches} batches of {@code rows} numbers to the result sink, checking cancellation. */
  public static MapOutputStatistics sendNumbers(StageFragment fragment, TaskContext context, int batches, int rows) {
    if (!(fragment.output() instanceof OutputPartitioning.Result)) {
      return nothingWritten(fragment);
    }
    long base = (long) context.taskId().partition() * batches * rows;
    for (int b = 0; b < batches; b++) {
      context.cancellation().throwIfCancelled();
      context.resultSink().accept(numbers(context, base + (long) b * rows, rows));
      context.metrics().addOutput(rows, rows * 8L);
    }
    return nothingWritten(fragment);
  }

  /** Waits, checking cancellation every millisecond, until the job is cancelled; then throws. */
  public static void runUntilCancelled(TaskContext context) {
    while (true) {
      context.cancellation().throwIfCancelled();
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
  }
}
