package io.quiver.sql.statement;

/** {@code USE [catalog.]schema}: makes the schema the session's current schema. */
public record UseStatement(ObjectName schema) implements Statement {
}
