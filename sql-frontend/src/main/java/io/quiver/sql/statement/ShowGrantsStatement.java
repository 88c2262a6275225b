package io.quiver.sql.statement;

/**
 * {@code SHOW GRANTS [FOR name]}: the privileges a user or role holds, and what it owns.
 *
 * @param grantee the user or role asked about; null for the session's user
 */
public record ShowGrantsStatement(String grantee) implements Statement {
}
