package io.quiver.exec.shuffle.local;

import io.quiver.exec.batch.Batches;
import io.quiver.exec.shuffle.ShuffleReader;
import io.quiver.exec.shuffle.spill.SpillFileReader;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Reads one reduce partition, map partition by map partition, into the reader's allocator: in-memory
 * batches are copied, spilled ones are streamed from their file one batch at a time.
 */
final class InProcessShuffleReader implements ShuffleReader {

  private final List<MapOutput> outputs;
  private final int reducePartition;
  private final BufferAllocator allocator;
  private int output;
  private int batch;
  private SpillFileReader spillReader;
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
      MapOutput current = outputs.get(output);
      if (current.spillFile() != null) {
        if (spillReader == null) {
          spillReader = current.spillFile().openReader(reducePartition, allocator);
        }
        VectorSchemaRoot read = spillReader.next();
        if (read != null) {
          return read;
        }
        spillReader.close();
        spillReader = null;
      } else {
        List<VectorSchemaRoot> batches = current.batches(reducePartition);
        if (batch < batches.size()) {
          return Batches.copyTo(batches.get(batch++), allocator);
        }
      }
      current.release();
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
    if (spillReader != null) {
      spillReader.close();
      spillReader = null;
    }
    for (int i = output; i < outputs.size(); i++) {
      outputs.get(i).release();
    }
    output = outputs.size();
  }
}
