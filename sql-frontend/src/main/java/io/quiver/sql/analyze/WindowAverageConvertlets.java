package io.quiver.sql.analyze;

import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql2rel.SqlRexConvertlet;
import org.apache.calcite.sql2rel.SqlRexConvertletTable;
import org.apache.calcite.sql2rel.StandardConvertletTable;

/**
 * Calcite's convertlets, except that {@code AVG(x) OVER (...)} stays one windowed AVG. Calcite
 * would expand it into {@code CAST(SUM(x) OVER w AS t) / COUNT(x) OVER w}: two windows, and for
 * DECIMAL a division at another scale and a second rounding, where the window operator computes
 * AVG exactly as the aggregate does. (An AVG in a GROUP BY query never reaches a convertlet: the
 * aggregate is converted on its own.)
 */
final class WindowAverageConvertlets implements SqlRexConvertletTable {

  static final WindowAverageConvertlets INSTANCE = new WindowAverageConvertlets();

  private static final SqlRexConvertlet AVERAGE = (context, call) -> {
    RexNode argument = context.convertExpression(call.operand(0));
    RelDataType type = context.getValidator().getValidatedNodeType(call);
    return context.getRexBuilder().makeCall(call.getParserPosition(), type, call.getOperator(), List.of(argument));
  };

  private WindowAverageConvertlets() {
  }

  @Override
  public SqlRexConvertlet get(SqlCall call) {
    if (call.getKind() == SqlKind.AVG && call.operandCount() == 1) {
      return AVERAGE;
    }
    return StandardConvertletTable.INSTANCE.get(call);
  }
}
