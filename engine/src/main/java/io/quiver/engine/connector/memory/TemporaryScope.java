package io.quiver.engine.connector.memory;

import java.util.function.Supplier;

/**
 * The session whose statement the current thread runs, for the memory catalog's temporary
 * schemas: a session's temporary schema is visible (in lookups, listings and information_schema)
 * only to threads working for that session. Threads outside any session see no temporary schema.
 */
public final class TemporaryScope {

  private static final ThreadLocal<String> SESSION = new ThreadLocal<>();

  private TemporaryScope() {
  }

  /** Runs {@code body} as work of session {@code sessionId} (null: of no session). */
  public static <T> T with(String sessionId, Supplier<T> body) {
    String previous = SESSION.get();
    if (sessionId == null) {
      SESSION.remove();
    } else {
      SESSION.set(sessionId);
    }
    try {
      return body.get();
    } finally {
      if (previous == null) {
        SESSION.remove();
      } else {
        SESSION.set(previous);
      }
    }
  }

  /** The session the current thread works for, or null. */
  public static String session() {
    return SESSION.get();
  }
}
