package io.quiver.sql.statement;

/** {@code DROP TABLE [IF EXISTS] [[catalog.]schema.]table}. */
public record DropTableStatement(ObjectName name, boolean ifExists) implements Statement {
}
