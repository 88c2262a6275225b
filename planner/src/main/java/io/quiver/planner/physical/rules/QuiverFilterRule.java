package io.quiver.planner.physical.rules;

import io.quiver.planner.physical.Distributions;
import io.quiver.planner.physical.QuiverFilter;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalFilter;

/**
 * A filter becomes a {@link QuiverFilter} over each physical form of its input, keeping that
 * input's distribution (matching on the physical input is how the trait propagates upward).
 */
public final class QuiverFilterRule extends RelRule<QuiverRuleConfig> {

  public static final QuiverFilterRule INSTANCE = (QuiverFilterRule) QuiverRuleConfig.of(
      "QuiverFilterRule",
      b0 -> b0.operand(LogicalFilter.class).anyInputs(),
      QuiverFilterRule::new).toRule();

  private QuiverFilterRule(QuiverRuleConfig config) {
    super(config);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalFilter filter = call.rel(0);
    RelNode input = PhysicalInputs.physical(filter.getInput());
    call.transformTo(new QuiverFilter(filter.getCluster(),
        Distributions.traits(filter, Distributions.of(input)), input, filter.getCondition()));
  }
}
