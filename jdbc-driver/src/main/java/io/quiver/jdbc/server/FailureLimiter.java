package io.quiver.jdbc.server;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed logins per key (a client address, a user name) with exponential backoff: after
 * {@code free} failures each further one blocks the key for {@code base}, then twice as long, up
 * to {@code max}. A success clears the key; so do {@code forget} nanoseconds without a failure.
 * The map is bounded: beyond {@code maxKeys} keys, quiet ones are dropped, and if none is quiet a
 * new key is not tracked (the other limiter still applies to its requests).
 */
final class FailureLimiter {

  private static final class State {
    int failures;
    long lastFailureNanos;
    long blockedUntilNanos;
  }

  private final int free;
  private final long baseNanos;
  private final long maxNanos;
  private final long forgetNanos;
  private final int maxKeys;
  private final Map<String, State> states = new ConcurrentHashMap<>();

  FailureLimiter(int free, long baseNanos, long maxNanos, long forgetNanos, int maxKeys) {
    this.free = free;
    this.baseNanos = baseNanos;
    this.maxNanos = maxNanos;
    this.forgetNanos = forgetNanos;
    this.maxKeys = maxKeys;
  }

  /** Seconds until the key may try again; 0 if it may now. */
  long retryAfterSeconds(String key) {
    State state = states.get(key);
    if (state == null) {
      return 0;
    }
    synchronized (state) {
      long left = state.blockedUntilNanos - System.nanoTime();
      return left <= 0 ? 0 : Math.max(1, (left + 999_999_999L) / 1_000_000_000L);
    }
  }

  void failure(String key) {
    long now = System.nanoTime();
    State state = states.get(key);
    if (state == null) {
      if (states.size() >= maxKeys) {
        forgetQuiet(now);
        if (states.size() >= maxKeys) {
          return;
        }
      }
      state = states.computeIfAbsent(key, k -> new State());
    }
    synchronized (state) {
      if (now - state.lastFailureNanos > forgetNanos) {
        state.failures = 0;
      }
      state.failures++;
      state.lastFailureNanos = now;
      int over = state.failures - free;
      if (over > 0) {
        long backoff = baseNanos;
        for (int i = 1; i < over && backoff < maxNanos; i++) {
          backoff *= 2;
        }
        state.blockedUntilNanos = now + Math.min(backoff, maxNanos);
      }
    }
  }

  void success(String key) {
    states.remove(key);
  }

  private void forgetQuiet(long now) {
    states.entrySet().removeIf(entry -> {
      State state = entry.getValue();
      synchronized (state) {
        return now - state.lastFailureNanos > forgetNanos && now > state.blockedUntilNanos;
      }
    });
  }
}
