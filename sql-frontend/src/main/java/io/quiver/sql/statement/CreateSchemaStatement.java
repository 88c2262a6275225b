package io.quiver.sql.statement;

/** {@code CREATE SCHEMA [IF NOT EXISTS] [catalog.]schema}. */
public record CreateSchemaStatement(ObjectName name, boolean ifNotExists) implements Statement {
}
