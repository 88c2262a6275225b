package io.quiver.sql.analyze;

import io.quiver.sql.error.SqlFrontendException;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.fun.SqlCase;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * The clauses of an aggregate call that Calcite 1.42 does not take under OVER, before validation:
 * <ul>
 *   <li>{@code agg(x, ...) FILTER (WHERE c) OVER w} becomes {@code agg(CASE WHEN c THEN x END, ...)
 *       OVER w} ({@code count(*)} counts {@code CASE WHEN c THEN 1 END}): every aggregate skips a
 *       NULL first argument (a pair with a NULL side, for the two-argument ones), so the rows where
 *       c is not TRUE count as they do under FILTER. Calcite's validator would refuse the FILTER.
 *   <li>FILTER on a window function that is not an aggregate (ROW_NUMBER, LAG, ...) is refused as
 *       PostgreSQL refuses it: {@code FILTER is not implemented for non-aggregate window functions}.
 *   <li>An ORDER BY inside the aggregate ({@code string_agg(x, ',' ORDER BY y) OVER w}, {@code WITHIN
 *       GROUP}) is refused as in PostgreSQL: {@code aggregate ORDER BY is not implemented for window
 *       functions} (Calcite would fail with an internal error); the window's ORDER BY orders the
 *       values instead.
 * </ul>
 * The planner's {@code SqlErrors} maps both messages to NOT_SUPPORTED (0A000).
 */
final class WindowAggregateClauses extends SqlShuttle {

  private static final Set<String> WINDOW_FUNCTIONS = Set.of("ROW_NUMBER", "RANK", "DENSE_RANK", "PERCENT_RANK",
      "CUME_DIST", "NTILE", "LAG", "LEAD", "FIRST_VALUE", "LAST_VALUE", "NTH_VALUE");

  @Override
  public SqlNode visit(SqlCall call) {
    if (call.getKind() == SqlKind.OVER && call.operandCount() == 2 && call.operand(0) instanceof SqlCall function) {
      SqlNode rewritten = rewrite(function);
      if (rewritten != function) {
        call.setOperand(0, rewritten);
      }
    }
    return super.visit(call);
  }

  private static SqlNode rewrite(SqlCall function) {
    refuseOrderBy(function);
    if (function.getKind() != SqlKind.FILTER || !(function.operand(0) instanceof SqlCall aggregate)) {
      return function;
    }
    refuseOrderBy(aggregate);
    SqlParserPos position = function.getParserPosition();
    if (WINDOW_FUNCTIONS.contains(aggregate.getOperator().getName().toUpperCase(Locale.ROOT))) {
      throw error("FILTER is not implemented for non-aggregate window functions", position);
    }
    if (aggregate.operandCount() == 0) {
      return function;
    }
    SqlNode first = aggregate.operand(0);
    if (first instanceof SqlIdentifier identifier && identifier.isStar()) {
      first = SqlLiteral.createExactNumeric("1", first.getParserPosition());
    }
    SqlNode condition = function.operand(1);
    aggregate.setOperand(0, new SqlCase(position, null, SqlNodeList.of(condition), SqlNodeList.of(first),
        SqlLiteral.createNull(position)));
    return aggregate;
  }

  /** Refuses {@code WITHIN GROUP (ORDER BY ...)} and an ORDER BY among the arguments (parsed as a list operand). */
  private static void refuseOrderBy(SqlCall function) {
    boolean ordered = function.getKind() == SqlKind.WITHIN_GROUP;
    for (SqlNode operand : function.getOperandList()) {
      ordered |= operand instanceof SqlNodeList && function.getKind() != SqlKind.FILTER;
    }
    if (ordered) {
      throw error("aggregate ORDER BY is not implemented for window functions", function.getParserPosition());
    }
  }

  private static SqlFrontendException error(String message, SqlParserPos position) {
    return new SqlFrontendException(SqlFrontendException.Kind.VALIDATION, message, position.getLineNum(),
        position.getColumnNum(), null);
  }
}
