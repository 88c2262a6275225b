package io.quiver.planner.physical.rules;

import io.quiver.planner.logical.WindowGroupLimit;
import io.quiver.planner.physical.Distributions;
import io.quiver.planner.physical.QuiverGroupTopN;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelNode;

/**
 * A {@link WindowGroupLimit} becomes a {@link QuiverGroupTopN} over its input as that input is
 * spread, before any exchange: each task keeps the rows that can rank among the first n of their
 * partition, and the window above exchanges only those.
 */
public final class QuiverGroupTopNRule extends RelRule<QuiverRuleConfig> {

  public static final QuiverGroupTopNRule INSTANCE = (QuiverGroupTopNRule) QuiverRuleConfig.of(
      "QuiverGroupTopNRule",
      b0 -> b0.operand(WindowGroupLimit.class).anyInputs(),
      QuiverGroupTopNRule::new).toRule();

  private QuiverGroupTopNRule(QuiverRuleConfig config) {
    super(config);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    WindowGroupLimit limit = call.rel(0);
    RelNode input = PhysicalInputs.physical(limit.getInput());
    call.transformTo(new QuiverGroupTopN(limit.getCluster(), Distributions.traits(limit, Distributions.of(input)),
        input, limit.partitionKeys(), limit.order(), limit.rank(), limit.limit()));
  }
}
