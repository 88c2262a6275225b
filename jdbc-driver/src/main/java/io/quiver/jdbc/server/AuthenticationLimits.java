package io.quiver.jdbc.server;

import java.time.Duration;

/**
 * How the server's authentication protects itself and its users.
 *
 * @param cacheIdle verified credentials are remembered while used at least this often
 * @param cacheEntries the most credentials remembered at once
 * @param addressFailures failed logins a client address may have before it must wait
 * @param userFailures failed logins a user name may have before it must wait
 * @param firstBackoff the first wait; each further failure doubles it
 * @param maxBackoff the longest wait
 * @param hashThreads threads that compute password hashes (apart from the request threads)
 * @param hashQueue hashes that may wait for those threads; beyond, a login is answered 429 at once
 */
public record AuthenticationLimits(Duration cacheIdle, int cacheEntries, int addressFailures, int userFailures,
    Duration firstBackoff, Duration maxBackoff, int hashThreads, int hashQueue) {

  public AuthenticationLimits {
    if (cacheEntries < 1 || addressFailures < 0 || userFailures < 0 || hashThreads < 1 || hashQueue < 0) {
      throw new IllegalArgumentException("authentication limits must be positive: " + cacheEntries + ", "
          + addressFailures + ", " + userFailures + ", " + hashThreads + ", " + hashQueue);
    }
    if (firstBackoff.isNegative() || maxBackoff.compareTo(firstBackoff) < 0 || cacheIdle.isNegative()) {
      throw new IllegalArgumentException("backoffs and cache time must be positive, the first not above the longest");
    }
  }

  /**
   * Credentials remembered for 15 idle minutes (10,000 at most); 10 failures per address and 20 per
   * user name before a wait of 1 s that doubles up to 5 minutes; half the cores hash, 32 may wait.
   */
  public static AuthenticationLimits defaults() {
    return new AuthenticationLimits(Duration.ofMinutes(15), 10_000, 10, 20, Duration.ofSeconds(1),
        Duration.ofMinutes(5), Math.max(1, Runtime.getRuntime().availableProcessors() / 2), 32);
  }

  public AuthenticationLimits withFailures(int perAddress, int perUser) {
    return new AuthenticationLimits(cacheIdle, cacheEntries, perAddress, perUser, firstBackoff, maxBackoff,
        hashThreads, hashQueue);
  }
}
