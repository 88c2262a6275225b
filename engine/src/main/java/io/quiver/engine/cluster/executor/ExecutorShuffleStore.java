package io.quiver.engine.cluster.executor;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.shuffle.MapOutputStatistics;
import io.quiver.exec.shuffle.ShuffleId;
import io.quiver.exec.shuffle.ShuffleReader;
import io.quiver.exec.shuffle.ShuffleWriter;
import io.quiver.exec.shuffle.local.InProcessShuffleService;
import io.quiver.exec.shuffle.spill.ShuffleSpillSettings;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The shuffle output an executor holds, kept by the in-process shuffle service. Each map output is
 * stored on its own (under a name made of job and map partition), so that one map partition can be
 * served alone to whoever fetches it. Remembers which outputs belong to which job, so that removing
 * a job drops all of them; a job once removed accepts no more commits, so a task still running
 * when its job is removed leaves nothing behind. Thread-safe.
 */
final class ExecutorShuffleStore implements AutoCloseable {

  /** Removed jobs remembered, so late commits of their tasks are refused. */
  private static final int REMOVED_JOBS_KEPT = 10_000;

  private final InProcessShuffleService service;
  private final BufferAllocator allocator;
  private final Map<String, Set<ShuffleId>> outputsByJob = new HashMap<>();
  private final Set<String> removedJobs = new LinkedHashSet<>();

  /** @param spill the memory budget past which map outputs spill, and the directory they spill to */
  ExecutorShuffleStore(BufferAllocator allocator, ShuffleSpillSettings spill) {
    this.allocator = allocator;
    this.service = new InProcessShuffleService(allocator, spill);
  }

  /** Opens the writer of one map partition's output. */
  ShuffleWriter openWriter(String jobId, int stageId, int mapPartition, int reducePartitionCount, Schema schema) {
    ShuffleId stored = storedId(jobId, stageId, mapPartition);
    ShuffleWriter writer = service.openWriter(stored, 0, reducePartitionCount, schema);
    return new ShuffleWriter() {
      @Override
      public void write(int reducePartition, VectorSchemaRoot batch) {
        writer.write(reducePartition, batch);
      }

      @Override
      public MapOutputStatistics commit() {
        synchronized (ExecutorShuffleStore.this) {
          if (removedJobs.contains(jobId)) {
            writer.abort();
            throw new QuiverException(ErrorCode.QUERY_CANCELLED, "job " + jobId + " has ended");
          }
          outputsByJob.computeIfAbsent(jobId, id -> new HashSet<>()).add(stored);
          return writer.commit();
        }
      }

      @Override
      public void abort() {
        writer.abort();
      }

      @Override
      public void close() {
        writer.close();
      }
    };
  }

  /**
   * Reads reduce partition {@code reducePartition} of one map partition's output.
   *
   * @throws QuiverException if this executor does not hold that output
   */
  ShuffleReader read(String jobId, int stageId, int mapPartition, int reducePartition, BufferAllocator reader) {
    ShuffleId stored = storedId(jobId, stageId, mapPartition);
    synchronized (this) {
      Set<ShuffleId> outputs = outputsByJob.get(jobId);
      if (outputs == null || !outputs.contains(stored)) {
        throw new QuiverException(ErrorCode.IO_ERROR, "this executor holds no output of job " + jobId + " stage "
            + stageId + " map partition " + mapPartition);
      }
      return service.read(stored, reducePartition, 1, reader);
    }
  }

  /** Drops every output of the job and refuses its later commits. Idempotent. */
  synchronized void removeJob(String jobId) {
    removedJobs.add(jobId);
    if (removedJobs.size() > REMOVED_JOBS_KEPT) {
      removedJobs.remove(removedJobs.iterator().next());
    }
    Set<ShuffleId> outputs = outputsByJob.remove(jobId);
    if (outputs != null) {
      for (ShuffleId stored : outputs) {
        service.removeJob(stored.jobId());
      }
    }
  }

  synchronized boolean isRemoved(String jobId) {
    return removedJobs.contains(jobId);
  }

  /** Committed outputs held now. */
  synchronized int outputCount() {
    return outputsByJob.values().stream().mapToInt(Set::size).sum();
  }

  /** Jobs with output held now. */
  synchronized int jobCount() {
    return outputsByJob.size();
  }

  long heldBytes() {
    return allocator.getAllocatedMemory();
  }

  @Override
  public synchronized void close() {
    outputsByJob.clear();
    service.close();
  }

  private static ShuffleId storedId(String jobId, int stageId, int mapPartition) {
    return new ShuffleId(jobId + "/map-" + mapPartition, stageId);
  }
}
