package io.quiver.engine.executor;

import io.quiver.engine.event.Outcome;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.fragment.stage.StageFragment;
import io.quiver.exec.memory.TaskMemory;
import io.quiver.exec.shuffle.MapOutputStatistics;
import io.quiver.exec.task.CancellationToken;
import io.quiver.exec.task.ResultSink;
import io.quiver.exec.task.TaskContext;
import io.quiver.exec.task.TaskId;
import io.quiver.exec.task.TaskMetrics;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.memory.BufferAllocator;

/**
 * One task waiting for or holding an executor slot. It either runs (once) or is withdrawn while
 * still queued; never both.
 */
public final class TaskAttempt implements Runnable, TaskHandle {

  private static final int QUEUED = 0;
  private static final int RUNNING = 1;
  private static final int WITHDRAWN = 2;

  private final TaskId taskId;
  private final StageFragment fragment;
  private final CancellationToken cancellation;
  private final ResultSink resultSink;
  private final TaskListener listener;
  private final LocalExecutor executor;
  private final AtomicInteger state = new AtomicInteger(QUEUED);

  TaskAttempt(TaskId taskId, StageFragment fragment, CancellationToken cancellation, ResultSink resultSink,
      TaskListener listener, LocalExecutor executor) {
    this.taskId = taskId;
    this.fragment = fragment;
    this.cancellation = cancellation;
    this.resultSink = resultSink;
    this.listener = listener;
    this.executor = executor;
  }

  @Override
  public TaskId taskId() {
    return taskId;
  }

  @Override
  public boolean withdraw() {
    if (state.compareAndSet(QUEUED, WITHDRAWN)) {
      executor.removeQueued(this);
      return true;
    }
    return state.get() == WITHDRAWN;
  }

  @Override
  public void run() {
    if (!state.compareAndSet(QUEUED, RUNNING)) {
      return;
    }
    TaskResult result;
    int slot = executor.taskStarted();
    try {
      result = execute(slot);
    } finally {
      executor.taskEnded(slot);
    }
    // Reported after the slot count dropped: whoever sees the job end sees no task of it running.
    listener.onTaskEnded(taskId, result);
  }

  private TaskResult execute(int slot) {
    long start = System.nanoTime();
    TaskMetrics metrics = new TaskMetrics();
    MapOutputStatistics statistics = null;
    Throwable failure = null;
    BufferAllocator allocator = null;
    TaskMemory memory = null;
    try {
      listener.onTaskStarted(taskId, TaskBackend.LOCAL_EXECUTOR_ID, slot);
      allocator = executor.newTaskAllocator(taskId);
      cancellation.throwIfCancelled();
      memory = executor.memoryManager().newTask(allocator, metrics);
      TaskContext context = new TaskContext(taskId, allocator, executor.shuffle(), executor.dataSources(),
          resultSink, cancellation, executor.batchSize(), metrics, memory);
      statistics = executor.invoker().invoke(fragment, context);
    } catch (Throwable t) {
      failure = t;
    } finally {
      // the task runner closed it already; a task run otherwise (tests) leaves no spill files either
      failure = TaskFailures.closeMemory(memory, failure);
      failure = closeAllocator(allocator, failure);
    }
    long duration = System.nanoTime() - start;
    if (failure == null) {
      return new TaskResult(Outcome.SUCCEEDED, statistics, metrics.snapshot(), duration, null);
    }
    QuiverException error = TaskFailures.toQuiverException(taskId, failure);
    Outcome outcome = cancellation.isCancelled() ? Outcome.CANCELLED : Outcome.FAILED;
    return new TaskResult(outcome, null, metrics.snapshot(), duration, error);
  }

  private Throwable closeAllocator(BufferAllocator allocator, Throwable failure) {
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

  @Override
  public String toString() {
    return "task " + taskId;
  }
}
