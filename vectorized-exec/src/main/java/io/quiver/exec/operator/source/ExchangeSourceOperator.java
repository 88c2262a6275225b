package io.quiver.exec.operator.source;

import io.quiver.exec.shuffle.ShuffleId;
import io.quiver.exec.shuffle.ShuffleReader;
import io.quiver.exec.shuffle.ShuffleService;
import io.quiver.exec.task.TaskMetrics;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Reads one reduce partition of another stage's exchange output: its own partition, or partition 0
 * for a broadcast exchange (which holds every row).
 */
public final class ExchangeSourceOperator extends BatchReaderOperator<ShuffleReader> {

  public ExchangeSourceOperator(ShuffleService shuffle, ShuffleId source, int reducePartition,
      int mapPartitionCount, BufferAllocator allocator, TaskMetrics metrics) {
    super(() -> shuffle.read(source, reducePartition, mapPartitionCount, allocator),
        metrics == null ? null : metrics::addShuffleRead);
  }

  @Override
  VectorSchemaRoot next(ShuffleReader reader) {
    return reader.next();
  }
}
