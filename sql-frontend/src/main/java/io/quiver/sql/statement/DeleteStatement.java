package io.quiver.sql.statement;

import org.apache.calcite.sql.SqlNode;

/**
 * {@code DELETE FROM table [[AS] alias] [WHERE condition]}.
 *
 * @param alias the alias as written, or null
 * @param condition the WHERE condition, or null for every row
 */
public record DeleteStatement(ObjectName name, String alias, SqlNode condition) implements Statement {
}
