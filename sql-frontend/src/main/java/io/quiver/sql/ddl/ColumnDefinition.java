package io.quiver.sql.ddl;

import org.apache.calcite.sql.type.SqlTypeName;

/**
 * One column of {@code CREATE TABLE name (column type [NOT NULL], ...)}.
 *
 * @param name the column name: folded to lower case unless it was quoted
 * @param type one of BOOLEAN, TINYINT, SMALLINT, INTEGER, BIGINT, REAL, DOUBLE, DECIMAL, CHAR,
 *     VARCHAR, VARBINARY, DATE, TIME, TIMESTAMP (the types Quiver stores)
 * @param precision DECIMAL precision or CHAR/VARCHAR length; -1 when the statement gave none
 * @param scale DECIMAL scale; -1 when the statement gave none
 * @param notNull true for {@code NOT NULL}
 * @param line where the column's name stands (1-based)
 * @param column where the column's name stands (1-based)
 */
public record ColumnDefinition(String name, SqlTypeName type, int precision, int scale, boolean notNull,
    int line, int column) {
}
