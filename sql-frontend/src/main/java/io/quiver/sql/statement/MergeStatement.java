package io.quiver.sql.statement;

import java.util.List;
import org.apache.calcite.sql.SqlNode;

/**
 * {@code MERGE INTO table [[AS] alias] USING source ON condition WHEN ...}: the source is a table
 * reference as FROM takes it (a table, a subquery, each with its alias).
 *
 * @param alias the target's alias as written, or null
 */
public record MergeStatement(ObjectName name, String alias, SqlNode source, SqlNode on, List<MergeClause> clauses)
    implements Statement {

  public MergeStatement {
    clauses = List.copyOf(clauses);
  }
}
