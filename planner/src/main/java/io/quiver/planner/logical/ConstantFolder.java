package io.quiver.planner.logical;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexExecutor;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.util.DateString;

/**
 * Folds the constant expressions that matter for planning (date plus or minus an interval, exact
 * arithmetic on literals) without generating code. Calcite's own executor compiles Java for every
 * reduction, which costs tens of milliseconds per query; anything this folder does not know stays as
 * it is and the executor evaluates it once per batch.
 */
public final class ConstantFolder implements RexExecutor {

  public static final ConstantFolder INSTANCE = new ConstantFolder();

  private static final long MILLIS_PER_DAY = 86_400_000L;

  private ConstantFolder() {
  }

  @Override
  public void reduce(RexBuilder rexBuilder, List<RexNode> constantExpressions, List<RexNode> reducedValues) {
    for (RexNode expression : constantExpressions) {
      reducedValues.add(fold(rexBuilder, expression));
    }
  }

  /** The folded form of {@code node}, or {@code node} itself. */
  public static RexNode fold(RexBuilder rexBuilder, RexNode node) {
    if (!(node instanceof RexCall call)) {
      return node;
    }
    List<RexNode> operands = new ArrayList<>();
    for (RexNode operand : call.getOperands()) {
      RexNode folded = fold(rexBuilder, operand);
      if (!(folded instanceof RexLiteral literal) || literal.isNull()) {
        return node;
      }
      operands.add(folded);
    }
    RexNode result = null;
    switch (call.getKind()) {
      case PLUS:
      case MINUS:
        if (operands.size() == 2) {
          result = dateArithmetic(rexBuilder, call, (RexLiteral) operands.get(0),
              (RexLiteral) operands.get(1));
          if (result == null) {
            result = exactArithmetic(rexBuilder, call, (RexLiteral) operands.get(0),
                (RexLiteral) operands.get(1));
          }
        }
        break;
      case TIMES:
        result = exactArithmetic(rexBuilder, call, (RexLiteral) operands.get(0),
            (RexLiteral) operands.get(1));
        break;
      default:
        break;
    }
    return result == null ? node : result;
  }

  /** DATE +/- INTERVAL; a month interval clamps to the month's last day, as the executor does. */
  private static RexNode dateArithmetic(RexBuilder rexBuilder, RexCall call, RexLiteral left,
      RexLiteral right) {
    boolean minus = call.getKind() == org.apache.calcite.sql.SqlKind.MINUS;
    RexLiteral date = left;
    RexLiteral interval = right;
    if (!minus && right.getTypeName() == SqlTypeName.DATE) {
      date = right;
      interval = left;
    }
    if (date.getTypeName() != SqlTypeName.DATE || call.getType().getSqlTypeName() != SqlTypeName.DATE
        || !SqlTypeUtil.isInterval(interval.getType())) {
      return null;
    }
    LocalDate start = LocalDate.ofEpochDay(date.getValueAs(DateString.class).getDaysSinceEpoch());
    long amount = interval.getValueAs(BigDecimal.class).longValueExact() * (minus ? -1 : 1);
    LocalDate end;
    if (interval.getType().getSqlTypeName().getFamily() == SqlTypeFamily.INTERVAL_YEAR_MONTH) {
      end = start.plusMonths(amount);
    } else if (amount % MILLIS_PER_DAY == 0) {
      end = start.plusDays(amount / MILLIS_PER_DAY);
    } else {
      return null;
    }
    return rexBuilder.makeDateLiteral(DateString.fromDaysSinceEpoch((int) end.toEpochDay()));
  }

  /** +, -, * of exact numbers, when the exact result fits the call's type. */
  private static RexNode exactArithmetic(RexBuilder rexBuilder, RexCall call, RexLiteral left,
      RexLiteral right) {
    RelDataType type = call.getType();
    if (!SqlTypeUtil.isExactNumeric(type) || !SqlTypeUtil.isExactNumeric(left.getType())
        || !SqlTypeUtil.isExactNumeric(right.getType())) {
      return null;
    }
    BigDecimal a = left.getValueAs(BigDecimal.class);
    BigDecimal b = right.getValueAs(BigDecimal.class);
    BigDecimal value;
    switch (call.getKind()) {
      case PLUS:
        value = a.add(b);
        break;
      case MINUS:
        value = a.subtract(b);
        break;
      default:
        value = a.multiply(b);
        break;
    }
    int scale = type.getSqlTypeName() == SqlTypeName.DECIMAL ? type.getScale() : 0;
    if (value.stripTrailingZeros().scale() > scale) {
      return null;
    }
    value = value.setScale(scale, RoundingMode.UNNECESSARY);
    if (type.getSqlTypeName() == SqlTypeName.DECIMAL) {
      if (value.precision() - value.scale() > type.getPrecision() - type.getScale()) {
        return null;
      }
    } else if (!fitsInteger(type.getSqlTypeName(), value)) {
      return null;
    }
    return rexBuilder.makeExactLiteral(value, type);
  }

  private static boolean fitsInteger(SqlTypeName name, BigDecimal value) {
    long min;
    long max;
    switch (name) {
      case TINYINT:
        min = Byte.MIN_VALUE;
        max = Byte.MAX_VALUE;
        break;
      case SMALLINT:
        min = Short.MIN_VALUE;
        max = Short.MAX_VALUE;
        break;
      case INTEGER:
        min = Integer.MIN_VALUE;
        max = Integer.MAX_VALUE;
        break;
      default:
        min = Long.MIN_VALUE;
        max = Long.MAX_VALUE;
        break;
    }
    return value.compareTo(BigDecimal.valueOf(min)) >= 0 && value.compareTo(BigDecimal.valueOf(max)) <= 0;
  }
}
