package io.quiver.exec.shuffle.local;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.shuffle.ShuffleId;
import io.quiver.exec.shuffle.ShuffleReader;
import io.quiver.exec.shuffle.ShuffleService;
import io.quiver.exec.shuffle.ShuffleWriter;
import io.quiver.exec.shuffle.spill.ShuffleSpillSettings;
import io.quiver.exec.shuffle.spill.SpillDirectory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Shuffle data kept by this JVM: in memory, or in spill files on local disk once memory runs short
 * (see {@link ShuffleSpillSettings}). A writer moves its batches into the service's allocator (an
 * ownership transfer when the task's allocator shares the root, a copy otherwise), or streams them
 * to an Arrow IPC file when the service's in-memory data would pass its budget; commit publishes the
 * output under (job, stage, map partition), replacing an earlier attempt's output. Readers get
 * copies allocated from their own allocator (spilled batches are read back one at a time), so one
 * output can be read by many tasks (broadcast, retries). Spill files are deleted when their output
 * is replaced, when the job is removed and when the service closes. Thread-safe.
 */
public final class InProcessShuffleService implements ShuffleService, AutoCloseable {

  private final BufferAllocator allocator;
  private final ShuffleSpillSettings spillSettings;
  private final SpillDirectory spillDirectory;
  private final Map<MapOutputKey, MapOutput> outputs = new HashMap<>();
  private boolean closed;

  /**
   * A service that spills with {@link ShuffleSpillSettings#defaultsFor} its allocator.
   *
   * @param allocator where committed shuffle data lives until its job is removed
   */
  public InProcessShuffleService(BufferAllocator allocator) {
    this(allocator, ShuffleSpillSettings.defaultsFor(allocator));
  }

  /**
   * @param allocator where in-memory shuffle data lives until its job is removed
   * @param spillSettings when map outputs go to disk, and where
   */
  public InProcessShuffleService(BufferAllocator allocator, ShuffleSpillSettings spillSettings) {
    this.allocator = allocator;
    this.spillSettings = spillSettings;
    this.spillDirectory = new SpillDirectory(spillSettings.directory());
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
        reducePartitionCount, schema, allocator);
  }

  /**
   * True when a writer about to hold {@code incomingBytes} more should spill instead: the in-memory
   * shuffle data would reach the budget, or the engine has less than a quarter of this allocator's
   * limit left.
   */
  boolean shouldSpill(long incomingBytes) {
    if (!spillSettings.enabled()) {
      return false;
    }
    long held = allocator.getAllocatedMemory();
    return held + incomingBytes >= spillSettings.memoryBudgetBytes()
        || allocator.getHeadroom() - incomingBytes < allocator.getLimit() / ShuffleSpillSettings.DEFAULT_BUDGET_DIVISOR;
  }

  Path newSpillPath(MapOutputKey key) {
    return spillDirectory.newFile(key.jobId().replaceAll("[^A-Za-z0-9_.-]", "_") + "-stage" + key.stageId()
        + "-map" + key.mapPartition());
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

  /** This service's own spill directory, or null while nothing has spilled. */
  public Path spillDirectory() {
    return spillDirectory.path();
  }

  private synchronized void checkOpen() {
    if (closed) {
      throw new QuiverException(ErrorCode.INTERNAL_ERROR, "shuffle service is closed");
    }
  }

  /**
   * Releases every output and deletes the spill directory; readers still open keep their in-memory
   * outputs until they close.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    outputs.values().forEach(MapOutput::release);
    outputs.clear();
    spillDirectory.close();
  }
}
