package io.quiver.sql.parser;

import org.apache.calcite.sql.SqlNode;

/**
 * A parsed statement.
 *
 * @param explain true for {@code EXPLAIN [PLAN FOR] query}
 * @param query the query (for EXPLAIN: the explained query)
 */
public record ParsedStatement(boolean explain, SqlNode query) {
}
