package io.quiver.planner.logical;

import io.quiver.exec.fragment.node.WindowFunction;
import io.quiver.planner.physical.rules.QuiverRuleConfig;
import java.math.BigDecimal;
import java.util.List;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalWindow;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * Top-N per group: {@code WHERE rn <= k} (also {@code rn < k}, {@code rn = 1}, {@code k >= rn}) over
 * a window whose only functions are ROW_NUMBER, RANK or DENSE_RANK of one PARTITION BY and ORDER BY
 * (the tightest bound of any of them counts)
 * puts a {@link WindowGroupLimit} below the window, so that each task keeps only the rows that can
 * rank among the first k of their partition before they are exchanged and sorted. Other functions
 * in the same window would see fewer rows, so their presence disables the rewrite.
 */
public final class WindowGroupLimitRule extends RelRule<QuiverRuleConfig> {

  public static final WindowGroupLimitRule INSTANCE = (WindowGroupLimitRule) QuiverRuleConfig.of(
      "WindowGroupLimitRule",
      b0 -> b0.operand(LogicalFilter.class)
          .oneInput(b1 -> b1.operand(LogicalWindow.class)
              .predicate(window -> !(window.getInput().stripped() instanceof WindowGroupLimit))
              .anyInputs()),
      WindowGroupLimitRule::new).toRule();

  private WindowGroupLimitRule(QuiverRuleConfig config) {
    super(config);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalFilter filter = call.rel(0);
    LogicalWindow window = call.rel(1);
    Window.Group group = window.groups.get(0);
    List<Window.RexWinAggCall> calls = new java.util.ArrayList<>();
    for (Window.Group other : window.groups) {
      // rank functions ignore frames: groups that differ only in their frame rank alike
      if (!other.keys.equals(group.keys) || !other.orderKeys.equals(group.orderKeys)) {
        return;
      }
      calls.addAll(other.aggCalls);
    }
    int inputCount = window.getInput().getRowType().getFieldCount();
    long best = Long.MAX_VALUE;
    WindowFunction bestRank = null;
    RexNode condition = RexUtil.expandSearch(filter.getCluster().getRexBuilder(), null, filter.getCondition());
    for (RexNode conjunct : RexUtil.flattenAnd(List.of(condition))) {
      int[] column = new int[1];
      long limit = limit(conjunct, column);
      if (limit < 0 || column[0] < inputCount) {
        continue;
      }
      WindowFunction rank = rankKind(calls.get(column[0] - inputCount));
      if (rank != null && limit < best) {
        best = limit;
        bestRank = rank;
      }
    }
    if (bestRank == null) {
      return;
    }
    for (Window.RexWinAggCall aggCall : calls) {
      if (rankKind(aggCall) == null) {
        return;
      }
    }
    WindowGroupLimit limited = new WindowGroupLimit(window.getCluster(), window.getInput().getTraitSet(),
        window.getInput(), group.keys.asList(), group.orderKeys, bestRank, best);
    call.transformTo(filter.copy(filter.getTraitSet(), List.of(window.copy(window.getTraitSet(),
        List.of(limited)))));
  }

  private static WindowFunction rankKind(Window.RexWinAggCall call) {
    return switch (call.getOperator().getKind()) {
      case ROW_NUMBER -> WindowFunction.ROW_NUMBER;
      case RANK -> WindowFunction.RANK;
      case DENSE_RANK -> WindowFunction.DENSE_RANK;
      default -> null;
    };
  }

  /**
   * The largest rank a row passing {@code conjunct} may have, when it bounds a column from above
   * ({@code $c <= k}, {@code $c < k}, {@code $c = k}, or the mirrored forms), with that column in
   * {@code column[0]}; -1 otherwise.
   */
  private static long limit(RexNode conjunct, int[] column) {
    if (!(conjunct instanceof RexCall call) || call.getOperands().size() != 2) {
      return -1;
    }
    RexNode left = call.getOperands().get(0);
    RexNode right = call.getOperands().get(1);
    SqlKind kind = call.getKind();
    if (left instanceof RexLiteral && right instanceof RexInputRef) {
      RexNode swap = left;
      left = right;
      right = swap;
      kind = kind.reverse();
    }
    if (kind != SqlKind.LESS_THAN_OR_EQUAL && kind != SqlKind.LESS_THAN && kind != SqlKind.EQUALS) {
      return -1;
    }
    if (!(left instanceof RexInputRef ref) || !(right instanceof RexLiteral literal) || literal.isNull()
        || !SqlTypeUtil.isNumeric(literal.getType())) {
      return -1;
    }
    BigDecimal value = literal.getValueAs(BigDecimal.class);
    if (value == null) {
      return -1;
    }
    column[0] = ref.getIndex();
    BigDecimal bound = switch (kind) {
      case LESS_THAN_OR_EQUAL, EQUALS -> value.setScale(0, java.math.RoundingMode.FLOOR);
      case LESS_THAN -> value.setScale(0, java.math.RoundingMode.CEILING).subtract(BigDecimal.ONE);
      default -> null;
    };
    if (bound == null) {
      return -1;
    }
    return bound.signum() < 0 ? 0 : bound.min(BigDecimal.valueOf(Long.MAX_VALUE)).longValue();
  }
}
