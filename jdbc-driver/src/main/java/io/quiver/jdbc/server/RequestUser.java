package io.quiver.jdbc.server;

import java.util.function.Supplier;

/**
 * The authenticated user of the HTTP request the current thread serves: set by the server's
 * authentication around each request, read by {@link ServerMeta} to keep connections apart.
 */
final class RequestUser {

  private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

  private RequestUser() {
  }

  static String name() {
    String name = CURRENT.get();
    if (name == null) {
      throw new IllegalStateException("no authenticated user on this thread");
    }
    return name;
  }

  /** The request's user, or null outside a request. */
  static String current() {
    return CURRENT.get();
  }

  static <T> T call(String user, Supplier<T> action) {
    CURRENT.set(user);
    try {
      return action.get();
    } finally {
      CURRENT.remove();
    }
  }
}
