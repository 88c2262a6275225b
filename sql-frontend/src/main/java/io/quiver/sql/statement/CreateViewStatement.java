package io.quiver.sql.statement;

import java.util.List;
import org.apache.calcite.sql.SqlNode;

/**
 * {@code CREATE [OR REPLACE] VIEW [IF NOT EXISTS] [[catalog.]schema.]view [(column, ...)] AS query}
 * (OR REPLACE and IF NOT EXISTS exclude each other).
 *
 * @param columnNames the names the view gives its columns; empty to keep the query's names
 * @param definition the query as written: from its first character to its last, without a trailing
 *     semicolon (what information_schema.views shows and what the view expands to)
 * @param temporary CREATE TEMP[ORARY] VIEW: the view lives in the session's temporary schema
 */
public record CreateViewStatement(ObjectName name, boolean orReplace, boolean ifNotExists, List<String> columnNames,
    SqlNode query, String definition, boolean temporary) implements Statement {

  public CreateViewStatement {
    columnNames = List.copyOf(columnNames);
  }

  /** A permanent view. */
  public CreateViewStatement(ObjectName name, boolean orReplace, boolean ifNotExists, List<String> columnNames,
      SqlNode query, String definition) {
    this(name, orReplace, ifNotExists, columnNames, query, definition, false);
  }
}
