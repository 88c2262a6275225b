package io.quiver.engine.connector.memory;

/**
 * A CHECK constraint of a memory table: a row that makes the condition FALSE is refused (23514).
 * The statements that write rows evaluate it in the query that computes them.
 *
 * @param name the constraint's name (given, or PostgreSQL's {@code table_column_check})
 * @param condition the condition as written in CREATE TABLE
 */
public record CheckRule(String name, String condition) {
}
