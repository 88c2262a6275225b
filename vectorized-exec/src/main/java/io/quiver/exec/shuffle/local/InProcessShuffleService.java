package io.quiver.exec.shuffle.local;

import io.quiver.exec.shuffle.ShuffleId;
import io.quiver.exec.shuffle.ShuffleReader;
import io.quiver.exec.shuffle.ShuffleService;
import io.quiver.exec.shuffle.ShuffleWriter;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.Schema;

/** Shuffle data kept in this JVM's memory. (Placeholder.) */
public final class InProcessShuffleService implements ShuffleService, AutoCloseable {

  /** @param allocator where committed shuffle data lives until its job is removed */
  public InProcessShuffleService(BufferAllocator allocator) {
  }

  @Override
  public ShuffleWriter openWriter(ShuffleId shuffle, int mapPartition, int reducePartitionCount, Schema schema) {
    throw new UnsupportedOperationException("not built yet");
  }

  @Override
  public ShuffleReader read(ShuffleId shuffle, int reducePartition, int mapPartitionCount, BufferAllocator allocator) {
    throw new UnsupportedOperationException("not built yet");
  }

  @Override
  public void removeJob(String jobId) {
  }

  @Override
  public void close() {
  }
}
