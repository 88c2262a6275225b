package io.quiver.engine.driver;

import io.quiver.engine.access.Subject;
import io.quiver.engine.session.SessionSettings;
import java.util.List;

/**
 * What one statement runs with, from its session: where names resolve and the options in force.
 *
 * @param currentSchema the session's current schema, [catalog, schema] (or [catalog] alone), where
 *     statements create objects whose names give no schema
 * @param schemaPaths where unqualified names resolve, in order ([catalog, schema], [catalog], [])
 * @param settings the session's options when the statement started
 * @param session what USE, SET and RESET change; null where no session runs the statement
 * @param subject who runs the statement: whose privileges are checked
 */
public record StatementContext(List<String> currentSchema, List<List<String>> schemaPaths, SessionSettings settings,
    SessionControl session, Subject subject) {

  public StatementContext {
    currentSchema = List.copyOf(currentSchema);
    schemaPaths = List.copyOf(schemaPaths);
    if (subject == null) {
      subject = Subject.ENGINE;
    }
  }

  /** A statement of the engine's own user, who has every right. */
  public StatementContext(List<String> currentSchema, List<List<String>> schemaPaths, SessionSettings settings,
      SessionControl session) {
    this(currentSchema, schemaPaths, settings, session, Subject.ENGINE);
  }
}
