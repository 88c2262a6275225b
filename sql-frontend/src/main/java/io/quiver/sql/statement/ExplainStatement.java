package io.quiver.sql.statement;

import org.apache.calcite.sql.SqlNode;

/**
 * {@code EXPLAIN query}, {@code EXPLAIN PLAN FOR query}, {@code EXPLAIN ANALYZE query} or
 * {@code EXPLAIN (ANALYZE [boolean], FORMAT {TEXT | JSON}) query}.
 *
 * @param analyze true when the query is to be run and measured (EXPLAIN ANALYZE)
 * @param format how the plan is written
 */
public record ExplainStatement(SqlNode query, boolean analyze, Format format) implements Statement {

  /** The form of the plan's text. */
  public enum Format {
    TEXT,
    JSON
  }
}
