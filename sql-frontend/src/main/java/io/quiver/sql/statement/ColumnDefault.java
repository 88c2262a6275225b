package io.quiver.sql.statement;

import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code DEFAULT expression} of a column of CREATE TABLE: the value INSERT stores where it gives
 * the column none (or writes {@code DEFAULT}).
 *
 * @param column the column's name
 * @param expression the expression's text as written: a constant, a function such as
 *     CURRENT_DATE or CURRENT_TIMESTAMP, or a parenthesized expression without column references
 * @param pos where the expression stands
 */
public record ColumnDefault(String column, String expression, SqlParserPos pos) {
}
