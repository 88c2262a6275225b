package io.quiver.sql.statement;

import org.apache.calcite.sql.SqlNode;

/** A query: SELECT, VALUES, WITH, a set operation, perhaps ordered and limited. */
public record QueryStatement(SqlNode query) implements Statement {
}
