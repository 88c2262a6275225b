package io.quiver.engine.executor;

import io.quiver.engine.admission.QueryMemory;
import io.quiver.exec.connector.TableDataSources;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.fragment.stage.StageFragment;
import io.quiver.exec.memory.ExecutorMemoryManager;
import io.quiver.exec.shuffle.ShuffleService;
import io.quiver.exec.task.CancellationToken;
import io.quiver.exec.task.ResultSink;
import io.quiver.exec.task.TaskId;
import java.nio.file.Path;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.memory.BufferAllocator;

/**
 * An executor inside the driver's JVM: a fixed pool of {@code slots} threads, each running one task
 * at a time, so never more tasks run at once than there are slots. Queued tasks start in the order
 * they were submitted. Every task gets its own child allocator, closed when the task ends.
 */
public final class LocalExecutor implements TaskBackend {

  private static final AtomicInteger EXECUTOR_NUMBERS = new AtomicInteger();

  private final int slots;
  private final BufferAllocator allocator;
  private final ShuffleService shuffle;
  private final TableDataSources dataSources;
  private final int batchSize;
  private final TaskInvoker invoker;
  private final ThreadPoolExecutor pool;
  private final AtomicInteger running = new AtomicInteger();
  private final SlotNumbers slotNumbers;
  /** The allocators of jobs with a memory limit of their own (when no QueryMemory keeps limits), by job id. */
  private final java.util.Map<String, BufferAllocator> jobAllocators = new java.util.concurrent.ConcurrentHashMap<>();
  private final java.util.List<Thread> slotThreads = new java.util.concurrent.CopyOnWriteArrayList<>();
  /** Where tasks' allocators come from when queries have memory limits; null for plain children. */
  private volatile QueryMemory queryMemory;
  /** The tasks' shared execution memory: who spills when a task is short of memory. */
  private final ExecutorMemoryManager memoryManager;

  /**
   * @param parentAllocator the executor's allocator is a child of it; tasks' allocators are its children
   * @param invoker what a slot does with a task ({@link TaskInvoker#TASK_RUNNER} outside tests)
   */
  public LocalExecutor(int slots, BufferAllocator parentAllocator, ShuffleService shuffle,
      TableDataSources dataSources, int batchSize, TaskInvoker invoker) {
    this(slots, parentAllocator, shuffle, dataSources, batchSize, invoker, null);
  }

  /**
   * @param spillDirectory where tasks' operators spill (a directory per task, deleted when the task
   *     ends); null for the system's temporary directory
   */
  public LocalExecutor(int slots, BufferAllocator parentAllocator, ShuffleService shuffle,
      TableDataSources dataSources, int batchSize, TaskInvoker invoker, Path spillDirectory) {
    if (slots < 1) {
      throw new IllegalArgumentException("slots must be at least 1, was " + slots);
    }
    this.slots = slots;
    this.slotNumbers = new SlotNumbers(slots);
    this.allocator = parentAllocator.newChildAllocator("executor", 0, parentAllocator.getLimit());
    this.shuffle = shuffle;
    this.dataSources = dataSources;
    this.batchSize = batchSize;
    this.invoker = invoker;
    this.memoryManager = new ExecutorMemoryManager(spillDirectory);
    this.pool = new ThreadPoolExecutor(slots, slots, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
        slotThreads(slotThreads));
  }

  @Override
  public int slots() {
    return slots;
  }

  /** Tasks run once: a failure in the driver's own JVM is not one a retry elsewhere would avoid. */
  @Override
  public int maxTaskAttempts() {
    return 1;
  }

  @Override
  public TaskHandle launch(TaskLaunch launch, TaskListener listener) {
    if (launch.jobMemoryLimitBytes() < allocator.getLimit()) {
      // The session's memory_limit: under the query's and user's limits when those are kept.
      QueryMemory memory = queryMemory;
      if (memory != null) {
        memory.limitJob(launch.taskId().jobId(), launch.jobMemoryLimitBytes());
      } else {
        jobAllocators.computeIfAbsent(launch.taskId().jobId(),
            job -> allocator.newChildAllocator("job " + job, 0, launch.jobMemoryLimitBytes()));
      }
    }
    return submit(launch.taskId(), launch.fragment(), launch.cancellation(), launch.resultSink(), listener);
  }

