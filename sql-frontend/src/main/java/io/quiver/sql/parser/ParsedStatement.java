package io.quiver.sql.parser;

import org.apache.calcite.sql.SqlNode;

/**
 * A parsed statement.
 *
 * @param explain true for {@code EXPLAIN [PLAN FOR | ANALYZE | (options)] query}
 * @param analyze true for {@code EXPLAIN ANALYZE} and {@code EXPLAIN (ANALYZE)}: run the query and
 *     show what its stages, tasks and operators did
 * @param json true for {@code EXPLAIN (FORMAT JSON)}: the plan as one JSON document
 * @param query the query (for EXPLAIN: the explained query)
 */
public record ParsedStatement(boolean explain, boolean analyze, boolean json, SqlNode query) {

  /** A query, or a plain EXPLAIN of one. */
  public ParsedStatement(boolean explain, SqlNode query) {
    this(explain, false, false, query);
  }
}
