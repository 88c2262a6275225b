package io.quiver.exec.shuffle.local;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.shuffle.ShuffleId;
import io.quiver.exec.shuffle.ShuffleReader;
import io.quiver.exec.shuffle.ShuffleService;
import io.quiver.exec.shuffle.ShuffleWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Shuffle data kept in this JVM's memory. A writer moves its batches into the service's allocator
 * (an ownership transfer when the task's allocator shares the root, a copy otherwise); commit
 * publishes them under (job, stage, map partition), replacing an earlier attempt's output. Readers
 * get copies allocated from their own allocator, so one output can be read by many tasks (broadcast,
 * retries). Thread-safe.
 */
public final class InProcessShuffleService implements ShuffleService, AutoCloseable {

  private final BufferAllocator allocator;
  private final Map<MapOutputKey, MapOutput> outputs = new HashMap<>();
  private boolean closed;

  /** @param allocator where committed shuffle data lives until its job is removed */
  public InProcessShuffleService(BufferAllocator allocator) {
    this.allocator = allocator;
  }

  @Override
  public ShuffleWriter openWriter(ShuffleId shuffle, int mapPartition, int reducePartitionCount, Schema schema) {
    if (reducePartitionCount < 1) {
      throw new IllegalArgumentException("reduce partition count must be positive: " + reducePartitionCount);
    }
    if (mapPartition < 0) {
      throw new IllegalArgumentException("map partition must not be negative: " + mapPartition);
    }
    checkOpen();
    return new InProcessShuffleWriter(this, new MapOutputKey(shuffle.jobId(), shuffle.stageId(), mapPartition),
        reducePartitionCount, allocator);
  }

  synchronized void publish(MapOutputKey key, MapOutput output) {
    if (closed) {
      output.release();
      throw new QuiverException(ErrorCode.INTERNAL_ERROR, "shuffle service is closed; cannot commit " + key);
    }
    MapOutput earlier = outputs.put(key, output);
    if (earlier != null) {
      earlier.release();
    }
  }

  @Override
  public synchronized ShuffleReader read(ShuffleId shuffle, int reducePartition, int mapPartitionCount,
      BufferAllocator readerAllocator) {
    checkOpen();
    List<MapOutput> retained = new ArrayList<>(mapPartitionCount);
    try {
      for (int map = 0; map < mapPartitionCount; map++) {
        MapOutputKey key = new MapOutputKey(shuffle.jobId(), shuffle.stageId(), map);
        MapOutput output = outputs.get(key);
        if (output == null) {
          throw new QuiverException(ErrorCode.INTERNAL_ERROR, "no committed shuffle output for " + key);
        }
        if (reducePartition < 0 || reducePartition >= output.reducePartitionCount()) {
          throw new QuiverException(ErrorCode.INTERNAL_ERROR, "reduce partition " + reducePartition
              + " out of range 0.." + (output.reducePartitionCount() - 1) + " for " + key);
        }
        if (!output.retain()) {
          throw new QuiverException(ErrorCode.INTERNAL_ERROR, "shuffle output for " + key + " was released");
        }
        retained.add(output);
      }
    } catch (RuntimeException e) {
      retained.forEach(MapOutput::release);
      throw e;
    }
    return new InProcessShuffleReader(retained, reducePartition, readerAllocator);
  }

  @Override
  public synchronized void removeJob(String jobId) {
    Iterator<Map.Entry<MapOutputKey, MapOutput>> entries = outputs.entrySet().iterator();
    while (entries.hasNext()) {
      Map.Entry<MapOutputKey, MapOutput> entry = entries.next();
      if (entry.getKey().jobId().equals(jobId)) {
        entry.getValue().release();
        entries.remove();
      }
    }
  }

  private synchronized void checkOpen() {
    if (closed) {
      throw new QuiverException(ErrorCode.INTERNAL_ERROR, "shuffle service is closed");
    }
  }

  /** Releases every output; readers still open keep theirs until they close. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    outputs.values().forEach(MapOutput::release);
    outputs.clear();
  }
}
