package io.quiver.sql.ddl;

/** {@code DROP VIEW [IF EXISTS] [[catalog.]schema.]view}. */
public record DropViewStatement(ObjectName name, boolean ifExists) implements DdlStatement {
}
