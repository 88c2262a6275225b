package io.quiver.engine.admission;

import java.time.Duration;

/**
 * How many queries run at once and how much memory they may hold. A statement waits in a queue
 * (first come, first served among those that may run) until it may start, at most
 * {@code queueTimeout}; a query that needs more memory than its limits allow fails with 53200,
 * naming the limit, and the others keep running.
 *
 * @param maxQueries statements that run at once, over all users (0: no limit)
 * @param maxQueriesPerUser statements one user runs at once (0: no limit)
 * @param maxQueued statements that may wait; one more is refused at once (0: no limit)
 * @param queueTimeout how long a statement may wait
 * @param queryMemoryBytes what the tasks of one query may hold (0: no limit but the engine's)
 * @param userMemoryBytes what the tasks of one user's queries may hold together (0: no limit)
 */
public record AdmissionLimits(int maxQueries, int maxQueriesPerUser, int maxQueued, Duration queueTimeout,
    long queryMemoryBytes, long userMemoryBytes) {

  public AdmissionLimits {
    if (maxQueries < 0 || maxQueriesPerUser < 0 || maxQueued < 0 || queryMemoryBytes < 0 || userMemoryBytes < 0) {
      throw new IllegalArgumentException("admission limits must not be negative");
    }
    if (queueTimeout == null || queueTimeout.isNegative()) {
      throw new IllegalArgumentException("the queue timeout must not be negative, was " + queueTimeout);
    }
  }

  /** No limits: what an embedded engine starts with. */
  public static AdmissionLimits unlimited() {
    return new AdmissionLimits(0, 0, 0, Duration.ofMinutes(5), 0, 0);
  }

  /** True if no memory limit is set. */
  boolean memoryUnlimited() {
    return queryMemoryBytes == 0 && userMemoryBytes == 0;
  }

  public AdmissionLimits withMaxQueries(int total, int perUser) {
    return new AdmissionLimits(total, perUser, maxQueued, queueTimeout, queryMemoryBytes, userMemoryBytes);
  }

  public AdmissionLimits withQueue(int queued, Duration timeout) {
    return new AdmissionLimits(maxQueries, maxQueriesPerUser, queued, timeout, queryMemoryBytes, userMemoryBytes);
  }

  public AdmissionLimits withMemory(long perQuery, long perUser) {
    return new AdmissionLimits(maxQueries, maxQueriesPerUser, maxQueued, queueTimeout, perQuery, perUser);
  }
}
