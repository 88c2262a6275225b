package io.quiver.planner.physical.rules;

import io.quiver.exec.fragment.node.JoinType;
import io.quiver.planner.logical.NullAwareAntiJoin;
import io.quiver.planner.physical.Distributions;
import io.quiver.planner.physical.QuiverExchange;
import io.quiver.planner.physical.QuiverHashJoin;
import java.util.List;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelDistribution;
import org.apache.calcite.rel.RelDistributions;
import org.apache.calcite.rel.RelNode;

/**
 * A {@link NullAwareAntiJoin} becomes a NULL_AWARE_ANTI {@link QuiverHashJoin} probing with the left
 * side. The build side is always broadcast (or both sides are in one partition): whether the
 * right side holds a NULL key, or any row at all, must be known in every task.
 */
public final class QuiverNullAwareAntiJoinRule extends RelRule<QuiverRuleConfig> {

  public static final QuiverNullAwareAntiJoinRule INSTANCE =
      (QuiverNullAwareAntiJoinRule) QuiverRuleConfig.of(
          "QuiverNullAwareAntiJoinRule",
          b0 -> b0.operand(NullAwareAntiJoin.class)
              .predicate(join -> join.getConvention() == Convention.NONE).anyInputs(),
          QuiverNullAwareAntiJoinRule::new).toRule();

  private QuiverNullAwareAntiJoinRule(QuiverRuleConfig config) {
    super(config);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    NullAwareAntiJoin join = call.rel(0);
    RelNode probe = PhysicalInputs.physical(join.getLeft());
    RelNode build = PhysicalInputs.physical(join.getRight());
    RelDistribution probeDistribution = Distributions.of(probe);
    boolean local = probeDistribution.getType() == RelDistribution.Type.SINGLETON
        && Distributions.of(build).getType() == RelDistribution.Type.SINGLETON;
    RelNode buildInput = local
        ? build : QuiverExchange.create(build, RelDistributions.BROADCAST_DISTRIBUTED);
    double rows = call.getMetadataQuery().getRowCount(join);
    call.transformTo(new QuiverHashJoin(join.getCluster(),
        Distributions.traits(join, probeDistribution), probe, buildInput, JoinType.NULL_AWARE_ANTI,
        local ? QuiverHashJoin.Strategy.PARTITIONED : QuiverHashJoin.Strategy.BROADCAST,
        List.of(join.leftKey()), List.of(join.rightKey()), null, rows));
  }
}
