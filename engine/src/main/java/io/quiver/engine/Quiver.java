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

  /** A new session; its default schema is {@code tpch.tiny}. */
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

  /** Cancels every running query, stops the executors and checks that no buffer leaked. */
  @Override
  void close();
}
