package io.quiver.exec.memory;

import io.quiver.exec.shuffle.spill.OrphanDirectories;
import io.quiver.exec.shuffle.spill.SpillDirectory;
import io.quiver.exec.task.TaskMetrics;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;

/**
 * The memory manager of one executor (in the spirit of Spark's unified memory manager): the
 * executor's tasks share one budget, the executor allocator's limit, which shuffle output and
 * operator state both draw from; when a task cannot get memory, the largest spillable consumer of
 * any running task spills before anyone fails. Spilling another task's operator is cooperative:
 * that task is asked, spills on its own thread between batches, and the asking task waits for it a
 * bounded time. Spill files go into a directory of their own per task under the executor's work
 * directory. Thread-safe.
 */
public final class ExecutorMemoryManager {

  /** How long a task short of memory waits for another task to spill before it gives up on it. */
  private static final long SPILL_WAIT_MILLIS = 1_000;

  private final Path spillDirectory;
  private final Set<TaskMemory> tasks = ConcurrentHashMap.newKeySet();

  /**
   * @param spillDirectory where tasks' spill directories go; null for the system's temporary
   *     directory. A configured directory is cleared of the spill directories of processes that
   *     crashed (see {@link OrphanDirectories}); the shared temporary directory is left alone.
   */
  public ExecutorMemoryManager(Path spillDirectory) {
    this.spillDirectory = spillDirectory;
    OrphanDirectories.removeOrphans(spillDirectory, SpillDirectory.PREFIX);
  }

  /** The memory of a task that allocates from {@code allocator}; closed by the task's runner. */
  public TaskMemory newTask(BufferAllocator allocator, TaskMetrics metrics) {
    TaskMemory task = new TaskMemory(allocator, this, spillDirectory, metrics);
    tasks.add(task);
    return task;
  }

  /** Tasks whose memory is managed now; for tests and monitoring. */
  public int runningTasks() {
    return tasks.size();
  }

  void taskEnded(TaskMemory task) {
    tasks.remove(task);
  }

  long largestSpillableOfOthers(TaskMemory requester) {
    long best = 0;
    for (TaskMemory task : tasks) {
      if (task != requester) {
        best = Math.max(best, task.largestSpillable());
      }
    }
    return best;
  }

  /**
   * Asks the task with the largest spillable consumer (other than {@code requester}) to spill and
   * waits until it did, it ended, or the wait ran out.
   *
   * @return true when a task spilled or ended
   */
  boolean spillLargestOther(TaskMemory requester) {
    TaskMemory victim = null;
    long best = 0;
    for (TaskMemory task : tasks) {
      long bytes = task == requester ? 0 : task.largestSpillable();
      if (bytes > best) {
        best = bytes;
        victim = task;
      }
    }
    if (victim == null) {
      return false;
    }
    long before = victim.spillsDone();
    victim.requestSpill();
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SPILL_WAIT_MILLIS);
    while (victim.spillsDone() == before && !victim.isClosed()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }
}
