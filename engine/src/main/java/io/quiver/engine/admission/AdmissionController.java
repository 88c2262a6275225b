package io.quiver.engine.admission;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Decides when a statement may start: at most {@link AdmissionLimits#maxQueries} at once and
 * {@link AdmissionLimits#maxQueriesPerUser} per user (or the user's own {@link UserLimits}). A
 * statement that may not start yet waits in a queue; whenever one ends, the waiting statements
 * that may now run start in the order they came (a user at their own limit does not hold up the
 * others). A statement that waits longer than the queue timeout fails with 53000, and so does one
 * that finds the queue full. Also holds the memory limits ({@link QueryMemory} applies them).
 */
public final class AdmissionController {

  private static final class Waiter {
    final String user;
    final String session;
    final Condition condition;
    boolean admitted;
    QuiverException cancelled;

    Waiter(String user, String session, Condition condition) {
      this.user = user;
      this.session = session;
      this.condition = condition;
    }
  }

  private final ReentrantLock lock = new ReentrantLock();
  private final LinkedList<Waiter> queue = new LinkedList<>();
  private final Map<String, Integer> runningByUser = new HashMap<>();
  private final Map<String, UserLimits> userLimits = new ConcurrentHashMap<>();
  private volatile AdmissionLimits limits = AdmissionLimits.unlimited();
  private int running;

  public AdmissionLimits limits() {
    return limits;
  }

  /** New limits; waiting statements that now fit start at once. Running ones are not stopped. */
  public void configure(AdmissionLimits newLimits) {
    lock.lock();
    try {
      limits = Objects.requireNonNull(newLimits);
      dispatch();
    } finally {
      lock.unlock();
    }
  }

  /** A user's own limits (null removes them). */
  public void setUserLimits(String user, UserLimits own) {
    lock.lock();
    try {
      if (own == null) {
        userLimits.remove(user);
      } else {
        userLimits.put(user, own);
      }
      dispatch();
    } finally {
      lock.unlock();
    }
  }

  /** The limits in effect for a user now. */
  public SessionLimits limitsFor(String user) {
    AdmissionLimits now = limits;
    return new SessionLimits(user, now.maxQueries(), maxQueriesOf(user, now), now.maxQueued(), now.queueTimeout(),
        now.queryMemoryBytes(), memoryOf(user, now));
  }

  int maxQueriesOf(String user, AdmissionLimits now) {
    UserLimits own = userLimits.get(user);
    return own != null && own.maxQueries() != null ? own.maxQueries() : now.maxQueriesPerUser();
  }

  long memoryOf(String user, AdmissionLimits now) {
    UserLimits own = userLimits.get(user);
    return own != null && own.memoryBytes() != null ? own.memoryBytes() : now.userMemoryBytes();
  }

  /**
   * Waits until the statement may start.
   *
   * @param session the session it runs in, so that closing the session ends its wait
   * @throws QuiverException QUERY_QUEUE_TIMEOUT or QUERY_QUEUE_FULL (53000), QUERY_CANCELLED when
   *     the session closed or the thread was interrupted while waiting
   */
  public Admission admit(String user, String session) {
    lock.lock();
    try {
      if (fits(user)) {
        start(user);
        return new Admission(this, user);
      }
      AdmissionLimits now = limits;
      if (now.maxQueued() > 0 && queue.size() >= now.maxQueued()) {
        throw new QuiverException(ErrorCode.QUERY_QUEUE_FULL, "too many statements wait to run: the queue holds "
            + now.maxQueued() + " (max_queued_queries); try again later");
      }
      Waiter waiter = new Waiter(user, session, lock.newCondition());
      queue.add(waiter);
      long left = now.queueTimeout().toNanos();
      long deadline = System.nanoTime() + left;
      try {
        while (!waiter.admitted && waiter.cancelled == null) {
          if (left <= 0) {
            queue.remove(waiter);
            throw new QuiverException(ErrorCode.QUERY_QUEUE_TIMEOUT, "the statement waited "
                + SessionLimits.duration(now.queueTimeout()) + " (queue_timeout) for one of " + describe(user, now)
                + " to end; try again later");
          }
          waiter.condition.awaitNanos(left);
          left = deadline - System.nanoTime();
        }
      } catch (InterruptedException e) {
        if (!waiter.admitted) {
          queue.remove(waiter);
          Thread.currentThread().interrupt();
          throw new QuiverException(ErrorCode.QUERY_CANCELLED, "the statement was cancelled while it waited to run");
        }
        Thread.currentThread().interrupt();
      }
      if (waiter.cancelled != null) {
        throw waiter.cancelled;
      }
      return new Admission(this, user);
    } finally {
      lock.unlock();
    }
  }

  /** Ends the waits of a session's statements (it is closing): they fail with QUERY_CANCELLED. */
  public void cancelWaiting(String session) {
    lock.lock();
    try {
      for (Iterator<Waiter> i = queue.iterator(); i.hasNext(); ) {
        Waiter waiter = i.next();
        if (waiter.session.equals(session)) {
          i.remove();
          waiter.cancelled = new QuiverException(ErrorCode.QUERY_CANCELLED, "the session closed while the statement "
              + "waited to run");
          waiter.condition.signal();
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /** Statements running now. */
  public int running() {
    lock.lock();
    try {
      return running;
    } finally {
      lock.unlock();
    }
  }

  /** Statements waiting now. */
  public int queued() {
    lock.lock();
    try {
      return queue.size();
    } finally {
      lock.unlock();
    }
  }

  void released(String user) {
    lock.lock();
    try {
      running--;
      runningByUser.merge(user, -1, (a, b) -> a + b == 0 ? null : a + b);
      dispatch();
    } finally {
      lock.unlock();
    }
  }

  private String describe(String user, AdmissionLimits now) {
    List<String> parts = new ArrayList<>();
    if (now.maxQueries() > 0 && running >= now.maxQueries()) {
      parts.add("the " + now.maxQueries() + " running statements (max_concurrent_queries)");
    }
    int perUser = maxQueriesOf(user, now);
    if (perUser > 0 && runningByUser.getOrDefault(user, 0) >= perUser) {
      parts.add("the " + perUser + " running statements of user " + user + " (max_concurrent_queries_per_user)");
    }
    return parts.isEmpty() ? "the running statements" : String.join(" or ", parts);
  }

  private boolean fits(String user) {
    AdmissionLimits now = limits;
    if (now.maxQueries() > 0 && running >= now.maxQueries()) {
      return false;
    }
    int perUser = maxQueriesOf(user, now);
    return perUser == 0 || runningByUser.getOrDefault(user, 0) < perUser;
  }

  private void start(String user) {
    running++;
    runningByUser.merge(user, 1, Integer::sum);
  }

  /** Starts every waiting statement that fits now, in order. */
  private void dispatch() {
    for (Iterator<Waiter> i = queue.iterator(); i.hasNext(); ) {
      Waiter waiter = i.next();
      if (fits(waiter.user)) {
        i.remove();
        start(waiter.user);
        waiter.admitted = true;
        waiter.condition.signal();
      }
    }
  }
}
