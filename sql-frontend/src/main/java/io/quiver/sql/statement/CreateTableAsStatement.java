package io.quiver.sql.statement;

import java.util.Map;
import org.apache.calcite.sql.SqlNode;

/**
 * {@code CREATE TABLE [IF NOT EXISTS] [[catalog.]schema.]table [WITH (k = v, ...)] AS query}.
 *
 * @param properties the WITH properties, keys in lower case: empty for an in-memory table, format
 *     and location (and options) for a table written to files
 * @param temporary CREATE TEMP[ORARY] TABLE ... AS: the table lives in the session's temporary schema
 */
public record CreateTableAsStatement(ObjectName name, boolean ifNotExists, Map<String, String> properties,
    SqlNode query, boolean temporary) implements Statement {

  public CreateTableAsStatement {
    properties = Map.copyOf(properties);
  }

  /** A permanent table. */
  public CreateTableAsStatement(ObjectName name, boolean ifNotExists, Map<String, String> properties, SqlNode query) {
    this(name, ifNotExists, properties, query, false);
  }
}
