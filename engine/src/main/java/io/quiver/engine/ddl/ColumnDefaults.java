package io.quiver.engine.ddl;

import io.quiver.sql.statement.UpdateStatement;
import io.quiver.sql.statement.MergeStatement;
import io.quiver.sql.statement.MergeClause;
import io.quiver.sql.statement.Assignment;
import io.quiver.exec.type.Column;
import io.quiver.exec.type.RowSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * The values INSERT stores where a statement gives a column none: the column's DEFAULT expression
 * (parsed from its stored text, cast to the column's type), else NULL. Used for columns an INSERT
 * does not list, for {@code DEFAULT} written in a row of {@code INSERT ... VALUES}, and for
 * {@code INSERT ... DEFAULT VALUES}. A DEFAULT such as CURRENT_TIMESTAMP is evaluated by the
 * statement's query, once per statement as PostgreSQL does.
 */
final class ColumnDefaults {

  private ColumnDefaults() {
  }

  /** The value of {@code column} when a statement gives none. */
  static SqlNode value(Column column, Map<String, String> defaults) {
    String expression = defaults.get(column.name());
    return QueryNodes.cast(expression == null ? null : DeclaredRules.parse(expression), column.type());
  }

  /**
   * The statement with each {@code SET column = DEFAULT} replaced by the column's value when a
   * statement gives none (its DEFAULT, else NULL).
   */
  static UpdateStatement fill(UpdateStatement statement, RowSchema columns, Map<String, String> defaults) {
    return new UpdateStatement(statement.name(), statement.alias(), fill(statement.assignments(), columns, defaults),
        statement.condition());
  }

  /** The statement with each DEFAULT of its UPDATE SET and INSERT VALUES replaced, as for UPDATE. */
  static MergeStatement fill(MergeStatement statement, RowSchema columns, Map<String, String> defaults) {
    List<MergeClause> clauses = new ArrayList<>();
    for (MergeClause clause : statement.clauses()) {
      if (clause instanceof MergeClause.Update update) {
        clauses.add(new MergeClause.Update(update.condition(), fill(update.assignments(), columns, defaults),
            update.pos()));
      } else if (clause instanceof MergeClause.Insert insert) {
        List<SqlNode> values = new ArrayList<>(insert.values());
        for (int i = 0; i < values.size(); i++) {
          if (values.get(i).getKind() == SqlKind.DEFAULT) {
            Column column = insert.columns().isEmpty() ? (i < columns.size() ? columns.column(i) : null)
                : find(columns, insert.columns().get(i));
            if (column != null) {
              values.set(i, value(column, defaults));
            }
          }
        }
        clauses.add(new MergeClause.Insert(insert.condition(), insert.columns(), values, insert.pos()));
      } else {
        clauses.add(clause);
      }
    }
    return new MergeStatement(statement.name(), statement.alias(), statement.source(), statement.on(), clauses);
  }

  /** The assignments, each {@code column = DEFAULT} replaced; an unknown column is left to the statement's check. */
  private static List<Assignment> fill(List<Assignment> assignments, RowSchema columns, Map<String, String> defaults) {
    List<Assignment> filled = new ArrayList<>(assignments.size());
    for (Assignment assignment : assignments) {
      Column column = assignment.value().getKind() == SqlKind.DEFAULT ? find(columns, assignment.column()) : null;
      filled.add(column == null ? assignment
          : new Assignment(assignment.column(), value(column, defaults), assignment.pos()));
    }
    return filled;
  }

  private static Column find(RowSchema columns, String name) {
    for (Column column : columns.columns()) {
      if (column.name().equals(name)) {
        return column;
      }
    }
    for (Column column : columns.columns()) {
      if (column.name().equalsIgnoreCase(name)) {
        return column;
      }
    }
    return null;
  }

  /** {@code VALUES (DEFAULT, ...)}, one DEFAULT per column: the query of INSERT ... DEFAULT VALUES. */
  static SqlNode defaultRow(int columns) {
    List<SqlNode> values = new ArrayList<>();
    for (int c = 0; c < columns; c++) {
      values.add(SqlStdOperatorTable.DEFAULT.createCall(SqlParserPos.ZERO));
    }
    return SqlStdOperatorTable.VALUES.createCall(SqlParserPos.ZERO,
        SqlStdOperatorTable.ROW.createCall(SqlParserPos.ZERO, values));
  }

  /**
   * Replaces each {@code DEFAULT} in the rows of a VALUES query by its column's value (in place).
   *
   * @param sourceOf per table column, the position of the value that fills it, or -1
   */
  static SqlNode fill(SqlNode query, RowSchema columns, int[] sourceOf, Map<String, String> defaults) {
    if (query == null || query.getKind() != SqlKind.VALUES) {
      return query;
    }
    for (SqlNode row : ((SqlCall) query).getOperandList()) {
      if (!(row instanceof SqlCall call) || call.getKind() != SqlKind.ROW) {
        continue;
      }
      for (int i = 0; i < call.operandCount(); i++) {
        SqlNode value = call.operand(i);
        if (value != null && value.getKind() == SqlKind.DEFAULT) {
          for (int c = 0; c < sourceOf.length; c++) {
            if (sourceOf[c] == i) {
              call.setOperand(i, value(columns.column(c), defaults));
            }
          }
        }
      }
    }
    return query;
  }
}
