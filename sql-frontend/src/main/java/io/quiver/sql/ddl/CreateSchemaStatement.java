package io.quiver.sql.ddl;

/** {@code CREATE SCHEMA [IF NOT EXISTS] [catalog.]schema}. */
public record CreateSchemaStatement(ObjectName name, boolean ifNotExists) implements DdlStatement {
}
