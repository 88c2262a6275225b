package io.quiver.exec.shuffle.local;

import io.quiver.exec.batch.Batches;
import io.quiver.exec.shuffle.ShuffleReader;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Copies one reduce partition's batches, map partition by map partition, into the reader's allocator. */
final class InProcessShuffleReader implements ShuffleReader {

  private final List<MapOutput> outputs;
  private final int reducePartition;
  private final BufferAllocator allocator;
  private int output;
  private int batch;
  private boolean closed;

  /** @param outputs retained map outputs; released as they are read, or at close */
  InProcessShuffleReader(List<MapOutput> outputs, int reducePartition, BufferAllocator allocator) {
    this.outputs = outputs;
    this.reducePartition = reducePartition;
    this.allocator = allocator;
  }

  @Override
  public VectorSchemaRoot next() {
    if (closed) {
      throw new IllegalStateException("shuffle reader is closed");
    }
    while (output < outputs.size()) {
      List<VectorSchemaRoot> batches = outputs.get(output).batches(reducePartition);
      if (batch < batches.size()) {
        return Batches.copyTo(batches.get(batch++), allocator);
      }
      outputs.get(output).release();
      output++;
      batch = 0;
    }
    return null;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (int i = output; i < outputs.size(); i++) {
      outputs.get(i).release();
    }
    output = outputs.size();
  }
}
