package io.quiver.sql.ddl;

import java.util.Map;

/**
 * {@code CREATE TABLE [IF NOT EXISTS] [[catalog.]schema.]table [WITH (k = v, ...)] AS query}.
 *
 * @param properties the WITH properties, keys in lower case: empty for an in-memory table, format
 *     and location (and options) for a table written to files
 * @param query the statement text with everything up to and including {@code AS} replaced by spaces
 *     (line breaks kept), so that line and column numbers of errors in the query are those of the
 *     text the user wrote
 */
public record CreateTableAsStatement(ObjectName name, boolean ifNotExists, Map<String, String> properties,
    String query) implements DdlStatement {

  public CreateTableAsStatement {
    properties = Map.copyOf(properties);
  }

  /** An in-memory table (no WITH properties). */
  public CreateTableAsStatement(ObjectName name, boolean ifNotExists, String query) {
    this(name, ifNotExists, Map.of(), query);
  }
}
