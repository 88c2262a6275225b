package io.quiver.sql.statement;

/** {@code TRUNCATE [TABLE] table}: every row goes. */
public record TruncateStatement(ObjectName name) implements Statement {
}
