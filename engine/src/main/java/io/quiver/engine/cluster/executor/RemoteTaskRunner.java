package io.quiver.engine.cluster.executor;

import io.quiver.exec.memory.ExecutorMemoryManager;
import io.quiver.engine.cluster.protocol.ClusterMessages.Launch;
import io.quiver.engine.cluster.protocol.ClusterMessages.TaskStatus;
import io.quiver.engine.event.Outcome;
import io.quiver.engine.executor.TaskFailures;
import io.quiver.exec.connector.TableDataSources;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.fragment.stage.OutputPartitioning;
import io.quiver.exec.fragment.stage.StageFragment;
import io.quiver.exec.shuffle.MapOutputStatistics;
import io.quiver.exec.shuffle.ShuffleWriter;
import io.quiver.exec.task.CancellationToken;
import io.quiver.exec.task.ResultSink;
import io.quiver.exec.task.TaskContext;
import io.quiver.exec.task.TaskId;
import io.quiver.exec.task.TaskMetrics;
import io.quiver.exec.task.TaskRunner;
import org.apache.arrow.memory.BufferAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one task an executor was sent, in one of its slots, and says how it ended. A result stage's
 * rows are kept in the store like a map output (one reduce partition) until the driver fetches
 * them, so a retried result task never delivers rows twice.
 */
final class RemoteTaskRunner {

  private static final Logger LOG = LoggerFactory.getLogger(RemoteTaskRunner.class);

  private final String executorId;
  private final BufferAllocator tasksAllocator;
  /** The tasks' shared execution memory: who spills when a task is short of memory. */
  private final ExecutorMemoryManager memoryManager;
  private final ExecutorShuffleStore store;
  private final PeerClients peers;
  private final ShuffleCounters counters;
  private final TableDataSources dataSources;
  private final int batchSize;

  RemoteTaskRunner(String executorId, BufferAllocator tasksAllocator, ExecutorShuffleStore store, PeerClients peers,
      ShuffleCounters counters, TableDataSources dataSources, int batchSize, ExecutorMemoryManager memoryManager) {
    this.memoryManager = memoryManager;
    this.executorId = executorId;
    this.tasksAllocator = tasksAllocator;
    this.store = store;
    this.peers = peers;
    this.counters = counters;
    this.dataSources = dataSources;
    this.batchSize = batchSize;
  }

  TaskStatus run(Launch launch, StageFragment fragment, CancellationToken cancellation) {
    TaskId taskId = new TaskId(launch.jobId(), launch.stageId(), launch.partition(), launch.attempt());
    long start = System.nanoTime();
    TaskMetrics metrics = new TaskMetrics();
    MapOutputStatistics statistics = null;
    Throwable failure = null;
    BufferAllocator allocator = null;
    ShuffleWriter resultWriter = null;
    try {
      cancellation.throwIfCancelled();
      allocator = tasksAllocator.newChildAllocator("task " + taskId, 0, tasksAllocator.getLimit());
      ResultSink sink = null;
      if (fragment.output() instanceof OutputPartitioning.Result) {
        ShuffleWriter writer = store.openWriter(launch.jobId(), launch.stageId(), launch.partition(), 1,
            fragment.root().outputSchema().toArrowSchema());
        resultWriter = writer;
        sink = batch -> writer.write(0, batch);
      }
      TaskShuffle shuffle = new TaskShuffle(executorId, store, launch.sources(), peers, counters, metrics);
      TaskContext context = new TaskContext(taskId, allocator, shuffle, dataSources, sink, cancellation, batchSize,
          metrics, memoryManager.newTask(allocator, metrics));
      statistics = TaskRunner.run(fragment, context);
      if (resultWriter != null) {
        statistics = resultWriter.commit();
      }
    } catch (Throwable t) {
      failure = t;
      if (resultWriter != null) {
        resultWriter.abort();
      }
    } finally {
      failure = closeAllocator(taskId, allocator, failure);
    }
    long duration = System.nanoTime() - start;
    if (failure == null) {
      return status(launch, Outcome.SUCCEEDED, statistics, metrics, duration, null, null);
    }
    QuiverException error = TaskFailures.toQuiverException(taskId, failure);
    ShuffleFetchFailedException fetch = ShuffleFetchFailedException.find(failure);
    Outcome outcome = cancellation.isCancelled() ? Outcome.CANCELLED : Outcome.FAILED;
    if (outcome == Outcome.FAILED) {
      LOG.warn("task {} failed", taskId, failure);
    }
    return status(launch, outcome, null, metrics, duration, error, outcome == Outcome.FAILED ? fetch : null);
  }

  /** A task that never ran because its job was cancelled or removed first. */
  TaskStatus cancelled(Launch launch, QuiverException reason) {
    return status(launch, Outcome.CANCELLED, null, new TaskMetrics(), 0, reason, null);
  }

  private TaskStatus status(Launch launch, Outcome outcome, MapOutputStatistics statistics, TaskMetrics metrics,
      long durationNanos, QuiverException error, ShuffleFetchFailedException fetch) {
    return new TaskStatus(executorId, launch.jobId(), launch.stageId(), launch.partition(), launch.attempt(), outcome,
        statistics == null ? null : statistics.rowsPerPartition(),
        statistics == null ? null : statistics.bytesPerPartition(),
        metrics.snapshot(), durationNanos,
        error == null ? null : error.errorCode(), error == null ? null : error.getMessage(),
        fetch == null ? null : fetch.executorId(), fetch == null ? -1 : fetch.stageId(),
        fetch == null ? -1 : fetch.mapPartition());
  }

  private static Throwable closeAllocator(TaskId taskId, BufferAllocator allocator, Throwable failure) {
    if (allocator == null) {
      return failure;
    }
    try {
      allocator.close();
      return failure;
    } catch (RuntimeException leak) {
      if (failure != null) {
        failure.addSuppressed(leak);
        return failure;
      }
      return new QuiverException(ErrorCode.INTERNAL_ERROR,
          "task " + taskId + " did not release its memory: " + leak.getMessage(), leak);
    }
  }
}
