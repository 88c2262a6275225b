package io.quiver.sql.statement;

import java.util.List;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * One WHEN clause of MERGE. A target row with a matching source row takes the first WHEN MATCHED
 * clause whose condition is true; a source row with no matching target row takes the first WHEN
 * NOT MATCHED clause whose condition is true.
 */
public sealed interface MergeClause {

  /** The AND condition, or null for none (always true). */
  SqlNode condition();

  /** Where the clause's WHEN stands. */
  SqlParserPos pos();

  /** {@code WHEN MATCHED [AND condition] THEN UPDATE SET column = expression, ...}. */
  record Update(SqlNode condition, List<Assignment> assignments, SqlParserPos pos) implements MergeClause {

    public Update {
      assignments = List.copyOf(assignments);
    }
  }

  /** {@code WHEN MATCHED [AND condition] THEN DELETE}. */
  record Delete(SqlNode condition, SqlParserPos pos) implements MergeClause {
  }

  /**
   * {@code WHEN NOT MATCHED [AND condition] THEN INSERT [(column, ...)] VALUES (expression, ...)}.
   *
   * @param columns the columns as written; empty for every column of the table in order
   */
  record Insert(SqlNode condition, List<String> columns, List<SqlNode> values, SqlParserPos pos)
      implements MergeClause {

    public Insert {
      columns = List.copyOf(columns);
      values = List.copyOf(values);
    }
  }
}
