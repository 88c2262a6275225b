package io.quiver.sql.ddl;

import java.util.List;

/**
 * {@code CREATE [OR REPLACE] VIEW [IF NOT EXISTS] [[catalog.]schema.]view [(column, ...)] AS query}
 * (OR REPLACE and IF NOT EXISTS exclude each other).
 *
 * @param columnNames the names the view gives its columns; empty to keep the query's names
 * @param query the statement text with everything up to and including {@code AS} replaced by spaces
 *     (positions kept, as in {@link CreateTableAsStatement#query})
 * @param definition the query as written: from its first character to its last, without a trailing
 *     semicolon (what information_schema.views shows and what the view expands to)
 */
public record CreateViewStatement(ObjectName name, boolean orReplace, boolean ifNotExists, List<String> columnNames,
    String query, String definition) implements DdlStatement {

  public CreateViewStatement {
    columnNames = List.copyOf(columnNames);
  }
}
