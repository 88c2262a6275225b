package io.quiver.sql.ddl;

/** {@code DROP TABLE [IF EXISTS] [[catalog.]schema.]table}. */
public record DropTableStatement(ObjectName name, boolean ifExists) implements DdlStatement {
}
