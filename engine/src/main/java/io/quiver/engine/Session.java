package io.quiver.engine;

import io.quiver.engine.admission.AdmissionLimits;
import io.quiver.engine.admission.SessionLimits;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.type.RowSchema;

/**
 * A user's conversation with the engine: a current catalog and schema, and the queries it runs.
 * A session runs one statement at a time per caller thread but may be used from several threads;
 * a failing statement leaves the session usable.
 */
public interface Session extends AutoCloseable {

  /** The user of embedded sessions: the one user of an embedded engine, with every right. */
  String EMBEDDED_USER = "quiver";

  String id();

  /** Who runs this session's statements: the server's authenticated user, or {@link #EMBEDDED_USER}. */
  default String user() {
    return EMBEDDED_USER;
  }

  /** Who runs this session's statements, with the roles whose privileges are checked. */
  default io.quiver.engine.access.Subject subject() {
    return io.quiver.engine.access.Subject.ENGINE;
  }

  /**
   * The admission and memory limits this session's statements run under now (what
   * {@code SHOW SESSION} shows; {@link SessionLimits#asSettings()} names them).
   */
  default SessionLimits limits() {
    return SessionLimits.of(user(), AdmissionLimits.unlimited());
  }

  /**
   * Parses, plans and starts one SQL statement (a query, EXPLAIN, or a DDL/DML statement) and returns
   * its result stream. Parse and validation errors are thrown from here; errors while running are
   * thrown from the result's {@code loadNextBatch}.
   *
   * @throws io.quiver.exec.error.QuiverException with a code, SQLState and SQL position where known
   */
  QueryResult execute(String sql);

  /**
   * As {@link #execute(String)}; cancelling {@code cancellation} (from any thread) stops the
   * statement while it is planned and, for a query, while it runs (JDBC's {@code Statement.cancel()}
   * and query timeout).
   */
  default QueryResult execute(String sql, io.quiver.exec.task.CancellationToken cancellation) {
    return execute(sql);
  }

  /**
   * The result columns of one statement, planned but not run (no job starts, no data is read): for
   * prepared statements' metadata and {@code LIMIT 0} queries. Null for statements that return no
   * rows (DDL, DML). Parse and validation errors are thrown as from {@link #execute}.
   *
   * @throws io.quiver.exec.error.QuiverException NOT_SUPPORTED where the session cannot plan without
   *     running (the default)
   */
  default RowSchema describe(String sql) {
    throw new QuiverException(ErrorCode.NOT_SUPPORTED,
        "this session cannot describe a statement without running it");
  }

  /**
   * The types of a query's {@code ?} markers, in order, as the validator infers them from where each
   * stands (for prepared statements' parameter metadata). Nothing runs.
   *
   * @throws io.quiver.exec.error.QuiverException NOT_SUPPORTED for a statement that is not a query or
   *     a session that cannot tell (the default); a validation error, also where a marker's place does
   *     not say its type ({@code SELECT ?})
   */
  default java.util.List<io.quiver.exec.type.Column> describeParameters(String sql) {
    throw new QuiverException(ErrorCode.NOT_SUPPORTED, "this session cannot type a statement's parameters");
  }

  /**
   * The name of the client application that uses the session (JDBC's {@code ApplicationName}
   * client info); null when it gave none. Read by whatever lists sessions and their queries.
   */
  default String applicationName() {
    return null;
  }

  /** Names the client application (null: none); sessions that keep no name ignore it. */
  default void setApplicationName(String name) {
  }

  String currentCatalog();

  String currentSchema();

  /** Sets the catalog that unqualified schema names resolve in. */
  void setCatalog(String catalog);

  /**
   * Sets the schema that unqualified table names resolve in: either {@code schema} (in the current
   * catalog) or {@code catalog.schema}. Fails with SCHEMA_NOT_FOUND for an unknown schema.
   */
  void setSchema(String schema);

  /** Cancels the session's running queries and releases what it holds. */
  @Override
  void close();
}
