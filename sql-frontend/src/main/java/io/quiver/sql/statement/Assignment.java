package io.quiver.sql.statement;

import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code column = expression} of UPDATE ... SET and MERGE's WHEN MATCHED THEN UPDATE SET.
 *
 * @param column the column as written (unquoted: folded to lower case)
 * @param value the expression, with its position in the statement's text
 * @param pos where the column name stands
 */
public record Assignment(String column, SqlNode value, SqlParserPos pos) {
}
