package io.quiver.engine.testing;

import io.quiver.exec.shuffle.ShuffleId;
import io.quiver.exec.shuffle.ShuffleReader;
import io.quiver.exec.shuffle.ShuffleService;
import io.quiver.exec.shuffle.ShuffleWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.Schema;

/** A shuffle that holds nothing and remembers which jobs were removed. */
public final class RecordingShuffle implements ShuffleService {

  public final List<String> removedJobs = new CopyOnWriteArrayList<>();

  @Override
  public ShuffleWriter openWriter(ShuffleId shuffle, int mapPartition, int reducePartitionCount, Schema schema) {
    throw new UnsupportedOperationException();
  }

  @Override
  public ShuffleReader read(ShuffleId shuffle, int reducePartition, int mapPartitionCount, BufferAllocator allocator) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void removeJob(String jobId) {
    removedJobs.add(jobId);
  }
}
