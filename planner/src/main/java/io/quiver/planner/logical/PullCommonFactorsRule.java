package io.quiver.planner.logical;

import io.quiver.planner.physical.rules.QuiverRuleConfig;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;

/**
 * Pulls the conjuncts common to every branch of an OR out of it: {@code (a = b AND x) OR (a = b
 * AND y)} becomes {@code a = b AND (x OR y)} (TPC-H Q19), so that the equality can become a join
 * key instead of leaving a cross join with a residual condition.
 */
public final class PullCommonFactorsRule extends RelRule<QuiverRuleConfig> {

  public static final PullCommonFactorsRule INSTANCE = (PullCommonFactorsRule) QuiverRuleConfig.of(
      "PullCommonFactorsRule",
      b0 -> b0.operand(LogicalFilter.class)
          .predicate(filter -> containsOr(filter.getCondition()))
          .anyInputs(),
      PullCommonFactorsRule::new).toRule();

  private PullCommonFactorsRule(QuiverRuleConfig config) {
    super(config);
  }

  private static boolean containsOr(RexNode condition) {
    return condition.getKind() == SqlKind.OR || condition.getKind() == SqlKind.AND
        && condition.toString().contains("OR(");
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalFilter filter = call.rel(0);
    RexNode pulled = RexUtil.pullFactors(filter.getCluster().getRexBuilder(), filter.getCondition());
    if (!pulled.equals(filter.getCondition())) {
      call.transformTo(filter.copy(filter.getTraitSet(), filter.getInput(), pulled));
    }
  }
}
