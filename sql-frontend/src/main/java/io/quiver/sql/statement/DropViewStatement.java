package io.quiver.sql.statement;

/** {@code DROP VIEW [IF EXISTS] [[catalog.]schema.]view}. */
public record DropViewStatement(ObjectName name, boolean ifExists) implements Statement {
}
