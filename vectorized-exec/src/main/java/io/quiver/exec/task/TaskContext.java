package io.quiver.exec.task;

import io.quiver.exec.connector.TableDataSources;
import io.quiver.exec.memory.TaskMemory;
import io.quiver.exec.shuffle.ShuffleService;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Everything a running task may use besides its fragment. The task's allocator is its own child
 * allocator (with a limit). Whoever starts the task (the executor) closes that allocator once the
 * task has ended and its result batches have been handed on, so a leak fails the task; the task
 * runner itself does not close it, because result batches may still live in it.
 *
 * @param resultSink where the result stage sends its batches; null for other stages
 * @param memory the task's memory management (its allocator's room, spilling, spill files); the
 *     task runner closes it when the task ends, deleting the spill files
 */
public record TaskContext(TaskId taskId, BufferAllocator allocator, ShuffleService shuffle,
    TableDataSources dataSources, ResultSink resultSink, CancellationToken cancellation, int batchSize,
    TaskMetrics metrics, TaskMemory memory) {

  public TaskContext {
    if (memory == null) {
      memory = TaskMemory.standalone(allocator, metrics);
    } else if (memory.allocator() != allocator) {
      throw new IllegalArgumentException("the task's memory manages another allocator");
    }
  }

  /** A task without an executor's memory manager: its operators spill to the temporary directory. */
  public TaskContext(TaskId taskId, BufferAllocator allocator, ShuffleService shuffle,
      TableDataSources dataSources, ResultSink resultSink, CancellationToken cancellation, int batchSize,
      TaskMetrics metrics) {
    this(taskId, allocator, shuffle, dataSources, resultSink, cancellation, batchSize, metrics, null);
  }
}
