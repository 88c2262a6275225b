package io.quiver.sql.ddl;

/**
 * {@code CREATE TABLE [IF NOT EXISTS] [[catalog.]schema.]table AS query}.
 *
 * @param query the statement text with everything up to and including {@code AS} replaced by spaces
 *     (line breaks kept), so that line and column numbers of errors in the query are those of the
 *     text the user wrote
 */
public record CreateTableAsStatement(ObjectName name, boolean ifNotExists, String query) implements DdlStatement {
}
