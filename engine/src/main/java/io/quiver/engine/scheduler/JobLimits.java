package io.quiver.engine.scheduler;

import java.time.Duration;

/**
 * What one job may use, from its session's options: how many of its tasks run at once, how many
 * bytes its tasks hold at once on the driver's in-process executor, and how long it may run.
 *
 * @param maxRunningTasks at least 1
 * @param memoryLimitBytes at least 1; {@link Long#MAX_VALUE} for the engine's own limit only
 * @param timeout zero for no limit; a job running longer is cancelled with QUERY_TIMEOUT (57014)
 */
public record JobLimits(int maxRunningTasks, long memoryLimitBytes, Duration timeout) {

  /** No limit beyond the engine's. */
  public static final JobLimits NONE = new JobLimits(Integer.MAX_VALUE, Long.MAX_VALUE, Duration.ZERO);

  public JobLimits {
    if (maxRunningTasks < 1 || memoryLimitBytes < 1 || timeout.isNegative()) {
      throw new IllegalArgumentException("job limits must be positive: " + maxRunningTasks + " tasks, "
          + memoryLimitBytes + " bytes, " + timeout);
    }
  }
}
