package io.quiver.exec.operator.sink;

import io.quiver.exec.batch.Batches;
import io.quiver.exec.batch.PartitionHash;
import io.quiver.exec.fragment.stage.OutputPartitioning;
import io.quiver.exec.shuffle.MapOutputStatistics;
import io.quiver.exec.shuffle.ShuffleWriter;
import io.quiver.exec.task.TaskMetrics;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Sink of a stage that feeds an exchange: writes rows into the reduce partitions of its map
 * partition's {@link ShuffleWriter} as the stage's {@link OutputPartitioning} says (Hash: by
 * {@link PartitionHash}; RoundRobin: rows dealt in turn; Single and Broadcast: all to partition 0,
 * small batches gathered into larger ones), commits when input ends, and aborts if closed before.
 */
public final class ExchangeWriterOperator extends SinkOperator {

  private final ShuffleWriter writer;
  private final OutputPartitioning partitioning;
  private final TaskMetrics metrics;
  private final PartitionedBatchBuilder builder;
  private final int smallBatchRows;
  private final PartitionHash partitionHash = new PartitionHash();
  private int[] partitions = new int[0];
  private long nextRoundRobin;
  private MapOutputStatistics statistics;

  /**
   * @param writer the opened writer; the operator owns it
   * @param mapPartition this task's partition (starts the round-robin deal, so tasks spread evenly)
   */
  public ExchangeWriterOperator(ShuffleWriter writer, OutputPartitioning partitioning, Schema schema,
      int mapPartition, BufferAllocator allocator, int batchSize, TaskMetrics metrics) {
    if (partitioning instanceof OutputPartitioning.Result) {
      throw new IllegalArgumentException("the result stage has no exchange writer");
    }
    this.writer = writer;
    this.partitioning = partitioning;
    this.metrics = metrics;
    int partitionCount = partitioning.reducePartitionCount();
    this.nextRoundRobin = mapPartition;
    this.smallBatchRows = Math.max(1, batchSize / 4);
    // with one reduce partition the builder only gathers small batches (after a selective filter)
    this.builder = new PartitionedBatchBuilder(schema, partitionCount, allocator, batchSize, this::write);
  }

  @Override
  protected void consume(VectorSchemaRoot batch) {
    int rows = batch.getRowCount();
    if (rows == 0) {
      batch.close();
      return;
    }
    if (partitions.length < rows) {
      partitions = new int[rows];
    }
    int partitionCount = partitioning.reducePartitionCount();
    if (partitionCount == 1) {
      if (rows >= smallBatchRows) {
        builder.flush();
        write(batch, 0);
        return;
      }
      try (batch) {
        java.util.Arrays.fill(partitions, 0, rows, 0);
        builder.add(batch, partitions);
      }
      return;
    }
    try (batch) {
      if (partitioning instanceof OutputPartitioning.Hash hash) {
        List<Integer> keys = hash.keys();
        partitionHash.partitions(batch, keys, partitionCount, partitions);
      } else {
        int next = (int) (nextRoundRobin % partitionCount);
        for (int i = 0; i < rows; i++) {
          partitions[i] = next;
          next = next + 1 == partitionCount ? 0 : next + 1;
        }
        nextRoundRobin = next;
      }
      builder.add(batch, partitions);
    }
  }

  private void write(VectorSchemaRoot batch, int partition) {
    long rows = batch.getRowCount();
    long bytes = Batches.sizeInBytes(batch);
    writer.write(partition, batch);
    if (metrics != null) {
      metrics.addShuffleWrite(rows, bytes);
    }
  }

  @Override
  protected void complete() {
    builder.flush();
    statistics = writer.commit();
    if (metrics != null && writer.spillFiles() > 0) {
      metrics.addSpill(writer.spillBytes(), writer.spillFiles());
    }
  }

  @Override
  protected void release() {
    try {
      builder.close();
    } finally {
      writer.close();
    }
  }

  @Override
  public MapOutputStatistics statistics() {
    if (statistics == null) {
      throw new IllegalStateException("exchange output was not committed");
    }
    return statistics;
  }
}
