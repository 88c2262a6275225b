package io.quiver.engine;

import io.quiver.engine.driver.LocalQuiver;
import io.quiver.engine.event.EventBus;
import io.quiver.engine.metadata.CatalogMetadata;
import io.quiver.engine.profile.RuntimeHistory;

/**
 * An engine: a driver and its executors. {@link #local()} starts one embedded in this JVM (a
 * driver plus one in-process executor); open a {@link Session} to run SQL.
 *
 * <pre>{@code
 * try (Quiver quiver = Quiver.local();
 *      Session session = quiver.openSession();
 *      QueryResult result = session.execute("SELECT count(*) FROM tpch.tiny.lineitem")) {
 *   while (result.loadNextBatch()) {
 *     System.out.println(result.root().contentToTSVString());
 *   }
 * }
 * }</pre>
 */
public interface Quiver extends AutoCloseable {

  /** A local cluster with one slot per core. */
  static Quiver local() {
    return local(QuiverConfig.defaults());
  }

  static Quiver local(QuiverConfig config) {
    return new LocalQuiver(config);
  }

  QuiverConfig config();

  /**
   * A new session; its current schema is {@code memory.default} (writable), with {@code tpch.tiny}
   * on its search path.
   */
  Session openSession();

  /**
   * A new session for a user (the server's authenticated one): its statements count against that
   * user's admission and memory limits.
   */
  default Session openSession(String user) {
    return openSession();
  }

  /** The catalog as metadata (for JDBC and information_schema). */
  CatalogMetadata metadata();

  /** Job, stage and task events of every query run by this engine. */
  EventBus events();

  /**
   * The engine's record of running and recent queries, jobs, stages, tasks and executors (what
   * {@code system.runtime} shows); an engine that keeps none returns an empty one.
   */
  default RuntimeHistory history() {
    return RuntimeHistory.NONE;
  }

  /**
   * Who may do what in this engine: until a server {@linkplain io.quiver.engine.access.AccessControl#enforce
   * enforces} its users' grants, every user has every right. An engine that checks nothing returns a
   * fresh, unenforced one.
   */
  default io.quiver.engine.access.AccessControl access() {
    return new io.quiver.engine.access.AccessControl();
  }

  /**
   * Turns privilege checks on for a server's users ({@link io.quiver.engine.access.AccessControl#enforce}):
   * users have the roles given, grants and owners are kept under the first data directory. An engine
   * that cannot check privileges refuses.
   */
  default void enforceAccess(java.util.Map<String, java.util.Set<String>> rolesOfUsers) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " does not check privileges");
  }

  /** Cancels every running query, stops the executors and checks that no buffer leaked. */
  @Override
  void close();
}
