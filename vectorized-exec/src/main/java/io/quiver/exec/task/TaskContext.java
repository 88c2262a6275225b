package io.quiver.exec.task;

import io.quiver.exec.connector.TableDataSources;
import io.quiver.exec.shuffle.ShuffleService;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Everything a running task may use besides its fragment. The task's allocator is its own child
 * allocator (with a limit). Whoever starts the task (the executor) closes that allocator once the
 * task has ended and its result batches have been handed on, so a leak fails the task; the task
 * runner itself does not close it, because result batches may still live in it.
 *
 * @param resultSink where the result stage sends its batches; null for other stages
 */
public record TaskContext(TaskId taskId, BufferAllocator allocator, ShuffleService shuffle,
    TableDataSources dataSources, ResultSink resultSink, CancellationToken cancellation, int batchSize,
    TaskMetrics metrics) {
}
