package io.quiver.exec.task;

import io.quiver.exec.connector.TableDataSources;
import io.quiver.exec.shuffle.ShuffleService;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Everything a running task may use besides its fragment. The task's allocator is its own child
 * allocator (with a limit); the task runner closes it when the task ends, so a leak fails the task.
 *
 * @param resultSink where the result stage sends its batches; null for other stages
 */
public record TaskContext(TaskId taskId, BufferAllocator allocator, ShuffleService shuffle,
    TableDataSources dataSources, ResultSink resultSink, CancellationToken cancellation, int batchSize,
    TaskMetrics metrics) {
}
