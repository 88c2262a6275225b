package io.quiver.sql.statement;

/**
 * {@code DROP INDEX [IF EXISTS] [[catalog.]schema.]name}: the index of that name among the tables
 * of the schema (the session's current schema when none is written).
 */
public record DropIndexStatement(ObjectName name, boolean ifExists) implements Statement {
}
