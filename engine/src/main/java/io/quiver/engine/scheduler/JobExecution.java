package io.quiver.engine.scheduler;

import io.quiver.engine.event.EventBus;
import io.quiver.engine.event.ExecutorLost;
import io.quiver.engine.event.FetchFailed;
import io.quiver.engine.event.JobEnded;
import io.quiver.engine.event.JobStarted;
import io.quiver.engine.event.MapOutputLost;
import io.quiver.engine.event.Outcome;
import io.quiver.engine.event.QueryEvent;
import io.quiver.engine.event.StageSubmitted;
import io.quiver.engine.event.TaskEnded;
import io.quiver.engine.event.TaskRetried;
import io.quiver.engine.event.TaskStarted;
import io.quiver.engine.executor.TaskHandle;
import io.quiver.engine.executor.TaskLaunch;
import io.quiver.engine.executor.TaskListener;
import io.quiver.engine.executor.TaskResult;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.fragment.stage.StageFragment;
import io.quiver.exec.fragment.stage.StagePlan;
import io.quiver.exec.metrics.TaskStats;
import io.quiver.exec.shuffle.MapOutputStatistics;
import io.quiver.exec.shuffle.ShuffleService;
import io.quiver.exec.task.CancellationToken;
import io.quiver.exec.task.ResultSink;
import io.quiver.exec.task.TaskId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One job (the run of one query) as the DAG scheduler drives it, the way Spark's DAGScheduler does:
 * a partition of a stage runs once every stage feeding it has all its output; the job succeeds when
 * every partition of the result stage has delivered its rows.
 *
 * <p>Faults: a task that fails runs again (avoiding the executors where it failed) until it has
 * failed {@link TaskScheduler#maxTaskAttempts()} times; then, or on cancellation, the job's
 * {@link CancellationToken} is set, its tasks are stopped everywhere and its queued tasks withdrawn.
 * When an executor is lost, or a task cannot fetch a map output from it, the output the executor
 * held is forgotten; the lost map partitions run again if a stage still needs them (lineage), and
 * tasks that ran there run again. Neither counts as a failure of the task. A result task that
 * failed after some of its rows reached the result sink is not retried: the job fails
 * ({@link ResultDelivery}).
 *
 * <p>The job has ended only when none of its tasks runs any more; then its shuffle data is removed
 * everywhere, {@link JobEnded} is posted and the end listener is told. All state changes happen
 * under this object's lock; events are queued under it and posted after it is released, in order.
 */
public final class JobExecution implements TaskListener {

  private static final Logger LOG = LoggerFactory.getLogger(JobExecution.class);

  /** Fetch failures one partition may see before the job gives up on it. */
  static final int MAX_FETCH_FAILURES = 4;

  private final String jobId;
  private final String sql;
  private final StagePlan plan;
  private final ResultSink resultSink;
  private final TaskScheduler taskScheduler;
  private final ShuffleService shuffle;
  private final EventBus events;
  private final JobEndListener endListener;
  private final CancellationToken cancellation;
  private final CountDownLatch ended = new CountDownLatch(1);
  private final Queue<QueryEvent> pendingEvents = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean posting = new AtomicBoolean();
  private final long startNanos = System.nanoTime();

  private final Map<Integer, StageRun> stages = new LinkedHashMap<>();
  private final Map<TaskId, TaskHandle> queuedOrRunning = new HashMap<>();
  /** The sinks of the result task attempts that have not ended. */
  private final Map<TaskId, ResultDelivery> deliveries = new HashMap<>();
  private final Set<String> lostExecutors = new HashSet<>();
  private int outstandingTasks;
  private TaskStats jobStats = TaskStats.EMPTY;
  private final JobLimits limits;
  private Outcome outcome;
  private QuiverException failure;
  private boolean finished;
  private boolean started;

  JobExecution(String jobId, String sql, StagePlan plan, CancellationToken cancellation, ResultSink resultSink,
      TaskScheduler taskScheduler, ShuffleService shuffle, EventBus events, JobEndListener endListener) {
    this(jobId, sql, plan, cancellation, resultSink, taskScheduler, shuffle, events, endListener, JobLimits.NONE);
  }

  /** @param limits how many tasks run at once and how much memory they hold */
  JobExecution(String jobId, String sql, StagePlan plan, CancellationToken cancellation, ResultSink resultSink,
      TaskScheduler taskScheduler, ShuffleService shuffle, EventBus events, JobEndListener endListener,
      JobLimits limits) {
    this.limits = limits;
    this.jobId = jobId;
    this.cancellation = cancellation;
    this.sql = sql;
    this.plan = plan;
    this.resultSink = resultSink;
    this.taskScheduler = taskScheduler;
    this.shuffle = shuffle;
    this.events = events;
    this.endListener = endListener;
    for (StageFragment stage : plan.stages()) {
      StageRun run = new StageRun(stage, stage.stageId() == plan.resultStage().stageId());
      stages.put(stage.stageId(), run);
      for (int source : stage.sourceStageIds()) {
        stages.get(source).consumers.add(run);
      }
    }
  }

  public String jobId() {
    return jobId;
  }

  public StagePlan plan() {
    return plan;
  }

  /** Shared by every task of this job. */
  public CancellationToken cancellation() {
    return cancellation;
  }

  /** Null while the job runs. */
  public synchronized Outcome outcome() {
    return finished ? outcome : null;
  }

  /** Why the job failed or was cancelled; null if it succeeded or still runs. */
  public synchronized QuiverException failure() {
    return finished ? failure : null;
  }

  public boolean isEnded() {
    return ended.getCount() == 0;
  }

  /** Waits until the job has ended (no task of it runs). False if the time ran out first. */
  public boolean awaitEnd(long timeout, TimeUnit unit) throws InterruptedException {
    return ended.await(timeout, unit);
  }

  /**
   * Stops the job: running tasks see {@code reason} at their next batch, queued ones never start.
   * Does nothing if the job already failed, was cancelled or succeeded.
   */
  public void cancel(QuiverException reason) {
    synchronized (this) {
      stop(Outcome.CANCELLED, reason);
      finishIfDone();
    }
    postPendingEvents();
  }

  void start() {
    synchronized (this) {
      if (started) {
        throw new IllegalStateException("job " + jobId + " already started");
      }
      started = true;
      emit(new JobStarted(jobId, System.currentTimeMillis(), sql, plan.stages().size()));
      try {
        taskScheduler.checkRunnable(plan);
        schedule();
      } catch (RuntimeException e) {
        stop(Outcome.FAILED, asQuiverException(e));
      }
      finishIfDone();
    }
    postPendingEvents();
  }

  @Override
  public void onTaskStarted(TaskId task, String executorId, int slot) {
    synchronized (this) {
      emit(new TaskStarted(jobId, System.currentTimeMillis(), task.stageId(), task.partition(), task.attempt(),
          executorId, slot));
    }
    postPendingEvents();
  }

  @Override
  public void onTaskEnded(TaskId task, TaskResult result) {
    synchronized (this) {
      outstandingTasks--;
      queuedOrRunning.remove(task);
      ResultDelivery delivery = deliveries.remove(task);
      QuiverException error = result.failure();
      emit(new TaskEnded(jobId, System.currentTimeMillis(), task.stageId(), task.partition(), task.attempt(),
          result.outcome(), result.executorId(), result.stats(), result.durationNanos(),
          error == null ? null : error.errorCode(),
          error == null ? null : error.getMessage()));
      jobStats = jobStats.plus(result.stats().withoutOperators());
      StageRun stage = stages.get(task.stageId());
      stage.running[task.partition()] = false;
      if (stage.progress != null) {
        stage.progress.add(result);
      }
      if (outcome == null) {
        if (error == null) {
          succeeded(stage, task, result);
        } else if (delivery != null && delivery.deliveredBatches() > 0 && !cancellation.isCancelled()) {
          // its rows reached the client: a retry would send them twice
          stop(Outcome.FAILED, error);
        } else {
          failed(stage, task, result);
        }
      }
      finishIfDone();
    }
    postPendingEvents();
  }

  /**
   * An executor is gone: the map output it held is lost. Tasks that ran there are reported ended by
   * the backend afterwards and run again.
   */
  void onExecutorLost(String executorId, String reason) {
    synchronized (this) {
      if (outcome != null || !lostExecutors.add(executorId)) {
        return;
      }
      emit(new ExecutorLost(jobId, System.currentTimeMillis(), executorId, reason));
      forgetOutputsOn(executorId);
      schedule();
      finishIfDone();
    }
    postPendingEvents();
  }

  private void succeeded(StageRun stage, TaskId task, TaskResult result) {
    int partition = task.partition();
    if (result.executorId() != null && lostExecutors.contains(result.executorId()) && !stage.isResult) {
      // Reported by an executor already given up for lost: its output cannot be trusted to be there.
      emit(new TaskRetried(jobId, System.currentTimeMillis(), task.stageId(), partition, task.attempt(),
          "executor " + result.executorId() + " was lost"));
    } else {
      stage.outputLocation[partition] = result.executorId() == null ? "" : result.executorId();
      stage.statistics[partition] = result.outputStatistics();
    }
    if (stage.isAvailable()) {
      if (!stage.completedOnce) {
        stage.completedOnce = true;
        emit(stage.progress.completedEvent(jobId, Outcome.SUCCEEDED));
      }
      if (stage.isResult) {
        outcome = Outcome.SUCCEEDED;
        return;
      }
    }
    schedule();
  }

  private void failed(StageRun stage, TaskId task, TaskResult result) {
    int partition = task.partition();
    QuiverException error = result.failure();
    long now = System.currentTimeMillis();
    if (cancellation.isCancelled()) {
      // The statement's token was cancelled from outside (cancel, statement or session closed) and the
      // task saw it before anyone called cancel(): the job was cancelled, it did not fail.
      stop(Outcome.CANCELLED, error);
      return;
    }
    if (result.fetchFailure() != null) {
      TaskResult.FetchFailure fetch = result.fetchFailure();
      emit(new FetchFailed(jobId, now, task.stageId(), partition, task.attempt(), fetch.stageId(),
          fetch.mapPartition(), fetch.executorId()));
      forgetOutputsOn(fetch.executorId());
      if (++stage.fetchFailures[partition] >= MAX_FETCH_FAILURES) {
        stop(Outcome.FAILED, error);
        return;
      }
      emit(new TaskRetried(jobId, now, task.stageId(), partition, task.attempt(), error.getMessage()));
    } else if (result.executorLost()) {
      emit(new TaskRetried(jobId, now, task.stageId(), partition, task.attempt(), error.getMessage()));
    } else {
      if (result.executorId() != null) {
        stage.failedOn.get(partition).add(result.executorId());
      }
      if (++stage.failures[partition] >= taskScheduler.maxTaskAttempts() || !retriable(error)) {
        stop(Outcome.FAILED, error);
        return;
      }
      emit(new TaskRetried(jobId, now, task.stageId(), partition, task.attempt(), error.getMessage()));
    }
    schedule();
  }

  private static boolean retriable(QuiverException error) {
    return error.errorCode() != ErrorCode.QUERY_CANCELLED && error.errorCode() != ErrorCode.QUERY_TIMEOUT;
  }

  /** Map output on the executor is gone; the result stage's delivered rows are not. */
  private void forgetOutputsOn(String executorId) {
    for (StageRun stage : stages.values()) {
      if (stage.isResult) {
        continue;
      }
      for (int partition = 0; partition < stage.partitionCount(); partition++) {
        if (executorId.equals(stage.outputLocation[partition])) {
          stage.outputLocation[partition] = null;
          stage.statistics[partition] = null;
          emit(new MapOutputLost(jobId, System.currentTimeMillis(), stage.stageId(), partition, executorId));
        }
      }
    }
  }

  /**
   * Launches every missing partition whose inputs are all there, of every stage still needed, in
   * plan order. A failure to launch fails the job.
   */
  private void schedule() {
    try {
      for (StageRun stage : stages.values()) {
        if (stage.isAvailable() || !isNeeded(stage) || !sourcesAvailable(stage)) {
          continue;
        }
        if (!stage.submitted) {
          stage.submitted = true;
          stage.progress = new StageProgress(stage.stageId(), stage.partitionCount());
          emit(new StageSubmitted(jobId, System.currentTimeMillis(), stage.stageId(), stage.partitionCount(),
              stage.fragment.sourceStageIds()));
        }
        for (int partition = 0; partition < stage.partitionCount(); partition++) {
          if (outstandingTasks >= limits.maxRunningTasks()) {
            return; // the next task end schedules again
          }
          if (stage.outputLocation[partition] == null && !stage.running[partition]) {
            launch(stage, partition);
          }
        }
      }
    } catch (RuntimeException e) {
      stop(Outcome.FAILED, asQuiverException(e));
    }
  }

  /** The result stage is needed until it is done; another stage while a needed consumer lacks output. */
  private boolean isNeeded(StageRun stage) {
    if (stage.isResult) {
      return true;
    }
    for (StageRun consumer : stage.consumers) {
      if (!consumer.isAvailable() && isNeeded(consumer)) {
        return true;
      }
    }
    return false;
  }

  private boolean sourcesAvailable(StageRun stage) {
    for (int source : stage.fragment.sourceStageIds()) {
      if (!stages.get(source).isAvailable()) {
        return false;
      }
    }
    return true;
  }

  private void launch(StageRun stage, int partition) {
    TaskId taskId = new TaskId(jobId, stage.stageId(), partition, stage.nextAttempt[partition]++);
    Map<Integer, List<String>> sources = new HashMap<>();
    for (int source : stage.fragment.sourceStageIds()) {
      sources.put(source, stages.get(source).locations());
    }
    ResultDelivery delivery = stage.isResult && resultSink != null ? new ResultDelivery(resultSink) : null;
    TaskLaunch launch = new TaskLaunch(taskId, stage.fragment, cancellation, delivery,
        sources, preferredExecutor(stage, partition), stage.failedOn.get(partition), limits.memoryLimitBytes());
    stage.running[partition] = true;
    outstandingTasks++;
    if (delivery != null) {
      deliveries.put(taskId, delivery);
    }
    TaskHandle handle;
    try {
      handle = taskScheduler.launch(launch, this);
    } catch (RuntimeException e) {
      stage.running[partition] = false;
      outstandingTasks--;
      deliveries.remove(taskId);
      throw e;
    }
    queuedOrRunning.put(taskId, handle);
  }

  /** The executor holding the most bytes this partition will read; null for a stage without sources. */
  private String preferredExecutor(StageRun stage, int partition) {
    Map<String, Long> bytesByExecutor = new HashMap<>();
    for (int source : stage.fragment.sourceStageIds()) {
      StageRun sourceRun = stages.get(source);
      for (int map = 0; map < sourceRun.partitionCount(); map++) {
        MapOutputStatistics statistics = sourceRun.statistics[map];
        if (statistics == null || statistics.bytesPerPartition().length == 0) {
          continue;
        }
        long[] bytes = statistics.bytesPerPartition();
        long read = bytes[partition < bytes.length ? partition : 0];
        bytesByExecutor.merge(sourceRun.outputLocation[map], read, Long::sum);
      }
    }
    String best = null;
    long bestBytes = 0;
    for (Map.Entry<String, Long> entry : bytesByExecutor.entrySet()) {
      if (entry.getValue() > bestBytes) {
        best = entry.getKey();
        bestBytes = entry.getValue();
      }
    }
    return best;
  }

  /** The first stop wins; later failures (mostly tasks seeing the cancellation) change nothing. */
  private void stop(Outcome why, QuiverException reason) {
    if (outcome != null) {
      return;
    }
    outcome = why;
    failure = reason;
    cancellation.cancel(reason);
    for (TaskHandle attempt : List.copyOf(queuedOrRunning.values())) {
      if (attempt.withdraw()) {
        queuedOrRunning.remove(attempt.taskId());
        stages.get(attempt.taskId().stageId()).running[attempt.taskId().partition()] = false;
        outstandingTasks--;
      }
    }
    if (!queuedOrRunning.isEmpty()) {
      try {
        taskScheduler.cancelJob(jobId, reason);
      } catch (RuntimeException e) {
        LOG.warn("could not cancel the tasks of job {}", jobId, e);
      }
    }
    for (StageRun stage : stages.values()) {
      if (stage.submitted && !stage.completedOnce) {
        emit(stage.progress.completedEvent(jobId, why));
      }
    }
  }

  private void finishIfDone() {
    if (finished || outcome == null || outstandingTasks > 0) {
      return;
    }
    finished = true;
    try {
      shuffle.removeJob(jobId);
    } catch (RuntimeException e) {
      LOG.warn("could not remove the shuffle data of job {}", jobId, e);
    }
    try {
      taskScheduler.removeJob(jobId);
    } catch (RuntimeException e) {
      LOG.warn("could not remove the data of job {} from the executors", jobId, e);
    }
    emit(new JobEnded(jobId, System.currentTimeMillis(), outcome,
        failure == null ? null : failure.errorCode(), failure == null ? null : failure.getMessage(),
        System.nanoTime() - startNanos, jobStats));
    try {
      endListener.onJobEnded(this);
    } catch (RuntimeException e) {
      LOG.warn("job end listener of {} failed", jobId, e);
    }
  }

  /** Queues an event; called under this job's lock, so events queue in the order things happened. */
  private void emit(QueryEvent event) {
    pendingEvents.add(event);
  }

  /**
   * Posts queued events, outside the job's lock, so a listener may call back into the engine (for
   * example to cancel a query). One thread posts at a time; the others leave their events to it.
   * The job counts as ended only once its JobEnded event was posted.
   */
  private void postPendingEvents() {
    while (posting.compareAndSet(false, true)) {
      try {
        QueryEvent event;
        while ((event = pendingEvents.poll()) != null) {
          events.post(event);
          if (event instanceof JobEnded) {
            ended.countDown();
          }
        }
      } finally {
        posting.set(false);
      }
      if (pendingEvents.isEmpty()) {
        return;
      }
    }
  }

  private static QuiverException asQuiverException(RuntimeException e) {
    return e instanceof QuiverException quiver ? quiver
        : new QuiverException(ErrorCode.INTERNAL_ERROR, "scheduling failed: " + e, e);
  }

  @Override
  public String toString() {
    return "job " + jobId;
  }
}
