package io.quiver.engine.scheduler;

import io.quiver.engine.event.EventBus;
import io.quiver.engine.event.JobEnded;
import io.quiver.engine.event.JobStarted;
import io.quiver.engine.event.Outcome;
import io.quiver.engine.event.QueryEvent;
import io.quiver.engine.event.StageCompleted;
import io.quiver.engine.event.StageSubmitted;
import io.quiver.engine.event.TaskEnded;
import io.quiver.engine.event.TaskStarted;
import io.quiver.engine.executor.TaskAttempt;
import io.quiver.engine.executor.TaskListener;
import io.quiver.engine.executor.TaskResult;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.fragment.stage.StageFragment;
import io.quiver.exec.fragment.stage.StagePlan;
import io.quiver.exec.shuffle.ShuffleService;
import io.quiver.exec.task.CancellationToken;
import io.quiver.exec.task.ResultSink;
import io.quiver.exec.task.TaskId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One job (the run of one query) as the DAG scheduler drives it: a stage is submitted once every
 * stage feeding it has completed; the job succeeds when the result stage completes. The first task
 * failure, or a cancellation, sets the job's {@link CancellationToken} so that running tasks stop,
 * and withdraws its queued tasks. The job has ended only when none of its tasks runs any more; then
 * its shuffle data is removed, {@link JobEnded} is posted and the end listener is told.
 *
 * <p>All state changes happen under this object's lock; tasks report on the executor's threads.
 * Events are queued under the lock and posted after it is released, in the order they were queued.
 */
public final class JobExecution implements TaskListener {

  private static final Logger LOG = LoggerFactory.getLogger(JobExecution.class);

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

  private final Set<Integer> submittedStages = new HashSet<>();
  private final Set<Integer> completedStages = new HashSet<>();
  private final Map<Integer, StageProgress> runningStages = new HashMap<>();
  private final List<TaskAttempt> queuedOrRunning = new ArrayList<>();
  private int outstandingTasks;
  private Outcome outcome;
  private QuiverException failure;
  private boolean finished;
  private boolean started;

  JobExecution(String jobId, String sql, StagePlan plan, CancellationToken cancellation, ResultSink resultSink,
      TaskScheduler taskScheduler, ShuffleService shuffle, EventBus events, JobEndListener endListener) {
    this.jobId = jobId;
    this.cancellation = cancellation;
    this.sql = sql;
    this.plan = plan;
    this.resultSink = resultSink;
    this.taskScheduler = taskScheduler;
    this.shuffle = shuffle;
    this.events = events;
    this.endListener = endListener;
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
        submitReadyStages();
      } catch (RuntimeException e) {
        stop(Outcome.FAILED, asQuiverException(e));
      }
      finishIfDone();
    }
    postPendingEvents();
  }

  @Override
  public void onTaskStarted(TaskId task) {
    synchronized (this) {
      emit(new TaskStarted(jobId, System.currentTimeMillis(), task.stageId(), task.partition(), task.attempt()));
    }
    postPendingEvents();
  }

  @Override
  public void onTaskEnded(TaskId task, TaskResult result) {
    synchronized (this) {
      outstandingTasks--;
      queuedOrRunning.removeIf(attempt -> attempt.taskId().equals(task));
      QuiverException error = result.failure();
      emit(new TaskEnded(jobId, System.currentTimeMillis(), task.stageId(), task.partition(), task.attempt(),
          result.outcome(), result.metrics().inputRows(), result.metrics().inputBytes(), result.metrics().outputRows(),
          result.metrics().outputBytes(), result.durationNanos(), error == null ? null : error.errorCode(),
          error == null ? null : error.getMessage()));
      StageProgress stage = runningStages.get(task.stageId());
      if (stage != null) {
        stage.add(result);
      }
      if (error != null) {
        stop(Outcome.FAILED, error);
      } else if (outcome == null && stage != null && stage.allTasksSucceeded()) {
        completeStage(stage);
      }
      finishIfDone();
    }
    postPendingEvents();
  }

  private void completeStage(StageProgress stage) {
    runningStages.remove(stage.stageId());
    completedStages.add(stage.stageId());
    emit(stage.completedEvent(jobId, Outcome.SUCCEEDED));
    if (stage.stageId() == plan.resultStage().stageId()) {
      outcome = Outcome.SUCCEEDED;
      return;
    }
    try {
      submitReadyStages();
    } catch (RuntimeException e) {
      stop(Outcome.FAILED, asQuiverException(e));
    }
  }

  private void submitReadyStages() {
    for (StageFragment stage : plan.stages()) {
      if (!submittedStages.contains(stage.stageId()) && completedStages.containsAll(stage.sourceStageIds())) {
        submitStage(stage);
      }
    }
  }

  private void submitStage(StageFragment stage) {
    submittedStages.add(stage.stageId());
    runningStages.put(stage.stageId(), new StageProgress(stage.stageId(), stage.partitionCount()));
    emit(new StageSubmitted(jobId, System.currentTimeMillis(), stage.stageId(), stage.partitionCount(),
        stage.sourceStageIds()));
    ResultSink sink = stage.stageId() == plan.resultStage().stageId() ? resultSink : null;
    outstandingTasks += stage.partitionCount();
    List<TaskAttempt> attempts;
    try {
      attempts = taskScheduler.submitStage(jobId, stage, cancellation, sink, this);
    } catch (RuntimeException e) {
      outstandingTasks -= stage.partitionCount();
      throw e;
    }
    queuedOrRunning.addAll(attempts);
  }

  /** The first stop wins; later failures (mostly tasks seeing the cancellation) change nothing. */
  private void stop(Outcome why, QuiverException reason) {
    if (outcome != null) {
      return;
    }
    outcome = why;
    failure = reason;
    cancellation.cancel(reason);
    for (TaskAttempt attempt : List.copyOf(queuedOrRunning)) {
      if (attempt.withdraw()) {
        queuedOrRunning.remove(attempt);
        outstandingTasks--;
      }
    }
    for (StageProgress stage : runningStages.values()) {
      emit(stage.completedEvent(jobId, why));
    }
    runningStages.clear();
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
    emit(new JobEnded(jobId, System.currentTimeMillis(), outcome,
        failure == null ? null : failure.errorCode(), failure == null ? null : failure.getMessage(),
        System.nanoTime() - startNanos));
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
