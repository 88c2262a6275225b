package io.quiver.engine.profile;

import io.quiver.engine.event.EventListener;
import io.quiver.engine.event.JobEnded;
import io.quiver.engine.event.JobStarted;
import io.quiver.engine.event.Outcome;
import io.quiver.engine.event.QueryEvent;
import io.quiver.engine.executor.ExecutorInfo;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.fragment.stage.StagePlan;
import io.quiver.planner.explain.RowEstimates;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The engine's record of its work, for {@code system.runtime} and the web UI: the statements and
 * jobs running now, and the most recent finished ones (at most {@code historySize} of each; older
 * ones are forgotten first). Jobs are followed on the event bus ({@link #onEvent}); statements are
 * told by the query driver ({@link #queryStarted}, {@link #queryEnded}), a query's end also by its
 * job's end. Thread-safe.
 */
public final class RuntimeHistory implements EventListener {

  /** Finished queries and jobs kept when the configuration does not say. */
  public static final int DEFAULT_HISTORY_SIZE = 100;

  /** A history that keeps nothing (engines without one). */
  public static final RuntimeHistory NONE = new RuntimeHistory(0);

  /** The plan of a job, for pages that show it with its measurements. */
  public record JobPlan(StagePlan plan, RowEstimates estimates, long planningNanos) {
  }

  private final int historySize;
  private final Map<String, JobPlan> plans = new HashMap<>();
  private final List<Consumer<QueryRecord>> queryEndListeners = new CopyOnWriteArrayList<>();
  private final Map<String, JobProfile> runningJobs = new LinkedHashMap<>();
  private final Deque<JobProfile> finishedJobs = new ArrayDeque<>();
  private final Map<String, QueryRecord> runningQueries = new LinkedHashMap<>();
  private final Deque<QueryRecord> finishedQueries = new ArrayDeque<>();
  private volatile Supplier<List<ExecutorInfo>> executors = List::of;
  private volatile Supplier<String> currentUser = () -> null;

  public RuntimeHistory(int historySize) {
    if (historySize < 0) {
      throw new IllegalArgumentException("history size must be at least 0, was " + historySize);
    }
    this.historySize = historySize;
  }

  /** Where {@link #executors()} comes from (the engine's task backend). */
  public void setExecutors(Supplier<List<ExecutorInfo>> executors) {
    this.executors = executors;
  }

  /** Told of every statement's end (after the history recorded it), on the thread that ended it. */
  public void addQueryEndListener(Consumer<QueryRecord> listener) {
    queryEndListeners.add(listener);
  }

  /** Remembers a query's plan while the query's job is remembered. */
  public synchronized void jobPlanned(String jobId, StagePlan plan, RowEstimates estimates, long planningNanos) {
    if (historySize > 0) {
      plans.put(jobId, new JobPlan(plan, estimates, planningNanos));
    }
  }

  /** The plan of a job running or remembered, or null. */
  public synchronized JobPlan plan(String jobId) {
    return plans.get(jobId);
  }

  /**
   * Who runs the statements that start on the calling thread (the server's authenticated user of
   * the request); statements record it as their user.
   */
  public void setCurrentUser(Supplier<String> currentUser) {
    this.currentUser = currentUser;
  }

  /** The user of a statement starting on this thread now, or null when nobody said. */
  public String currentUser() {
    return currentUser.get();
  }

  public List<ExecutorInfo> executors() {
    return executors.get();
  }

  @Override
  public void onEvent(QueryEvent event) {
    JobProfile job;
    synchronized (this) {
      if (event instanceof JobStarted) {
        runningJobs.putIfAbsent(event.jobId(), new JobProfile(event.jobId()));
      }
      job = runningJobs.get(event.jobId());
    }
    if (job == null) {
      return;
    }
    job.onEvent(event);
    if (event instanceof JobEnded ended) {
      QueryRecord finished = null;
      synchronized (this) {
        runningJobs.remove(job.jobId());
        JobProfile forgotten = keep(finishedJobs, job);
        if (forgotten != null) {
          plans.remove(forgotten.jobId());
        }
        QueryRecord query = runningQueries.get(job.jobId());
        if (query != null) {
          finished = finish(query, state(ended.outcome()), ended.stats().resultRows(), ended.errorCode(),
              ended.errorMessage());
        }
      }
      tell(finished);
    }
  }

  /** A statement started (before it is planned). */
  public synchronized void queryStarted(String queryId, String user, String sql) {
    runningQueries.put(queryId, new QueryRecord(queryId, user, "RUNNING", sql, System.currentTimeMillis(), 0, 0, 0,
        null, null));
  }

  /** A query was planned; its job (of the same id) runs next. */
  public synchronized void queryPlanned(String queryId, long planningNanos) {
    QueryRecord query = runningQueries.get(queryId);
    if (query != null) {
      runningQueries.put(queryId, new QueryRecord(query.queryId(), query.user(), query.state(), query.sql(),
          query.startMillis(), 0, planningNanos, 0, null, null));
    }
  }

  /**
   * A statement ended without a job of its own to tell it (DDL, EXPLAIN, or a failure before its job
   * started); a no-op for a statement already ended.
   *
   * @param error null when it succeeded
   */
  public void queryEnded(String queryId, long rows, ErrorCode error, String message) {
    QueryRecord finished = null;
    synchronized (this) {
      QueryRecord query = runningQueries.get(queryId);
      if (query != null) {
        String state = error == null ? "SUCCEEDED" : error == ErrorCode.QUERY_CANCELLED ? "CANCELLED" : "FAILED";
        finished = finish(query, state, rows, error, message);
      }
    }
    tell(finished);
  }

  private void tell(QueryRecord finished) {
    if (finished == null) {
      return;
    }
    for (Consumer<QueryRecord> listener : queryEndListeners) {
      listener.accept(finished);
    }
  }

  /** Whether a statement is still running (its job, if it has one, has not ended). */
  public synchronized boolean queryRunning(String queryId) {
    return runningQueries.containsKey(queryId);
  }

  private QueryRecord finish(QueryRecord query, String state, long rows, ErrorCode error, String message) {
    runningQueries.remove(query.queryId());
    QueryRecord finished = new QueryRecord(query.queryId(), query.user(), state, query.sql(), query.startMillis(),
        System.currentTimeMillis(), query.planningNanos(), rows, error, message);
    keep(finishedQueries, finished);
    return finished;
  }

  /** Appends {@code item} and returns the oldest item it pushed out, if any. */
  private <T> T keep(Deque<T> finished, T item) {
    finished.addLast(item);
    T dropped = null;
    while (finished.size() > historySize) {
      dropped = finished.removeFirst();
    }
    return dropped;
  }

  private static String state(Outcome outcome) {
    return outcome == null ? "RUNNING" : outcome.name();
  }

  /** Running queries, then finished ones, each in the order they started or ended. */
  public synchronized List<QueryRecord> queries() {
    List<QueryRecord> all = new ArrayList<>(runningQueries.values());
    all.addAll(finishedQueries);
    return all;
  }

  /** Running jobs, then finished ones. */
  public synchronized List<JobProfile> jobs() {
    List<JobProfile> all = new ArrayList<>(runningJobs.values());
    all.addAll(finishedJobs);
    return all;
  }

  /** A job running or remembered, or null. */
  public synchronized JobProfile job(String jobId) {
    JobProfile running = runningJobs.get(jobId);
    if (running != null) {
      return running;
    }
    for (JobProfile job : finishedJobs) {
      if (job.jobId().equals(jobId)) {
        return job;
      }
    }
    return null;
  }
}
