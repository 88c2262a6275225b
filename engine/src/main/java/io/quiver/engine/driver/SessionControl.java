package io.quiver.engine.driver;

import io.quiver.sql.statement.ObjectName;
import io.quiver.sql.statement.SetStatement;
import java.util.List;

/**
 * What statements change about their session: its current schema (USE), its options (SET, RESET)
 * and its temporary schema (CREATE TEMPORARY TABLE or VIEW).
 */
public interface SessionControl {

  /**
   * Makes the schema the current one.
   *
   * @throws io.quiver.exec.error.QuiverException SCHEMA_NOT_FOUND for a schema that does not exist
   */
  void use(ObjectName schema);

  /**
   * Sets or resets an option.
   *
   * @throws io.quiver.exec.error.QuiverException UNKNOWN_OPTION (42704), INVALID_PARAMETER (22023)
   */
  void set(SetStatement statement);

  /**
   * The session's temporary schema, made now if it has none yet.
   *
   * @return [catalog, schema]
   */
  List<String> temporarySchema();
}
