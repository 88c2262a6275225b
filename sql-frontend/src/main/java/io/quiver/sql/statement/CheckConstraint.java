package io.quiver.sql.statement;

import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * A CHECK constraint of CREATE TABLE, written on a column or on the table. A row violates it when
 * the condition is FALSE (TRUE and NULL pass, as the standard says).
 *
 * @param name the name given with CONSTRAINT name, or null (the engine names it as PostgreSQL does)
 * @param column the column it was written on, or null for a table constraint
 * @param condition the condition's text as written (kept for SHOW CREATE TABLE and information_schema)
 * @param pos where the constraint stands
 */
public record CheckConstraint(String name, String column, String condition, SqlParserPos pos) {
}
