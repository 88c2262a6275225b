package io.quiver.engine.scheduler;

import io.quiver.exec.error.ErrorCode;
import io.quiver.engine.event.EventBus;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.fragment.stage.StagePlan;
import io.quiver.exec.shuffle.ShuffleService;
import io.quiver.exec.task.CancellationToken;
import io.quiver.exec.task.ResultSink;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The driver's DAG scheduler: turns each query's stage plan into a {@link JobExecution}, which
 * submits stages as their inputs complete, and keeps track of the jobs that still run. Tells them
 * when a cluster executor is lost.
 */
public final class DagScheduler {

  private final TaskScheduler taskScheduler;
  private final ShuffleService shuffle;
  private final EventBus events;
  private final Set<JobExecution> activeJobs = ConcurrentHashMap.newKeySet();

  /** Cancels jobs whose time is up; one daemon thread for every engine of the JVM. */
  private static final ScheduledThreadPoolExecutor TIMEOUTS = timeouts();

  private static ScheduledThreadPoolExecutor timeouts() {
    ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
      Thread thread = new Thread(runnable, "quiver-query-timeouts");
      thread.setDaemon(true);
      return thread;
    });
    executor.setRemoveOnCancelPolicy(true);
    return executor;
  }

  public DagScheduler(TaskScheduler taskScheduler, ShuffleService shuffle, EventBus events) {
    this.taskScheduler = taskScheduler;
    this.shuffle = shuffle;
    this.events = events;
    taskScheduler.backend().addExecutorLossListener(this::executorLost);
  }

  /** Every running job forgets the map output the executor held and runs its lost tasks again. */
  private void executorLost(String executorId, String reason) {
    for (JobExecution job : activeJobs()) {
      job.onExecutorLost(executorId, reason);
    }
  }

  /**
   * Starts a job. Its stages without inputs are submitted at once.
   *
   * @param cancellation the job's token, shared by its tasks and its result sink
   * @param resultSink receives the result stage's batches
   * @param endListener told once the job has ended, however it ended
   * @throws QuiverException INTERNAL_ERROR if the plan is not a runnable DAG
   */
  public JobExecution submitJob(String jobId, String sql, StagePlan plan, CancellationToken cancellation,
      ResultSink resultSink, JobEndListener endListener) {
    return submitJob(jobId, sql, plan, cancellation, resultSink, endListener, JobLimits.NONE);
  }

  /**
   * Starts a job within limits: at most so many of its tasks at once, so much memory, so long (a
   * job still running when its time is up is cancelled with QUERY_TIMEOUT).
   */
  public JobExecution submitJob(String jobId, String sql, StagePlan plan, CancellationToken cancellation,
      ResultSink resultSink, JobEndListener endListener, JobLimits limits) {
    StagePlans.validate(plan);
    JobExecution[] self = new JobExecution[1];
    ScheduledFuture<?>[] timer = new ScheduledFuture<?>[1];
    JobExecution job = new JobExecution(jobId, sql, plan, cancellation, resultSink, taskScheduler, shuffle, events,
        ended -> {
          activeJobs.remove(self[0]);
          synchronized (timer) {
            if (timer[0] != null) {
              timer[0].cancel(false);
            }
          }
          endListener.onJobEnded(ended);
        }, limits);
    self[0] = job;
    activeJobs.add(job);
    if (!limits.timeout().isZero()) {
      synchronized (timer) {
        timer[0] = TIMEOUTS.schedule(() -> job.cancel(new QuiverException(ErrorCode.QUERY_TIMEOUT, "the statement "
            + "ran longer than query_timeout (" + limits.timeout().toMillis() + " ms) and was stopped")),
            limits.timeout().toNanos(), TimeUnit.NANOSECONDS);
      }
    }
    job.start();
    return job;
  }

  /** The bus its jobs post their events on. */
  public EventBus events() {
    return events;
  }

  /** Jobs that have not ended yet. */
  public List<JobExecution> activeJobs() {
    return List.copyOf(activeJobs);
  }

  public void cancelAll(QuiverException reason) {
    for (JobExecution job : activeJobs()) {
      job.cancel(reason);
    }
  }

  /** Waits until every job has ended; false if the time ran out first. */
  public boolean awaitAllJobs(long timeout, TimeUnit unit) throws InterruptedException {
    long deadline = System.nanoTime() + unit.toNanos(timeout);
    for (JobExecution job : activeJobs()) {
      long left = deadline - System.nanoTime();
      if (left <= 0 || !job.awaitEnd(left, TimeUnit.NANOSECONDS)) {
        return false;
      }
    }
    return true;
  }
}
