package io.quiver.jdbc.server;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Checks HTTP BASIC credentials against the {@link UserFile} without letting strangers jam it:
 *
 * <ul>
 *   <li>Credentials that passed lately are found in the {@link CredentialCache} (one HMAC), so a
 *       logged-in user never waits for a hash, whatever else is going on.
 *   <li>Other credentials wait for their client address and their user name to be allowed by the
 *       {@link FailureLimiter}s: after repeated failures, 429 with the seconds to wait.
 *   <li>The slow hash (PBKDF2) runs on a small pool of its own with a bounded queue, never on a
 *       request thread; when the queue is full the login is answered 429 at once. The caller gets
 *       a future and frees its thread meanwhile.
 *   <li>Unknown users cost a hash too, so timing does not tell which names exist.
 * </ul>
 */
final class BasicAuthenticator implements AutoCloseable {

  /** What becomes of a request's credentials. */
  sealed interface Decision permits Authenticated, Refused, Pending {
  }

  /** The credentials are good: {@code user} makes the request. */
  record Authenticated(String user) implements Decision {
  }

  /**
   * The request is refused: 401 (no or wrong credentials) or 429 (too many failures, or too many
   * logins waiting), then {@code retryAfterSeconds} is sent as Retry-After.
   */
  record Refused(int status, String message, long retryAfterSeconds) implements Decision {
  }

  /** The hash runs; the future completes with an {@link Authenticated} or a {@link Refused}. */
  record Pending(CompletableFuture<Decision> result) implements Decision {
  }

  static final int TOO_MANY_REQUESTS = 429;

  private final UserFile users;
  private final CredentialCache cache;
  private final FailureLimiter addresses;
  private final FailureLimiter names;
  private final ThreadPoolExecutor hashing;
  /** Hashed for unknown users, at the file's highest cost, so they take as long as known ones. */
  private final byte[] dummySalt = new byte[16];

  BasicAuthenticator(UserFile users, AuthenticationLimits limits) {
    this.users = users;
    this.cache = new CredentialCache(limits.cacheIdle().toNanos(), limits.cacheEntries());
    long first = limits.firstBackoff().toNanos();
    long max = limits.maxBackoff().toNanos();
    long forget = Math.max(max, TimeUnit.MINUTES.toNanos(15));
    this.addresses = new FailureLimiter(limits.addressFailures(), first, max, forget, 100_000);
    this.names = new FailureLimiter(limits.userFailures(), first, max, forget, 100_000);
    new SecureRandom().nextBytes(dummySalt);
    AtomicInteger numbers = new AtomicInteger();
    this.hashing = new ThreadPoolExecutor(limits.hashThreads(), limits.hashThreads(), 60, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(Math.max(1, limits.hashQueue())), runnable -> {
          Thread thread = new Thread(runnable, "quiver-password-hash-" + numbers.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        }, new ThreadPoolExecutor.AbortPolicy());
    hashing.allowCoreThreadTimeOut(true);
  }

  /**
   * Decides about a request's {@code Authorization} header, sent from {@code address}. Returns at
   * once: a slow hash makes a {@link Pending}.
   */
  Decision authenticate(String authorization, String address) {
    if (authorization == null) {
      return new Refused(401, "401 Unauthorized: this Quiver server requires a user name and password (HTTP BASIC)",
          0);
    }
    BasicCredentials credentials = BasicCredentials.parse(authorization);
    if (credentials == null) {
      addresses.failure(address);
      return wrong();
    }
    ByteBuffer fingerprint = cache.fingerprint(credentials.name(), credentials.password());
    String cached = cache.lookup(fingerprint);
    if (cached != null) {
      credentials.clear();
      return new Authenticated(cached);
    }
    long wait = Math.max(addresses.retryAfterSeconds(address), names.retryAfterSeconds(credentials.name()));
    if (wait > 0) {
      credentials.clear();
      return tooMany(wait, "too many failed logins");
    }
    CompletableFuture<Decision> result = new CompletableFuture<>();
    try {
      hashing.execute(() -> {
        try {
          result.complete(check(credentials, fingerprint, address));
        } catch (RuntimeException | Error e) {
          result.completeExceptionally(e);
        } finally {
          credentials.clear();
        }
      });
    } catch (RejectedExecutionException e) {
      credentials.clear();
      return tooMany(1, "too many logins at once");
    }
    return new Pending(result);
  }

  private Decision check(BasicCredentials credentials, ByteBuffer fingerprint, String address) {
    String name = credentials.name();
    PasswordHash hash = users.get(name);
    boolean matches;
    if (hash != null) {
      matches = hash.matches(credentials.password());
    } else {
      PasswordHash.derive(credentials.password(), dummySalt, users.maxIterations());
      matches = false;
    }
    if (!matches) {
      addresses.failure(address);
      names.failure(name);
      return wrong();
    }
    addresses.success(address);
    names.success(name);
    cache.put(fingerprint, name);
    return new Authenticated(name);
  }

  private static Refused wrong() {
    return new Refused(401, "401 Unauthorized: wrong user name or password", 0);
  }

  private static Refused tooMany(long seconds, String why) {
    return new Refused(TOO_MANY_REQUESTS, "429 Too Many Requests: " + why + "; try again in " + seconds + " s",
        seconds);
  }

  /** Credentials remembered now (for tests). */
  int cachedCredentials() {
    return cache.size();
  }

  @Override
  public void close() {
    hashing.shutdownNow();
  }
}
