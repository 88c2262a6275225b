package io.quiver.engine.admission;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The limits a session's statements run under, as they are now for its user: what
 * {@code SHOW SESSION} lists. Zero means no limit.
 */
public record SessionLimits(String user, int maxQueries, int maxQueriesPerUser, int maxQueued, Duration queueTimeout,
    long queryMemoryBytes, long userMemoryBytes) {

  /** The engine-wide limits as they apply to a user without limits of their own. */
  public static SessionLimits of(String user, AdmissionLimits limits) {
    return new SessionLimits(user, limits.maxQueries(), limits.maxQueriesPerUser(), limits.maxQueued(),
        limits.queueTimeout(), limits.queryMemoryBytes(), limits.userMemoryBytes());
  }

  /** Name and value of each limit, in a stable order; "unlimited" for no limit. */
  public Map<String, String> asSettings() {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("max_concurrent_queries", count(maxQueries));
    settings.put("max_concurrent_queries_per_user", count(maxQueriesPerUser));
    settings.put("max_queued_queries", count(maxQueued));
    settings.put("queue_timeout", duration(queueTimeout).replace(" ", ""));
    settings.put("query_memory_limit", bytes(queryMemoryBytes));
    settings.put("user_memory_limit", bytes(userMemoryBytes));
    return settings;
  }

  /** A duration as people write it: 30 s, 500 ms. */
  static String duration(Duration duration) {
    return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
  }

  private static String count(int value) {
    return value == 0 ? "unlimited" : Integer.toString(value);
  }

  /** A byte count as people write it: 512MB, 4GB, or bytes when not a whole unit. */
  static String bytes(long value) {
    if (value == 0) {
      return "unlimited";
    }
    String[] units = {"B", "kB", "MB", "GB", "TB"};
    int unit = 0;
    long amount = value;
    while (unit < units.length - 1 && amount % 1024 == 0) {
      amount /= 1024;
      unit++;
    }
    return amount + units[unit];
  }
}
