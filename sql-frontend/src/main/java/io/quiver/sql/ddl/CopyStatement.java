package io.quiver.sql.ddl;

import java.util.Map;

/**
 * {@code COPY table TO 'location' [WITH] (format = '...', ...)} or {@code COPY (query) TO ...}.
 * The format may be left out when the location ends in {@code .parquet}, {@code .csv} or
 * {@code .arrow}.
 *
 * @param name the table copied; null when a query is copied
 * @param query for {@code COPY (query)}: the statement text with everything outside the query's
 *     parentheses replaced by spaces (positions kept); null when a table is copied
 * @param location where the files go, as written
 * @param properties the WITH properties, keys in lower case (format among them, when given)
 */
public record CopyStatement(ObjectName name, String query, String location, Map<String, String> properties)
    implements DdlStatement {

  public CopyStatement {
    properties = Map.copyOf(properties);
    if ((name == null) == (query == null)) {
      throw new IllegalArgumentException("COPY copies either a table or a query");
    }
  }
}
