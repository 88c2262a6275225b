package io.quiver.sql.ddl;

/** {@code DROP SCHEMA [IF EXISTS] [catalog.]schema [CASCADE | RESTRICT]}; RESTRICT is the default. */
public record DropSchemaStatement(ObjectName name, boolean ifExists, boolean cascade) implements DdlStatement {
}
