package io.quiver.planner.physical.rules;

import io.quiver.planner.logical.Replicate;
import io.quiver.planner.physical.Distributions;
import io.quiver.planner.physical.QuiverReplicate;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelDistribution;
import org.apache.calcite.rel.RelDistributions;
import org.apache.calcite.rel.RelNode;

/**
 * A {@link Replicate} becomes a {@link QuiverReplicate} over its input where the input is; a hash
 * distribution on the kept columns survives (repeating a row keeps it in its partition).
 */
public final class QuiverReplicateRule extends RelRule<QuiverRuleConfig> {

  public static final QuiverReplicateRule INSTANCE = (QuiverReplicateRule) QuiverRuleConfig.of(
      "QuiverReplicateRule",
      b0 -> b0.operand(Replicate.class).predicate(rel -> rel.getConvention() == Convention.NONE).anyInputs(),
      QuiverReplicateRule::new).toRule();

  private QuiverReplicateRule(QuiverRuleConfig config) {
    super(config);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    Replicate replicate = call.rel(0);
    RelNode input = PhysicalInputs.physical(replicate.getInput());
    RelDistribution distribution = Distributions.of(input);
    boolean kept = distribution.getType() == RelDistribution.Type.SINGLETON
        || distribution.getType() == RelDistribution.Type.HASH_DISTRIBUTED
        && distribution.getKeys().stream().allMatch(key -> key < replicate.countColumn());
    call.transformTo(new QuiverReplicate(replicate.getCluster(),
        Distributions.traits(replicate, kept ? distribution : RelDistributions.RANDOM_DISTRIBUTED), input,
        replicate.countColumn(), replicate.countColumn()));
  }
}
