package io.quiver.sql.statement;

/** {@code DROP SCHEMA [IF EXISTS] [catalog.]schema [CASCADE | RESTRICT]}; RESTRICT is the default. */
public record DropSchemaStatement(ObjectName name, boolean ifExists, boolean cascade) implements Statement {
}
