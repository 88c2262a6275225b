package io.quiver.sql.statement;

import java.util.Map;
import org.apache.calcite.sql.SqlNode;

/**
 * {@code COPY table TO 'location' [WITH] (format = '...', ...)} or {@code COPY (query) TO ...}.
 * The format may be left out when the location ends in {@code .parquet}, {@code .csv} or
 * {@code .arrow}.
 *
 * @param name the table copied; null when a query is copied
 * @param query the query copied; null when a table is copied
 * @param location where the files go, as written
 * @param properties the WITH properties, keys in lower case (format among them, when given)
 */
public record CopyStatement(ObjectName name, SqlNode query, String location, Map<String, String> properties)
    implements Statement {

  public CopyStatement {
    properties = Map.copyOf(properties);
    if ((name == null) == (query == null)) {
      throw new IllegalArgumentException("COPY copies either a table or a query");
    }
  }
}
