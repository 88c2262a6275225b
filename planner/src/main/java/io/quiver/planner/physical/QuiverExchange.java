package io.quiver.planner.physical;

import io.quiver.planner.fragment.FragmentPiece;
import io.quiver.planner.fragment.Fragmenter;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelDistribution;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.Exchange;
import org.apache.calcite.rel.metadata.RelMetadataQuery;

/**
 * Moves rows between partitions: hash on keys, single (gather into one partition), broadcast (every
 * row to every partition) or round-robin. Always a stage boundary. Its cost is what makes the
 * planner avoid needless exchanges: every row crossing one is serialized and shipped.
 */
public final class QuiverExchange extends Exchange implements QuiverRel {

  public QuiverExchange(RelOptCluster cluster, RelTraitSet traits, RelNode input,
      RelDistribution distribution) {
    super(cluster, traits, input, distribution);
  }

  /** An exchange of {@code input} into {@code distribution}. */
  public static QuiverExchange create(RelNode input, RelDistribution distribution) {
    return new QuiverExchange(input.getCluster(), Distributions.traits(input, distribution), input,
        distribution);
  }

  @Override
  public Exchange copy(RelTraitSet traitSet, RelNode newInput, RelDistribution newDistribution) {
    return new QuiverExchange(getCluster(), traitSet, newInput, newDistribution);
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    double rows = mq.getRowCount(getInput());
    double width = Math.max(1, getRowType().getFieldCount()) * 0.1 + 1;
    double copies = distribution.getType() == RelDistribution.Type.BROADCAST_DISTRIBUTED ? 8 : 1;
    return CostModel.cost(planner, rows * width * copies * CostModel.EXCHANGE_ROW, rows);
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw);
  }

  @Override
  public FragmentPiece fragment(Fragmenter fragmenter) {
    return fragmenter.exchange(fragmenter.visit(getInput()), distribution);
  }
}
