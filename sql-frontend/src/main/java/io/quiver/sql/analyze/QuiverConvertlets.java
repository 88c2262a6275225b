package io.quiver.sql.analyze;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql2rel.SqlRexContext;
import org.apache.calcite.sql2rel.SqlRexConvertlet;
import org.apache.calcite.sql2rel.SqlRexConvertletTable;
import org.apache.calcite.sql2rel.StandardConvertletTable;

/**
 * Calcite's conversions of calls to row expressions, except where Calcite expands a function into
 * expressions the executor does not run: {@code TIMESTAMPDIFF(unit, a, b)} stays one call, its unit
 * a text literal, which the function registry's kernel evaluates; and {@code AVG(x) OVER (...)}
 * stays one windowed AVG, where Calcite would expand it into {@code CAST(SUM(x) OVER w AS t) /
 * COUNT(x) OVER w}: two windows, and for DECIMAL a division at another scale and a second rounding,
 * where the window operator computes AVG exactly as the aggregate does. (An AVG in a GROUP BY query
 * never reaches a convertlet: the aggregate is converted on its own.)
 */
final class QuiverConvertlets implements SqlRexConvertletTable {

  static final QuiverConvertlets INSTANCE = new QuiverConvertlets();

  private QuiverConvertlets() {
  }

  @Override
  public SqlRexConvertlet get(SqlCall call) {
    if (call.getKind() == SqlKind.TIMESTAMP_DIFF || call.getOperator().getName().equalsIgnoreCase("TIMESTAMPDIFF")) {
      return QuiverConvertlets::unitCall;
    }
    if (call.getOperator() == DateArithmetic.PLUS || call.getOperator() == DateArithmetic.MINUS) {
      // One row expression of kind PLUS or MINUS: numbers, dates with intervals and dates with days
      // alike; the planner's converter maps each to the executor's arithmetic.
      return QuiverConvertlets::unitCall;
    }
    if (call.getKind() == SqlKind.AVG && call.operandCount() == 1) {
      return QuiverConvertlets::windowAverage;
    }
    return StandardConvertletTable.INSTANCE.get(call);
  }

  private static RexNode windowAverage(SqlRexContext context, SqlCall call) {
    RexNode argument = context.convertExpression(call.operand(0));
    RelDataType type = context.getValidator().getValidatedNodeType(call);
    return context.getRexBuilder().makeCall(call.getParserPosition(), type, call.getOperator(), List.of(argument));
  }

  /** The call with its time-unit operand as a text literal naming the unit. */
  private static RexNode unitCall(SqlRexContext context, SqlCall call) {
    RexBuilder rexBuilder = context.getRexBuilder();
    List<RexNode> operands = new ArrayList<>();
    for (SqlNode operand : call.getOperandList()) {
      if (operand instanceof SqlIntervalQualifier qualifier) {
        operands.add(rexBuilder.makeLiteral(qualifier.getStartUnit().name().toLowerCase(Locale.ROOT)));
      } else if (operand instanceof org.apache.calcite.sql.SqlLiteral literal
          && literal.getValue() instanceof org.apache.calcite.avatica.util.TimeUnit unit) {
        operands.add(rexBuilder.makeLiteral(unit.name().toLowerCase(Locale.ROOT)));
      } else {
        operands.add(context.convertExpression(operand));
      }
    }
    RelDataType type = context.getValidator().getValidatedNodeType(call);
    return rexBuilder.makeCall(type, call.getOperator(), operands);
  }
}