  /** Nothing to do: the job's tasks share its cancellation token, which the job has set. */
  @Override
  public void cancelJob(String jobId, QuiverException reason) {
  }

  /**
   * The job's shuffle data lives in the driver's shuffle service, which the job clears; its memory
   * limit's allocator goes.
   */
  @Override
  public void removeJob(String jobId) {
    QueryMemory memory = queryMemory;
    if (memory != null) {
      memory.jobEnded(jobId);
    }
    BufferAllocator jobAllocator = jobAllocators.remove(jobId);
    if (jobAllocator != null) {
      jobAllocator.close();
    }
  }

  /** Tasks get their allocators under their query's and user's memory limits (set before tasks run). */
  public void limitMemory(QueryMemory memory) {
    this.queryMemory = memory;
  }

  /** Queues a task for the next free slot. */
  public TaskAttempt submit(TaskId taskId, StageFragment fragment, CancellationToken cancellation,
      ResultSink resultSink, TaskListener listener) {
    TaskAttempt attempt = new TaskAttempt(taskId, fragment, cancellation, resultSink, listener, this);
    try {
      pool.execute(attempt);
    } catch (RejectedExecutionException e) {
      throw new QuiverException(ErrorCode.INTERNAL_ERROR, "the executor is shut down", e);
    }
    return attempt;
  }

  /** Tasks in a slot now, counted until their end was reported; for tests and monitoring. */
  public int runningTasks() {
    return running.get();
  }

  @Override
  public java.util.List<ExecutorInfo> executors() {
    return java.util.List.of(new ExecutorInfo(LOCAL_EXECUTOR_ID, "in-process", slots, running.get(),
        allocator.getAllocatedMemory(), allocator.getLimit(), -1, System.currentTimeMillis(), "ALIVE"));
  }

  /** A task entered a slot: the slot's number. */
  int taskStarted() {
    running.incrementAndGet();
    return slotNumbers.take();
  }

  void taskEnded(int slot) {
    slotNumbers.release(slot);
    running.decrementAndGet();
  }

  /** Stops the slot threads (interrupting running tasks) and closes the executor's allocator. */
  @Override
  public void close() {
    pool.shutdownNow();
    try {
      if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
        throw new QuiverException(ErrorCode.INTERNAL_ERROR, "executor tasks did not stop within 30 seconds");
      }
      // A terminated pool's workers may still be finishing their exit; once close returns, none is alive.
      for (Thread thread : slotThreads) {
        thread.join(TimeUnit.SECONDS.toMillis(5));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new QuiverException(ErrorCode.INTERNAL_ERROR, "interrupted while stopping the executor", e);
    }
    QueryMemory memory = queryMemory;
    if (memory != null) {
      memory.close();
    }
    jobAllocators.values().forEach(BufferAllocator::close);
    jobAllocators.clear();
    allocator.close();
  }

  void removeQueued(TaskAttempt attempt) {
    pool.remove(attempt);
  }

  BufferAllocator newTaskAllocator(TaskId taskId) {
    QueryMemory memory = queryMemory;
    if (memory != null) {
      return memory.newTaskAllocator(taskId, allocator);
    }
    BufferAllocator parent = jobAllocators.getOrDefault(taskId.jobId(), allocator);
    return parent.newChildAllocator("task " + taskId, 0, parent.getLimit());
  }

  ExecutorMemoryManager memoryManager() {
    return memoryManager;
  }

  ShuffleService shuffle() {
    return shuffle;
  }

  TableDataSources dataSources() {
    return dataSources;
  }

  int batchSize() {
    return batchSize;
  }

  TaskInvoker invoker() {
    return invoker;
  }

  private static ThreadFactory slotThreads(java.util.List<Thread> created) {
    int executorNumber = EXECUTOR_NUMBERS.incrementAndGet();
    AtomicInteger slotNumbers = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "quiver-executor-" + executorNumber + "-slot-" + slotNumbers.incrementAndGet());
      thread.setDaemon(true);
      created.add(thread);
      return thread;
    };
  }
}
