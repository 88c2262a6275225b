package io.quiver.engine.profile;

import io.quiver.engine.event.JobEnded;
import io.quiver.engine.event.JobStarted;
import io.quiver.engine.event.Outcome;
import io.quiver.engine.event.QueryEvent;
import io.quiver.engine.event.StageCompleted;
import io.quiver.engine.event.StageSubmitted;
import io.quiver.engine.event.TaskEnded;
import io.quiver.engine.event.TaskStarted;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.metrics.TaskStats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One job as the event bus tells it, kept up to date by {@link #onEvent} (events of other jobs are
 * ignored). Readers take immutable snapshots ({@link #stages}); thread-safe.
 */
public final class JobProfile {

  private final String jobId;
  private final CountDownLatch ended = new CountDownLatch(1);
  private String sql;
  private int stageCount;
  private long startMillis;
  private long endMillis;
  private long durationNanos;
  private Outcome outcome;
  private ErrorCode errorCode;
  private String errorMessage;
  private TaskStats stats = TaskStats.EMPTY;
  private final Map<Integer, Stage> stages = new LinkedHashMap<>();

  public JobProfile(String jobId) {
    this.jobId = jobId;
  }

  public String jobId() {
    return jobId;
  }

  /** Takes one event of the bus; events of other jobs are ignored. */
  public void onEvent(QueryEvent event) {
    if (!jobId.equals(event.jobId())) {
      return;
    }
    synchronized (this) {
      if (event instanceof JobStarted started) {
        sql = started.sql();
        stageCount = started.stageCount();
        startMillis = started.timeMillis();
      } else if (event instanceof StageSubmitted submitted) {
        stages.put(submitted.stageId(), new Stage(submitted));
      } else if (event instanceof TaskStarted task) {
        Stage stage = stages.get(task.stageId());
        if (stage != null) {
          stage.tasks.add(new TaskProfile(task.stageId(), task.partition(), task.attempt(), task.timeMillis(), null,
              task.executorId(), task.slot(), 0, 0, TaskStats.EMPTY, null, null));
        }
      } else if (event instanceof TaskEnded task) {
        taskEnded(task);
      } else if (event instanceof StageCompleted completed) {
        Stage stage = stages.get(completed.stageId());
        if (stage != null) {
          stage.outcome = completed.outcome();
          stage.endMillis = completed.timeMillis();
          stage.durationNanos = completed.durationNanos();
          stage.stats = completed.stats();
        }
      } else if (event instanceof JobEnded end) {
        outcome = end.outcome();
        endMillis = end.timeMillis();
        durationNanos = end.durationNanos();
        errorCode = end.errorCode();
        errorMessage = end.errorMessage();
        stats = end.stats();
      }
    }
    if (event instanceof JobEnded) {
      ended.countDown();
    }
  }

  private void taskEnded(TaskEnded task) {
    Stage stage = stages.get(task.stageId());
    if (stage == null) {
      return;
    }
    if (stage.outcome == null) {
      stage.stats = stage.stats.plus(task.stats());
    }
    TaskProfile ended = new TaskProfile(task.stageId(), task.partition(), task.attempt(),
        task.timeMillis() - task.durationNanos() / 1_000_000, task.outcome(), task.executorId(), -1, task.timeMillis(),
        task.durationNanos(), task.stats(), task.errorCode(), task.errorMessage());
    for (int i = stage.tasks.size() - 1; i >= 0; i--) {
      TaskProfile started = stage.tasks.get(i);
      if (started.partition() == task.partition() && started.attempt() == task.attempt() && started.running()) {
        stage.tasks.set(i, new TaskProfile(ended.stageId(), ended.partition(), ended.attempt(),
            started.startMillis(), ended.outcome(), ended.executorId(), started.slot(), ended.endMillis(), ended.durationNanos(),
            ended.stats(), ended.errorCode(), ended.errorMessage()));
        return;
      }
    }
    stage.tasks.add(ended);
  }

  /**
   * Waits until the job's end was posted.
   *
   * @return false if it did not end in time
   */
  public boolean awaitEnd(long timeout, TimeUnit unit) throws InterruptedException {
    return ended.await(timeout, unit);
  }

  public synchronized String sql() {
    return sql;
  }

  /** Stages of its plan; those submitted so far are in {@link #stages}. */
  public synchronized int stageCount() {
    return stageCount;
  }

  public synchronized long startMillis() {
    return startMillis;
  }

  /** 0 while it runs. */
  public synchronized long endMillis() {
    return endMillis;
  }

  /** 0 while it runs. */
  public synchronized long durationNanos() {
    return durationNanos;
  }

  /** Null while it runs. */
  public synchronized Outcome outcome() {
    return outcome;
  }

  public synchronized ErrorCode errorCode() {
    return errorCode;
  }

  public synchronized String errorMessage() {
    return errorMessage;
  }

  /** The sum over its tasks once it ended (without operators); {@link TaskStats#EMPTY} before. */
  public synchronized TaskStats stats() {
    return stats;
  }

  /** Its stages submitted so far, by stage id. */
  public synchronized List<StageProfile> stages() {
    List<StageProfile> snapshot = new ArrayList<>(stages.size());
    for (Stage stage : stages.values()) {
      snapshot.add(new StageProfile(stage.stageId, stage.taskCount, stage.sources, stage.submitMillis, stage.outcome,
          stage.endMillis, stage.durationNanos, stage.stats, stage.tasks));
    }
    snapshot.sort((a, b) -> Integer.compare(a.stageId(), b.stageId()));
    return snapshot;
  }

  /** A stage while its events arrive; guarded by the profile's lock. */
  private static final class Stage {
    final int stageId;
    final int taskCount;
    final List<Integer> sources;
    final long submitMillis;
    final List<TaskProfile> tasks = new ArrayList<>();
    Outcome outcome;
    long endMillis;
    long durationNanos;
    TaskStats stats = TaskStats.EMPTY;

    Stage(StageSubmitted submitted) {
      this.stageId = submitted.stageId();
      this.taskCount = submitted.taskCount();
      this.sources = submitted.sourceStageIds();
      this.submitMillis = submitted.timeMillis();
    }
  }
}
