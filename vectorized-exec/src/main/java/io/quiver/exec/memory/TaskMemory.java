package io.quiver.exec.memory;

import io.quiver.exec.shuffle.spill.SpillDirectory;
import io.quiver.exec.task.TaskMetrics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.memory.BufferAllocator;

/**
 * One task's side of memory management: its allocator's room, the spillable consumers of its
 * operators, its own spill directory, and the counters it reports in {@link TaskMetrics}.
 *
 * <p>An operator that wants to grow asks {@link #makeRoom}: if the allocator (and every limit
 * above it: query, user, executor) has the room, fine; otherwise the largest spillable consumer
 * spills, be it one of this task's (at once, on this thread) or another task's of the same
 * executor (asked through the {@link ExecutorMemoryManager}, which waits for it), until the room is
 * there or nothing is left to spill. Then the operator spills itself, or fails with 53200.
 *
 * <p>{@link #close} (by the task runner, however the task ended) deletes every spill file left.
 */
public final class TaskMemory implements AutoCloseable {

  private final BufferAllocator allocator;
  private final ExecutorMemoryManager manager;
  private final SpillDirectory spillDirectory;
  private final TaskMetrics metrics;
  private final List<Spillable> consumers = new CopyOnWriteArrayList<>();
  private final AtomicLong spillsDone = new AtomicLong();
  private volatile boolean spillRequested;
  /** True while this task is in {@link #makeRoom}: it cannot spill for another task then. */
  private volatile boolean waitingForRoom;
  private volatile boolean closed;

  TaskMemory(BufferAllocator allocator, ExecutorMemoryManager manager, Path spillParent, TaskMetrics metrics) {
    this.allocator = allocator;
    this.manager = manager;
    this.spillDirectory = new SpillDirectory(spillParent);
    this.metrics = metrics;
  }

  /** A task's memory without an executor around it (tests, tools): spills go to the temporary directory. */
  public static TaskMemory standalone(BufferAllocator allocator, TaskMetrics metrics) {
    return new TaskMemory(allocator, null, null, metrics);
  }

  public BufferAllocator allocator() {
    return allocator;
  }

  /** Bytes the task may still allocate under every limit above it. */
  public long headroom() {
    return allocator.getHeadroom();
  }

  /** The consumer takes part in spilling until {@link #unregister}. */
  public void register(Spillable consumer) {
    consumers.add(consumer);
  }

  public void unregister(Spillable consumer) {
    consumers.remove(consumer);
  }

  /**
   * Tries to have at least {@code bytes} of headroom, making the largest spillable consumer (other
   * than {@code requester}, of this task or another) spill as long as that helps.
   *
   * @return true when the room is there; false when the requester must spill itself or fail
   */
  public boolean makeRoom(long bytes, Spillable requester) {
    if (headroom() >= bytes) {
      return true;
    }
    waitingForRoom = true;
    try {
      for (int attempt = 0; attempt < 16 && headroom() < bytes; attempt++) {
        Spillable own = largest(requester);
        long ownBytes = own == null ? 0 : own.spillableBytes();
        long otherBytes = manager == null ? 0 : manager.largestSpillableOfOthers(this);
        if (ownBytes <= 0 && otherBytes <= 0) {
          break;
        }
        if (ownBytes >= otherBytes) {
          own.spill();
        } else if (!manager.spillLargestOther(this)) {
          break;
        }
      }
      return headroom() >= bytes;
    } finally {
      waitingForRoom = false;
    }
  }

  /** This task's largest spillable consumer other than {@code except}, or null. */
  private Spillable largest(Spillable except) {
    Spillable best = null;
    long bestBytes = 0;
    for (Spillable consumer : consumers) {
      long bytes = consumer.spillableBytes();
      if (consumer != except && bytes > bestBytes) {
        best = consumer;
        bestBytes = bytes;
      }
    }
    return best;
  }

  /**
   * The most bytes one consumer of this task could free now for another task (read by other
   * tasks' threads); 0 while this task itself waits for room, since it cannot answer then.
   */
  long largestSpillable() {
    if (closed || waitingForRoom) {
      return 0;
    }
    long best = 0;
    for (Spillable consumer : consumers) {
      best = Math.max(best, consumer.spillableBytes());
    }
    return best;
  }

  /** Another task wants memory: the next {@link #spillIfRequested} on this task's thread spills. */
  void requestSpill() {
    spillRequested = true;
  }

  long spillsDone() {
    return spillsDone.get();
  }

  boolean isClosed() {
    return closed;
  }

  /**
   * Spills this task's largest consumer if another task asked for memory. The task's driver calls
   * it between passes, when no operator is inside a call.
   */
  public void spillIfRequested() {
    if (!spillRequested) {
      return;
    }
    spillRequested = false;
    List<Spillable> byBytes = new ArrayList<>(consumers);
    byBytes.sort(Comparator.comparingLong(Spillable::spillableBytes).reversed());
    if (!byBytes.isEmpty() && byBytes.get(0).spillableBytes() > 0) {
      byBytes.get(0).spill();
    }
    spillsDone.incrementAndGet();
  }

  /** A path for a new spill file in the task's own directory (made on first use). */
  public Path newSpillFile(String prefix) {
    return spillDirectory.newFile(prefix);
  }

  /** The task's spill directory, or null before its first spill file. */
  public Path spillDirectory() {
    return spillDirectory.path();
  }

  /** Counts one spill of {@code bytes} bytes on disk in the task's metrics. */
  public void spilled(long bytes) {
    metrics.addSpill(bytes);
  }

  /** Records the allocator's peak and deletes every spill file left. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    consumers.clear();
    metrics.recordPeakMemory(allocator.getPeakMemoryAllocation());
    if (manager != null) {
      manager.taskEnded(this);
    }
    spillDirectory.close();
  }
}
