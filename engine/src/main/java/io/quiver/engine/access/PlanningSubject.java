package io.quiver.engine.access;

import java.util.Map;
import java.util.function.Supplier;

/**
 * The subject whose statement the current thread plans. The system catalog's tables put it into
 * their table handles while a query is planned, so the fragment (plain data) carries whose rows a
 * scan of information_schema or system.runtime may return.
 */
public final class PlanningSubject {

  /** Table handle properties: the user, and whether they have every right. */
  public static final String USER_PROPERTY = "user";
  public static final String EVERY_RIGHT_PROPERTY = "every_right";
  /** Table handle property: the session whose temporary schema the scan shows (absent: none). */
  public static final String SESSION_PROPERTY = "session";

  private static final ThreadLocal<Subject> CURRENT = new ThreadLocal<>();

  private PlanningSubject() {
  }

  /** Runs {@code planning} with {@code subject} as the planning subject of this thread. */
  public static <T> T with(Subject subject, Supplier<T> planning) {
    Subject previous = CURRENT.get();
    CURRENT.set(subject);
    try {
      return planning.get();
    } finally {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    }
  }

  /**
   * The handle properties naming the planning subject (the engine's own user outside planning) and
   * the session it plans for, if any.
   */
  public static Map<String, String> handleProperties() {
    Subject subject = CURRENT.get();
    if (subject == null) {
      subject = Subject.ENGINE;
    }
    String session = io.quiver.engine.connector.memory.TemporaryScope.session();
    if (session != null) {
      return Map.of(USER_PROPERTY, subject.user(), EVERY_RIGHT_PROPERTY, Boolean.toString(subject.everyRight()),
          SESSION_PROPERTY, session);
    }
    return Map.of(USER_PROPERTY, subject.user(), EVERY_RIGHT_PROPERTY, Boolean.toString(subject.everyRight()));
  }
}
