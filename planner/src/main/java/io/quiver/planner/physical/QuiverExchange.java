package io.quiver.planner.physical;

import io.quiver.planner.fragment.FragmentPiece;
import io.quiver.planner.fragment.Fragmenter;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import java.util.List;
import org.apache.calcite.rel.RelDistribution;
import org.apache.calcite.rel.RelDistributions;
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

  /**
   * Hash keys in the order the rows are hashed, when that order is not ascending (Calcite's hash
   * distribution keeps its keys sorted, but a join must hash its build keys in the order of the
   * probe keys they pair with). The distribution trait of such an exchange is RANDOM, so that no
   * parent relies on a hash order it does not know. Null for every other exchange.
   */
  private final List<Integer> orderedHashKeys;

  public QuiverExchange(RelOptCluster cluster, RelTraitSet traits, RelNode input,
      RelDistribution distribution) {
    this(cluster, traits, input, distribution, null);
  }

  private QuiverExchange(RelOptCluster cluster, RelTraitSet traits, RelNode input,
      RelDistribution distribution, List<Integer> orderedHashKeys) {
    super(cluster, traits, input, distribution);
    this.orderedHashKeys = orderedHashKeys == null ? null : List.copyOf(orderedHashKeys);
  }

  /**
   * A hash exchange on {@code keys} in exactly this order. Ascending keys give an ordinary hash
   * distribution; others an exchange whose trait is RANDOM (see {@link #orderedHashKeys}).
   */
  public static QuiverExchange hash(RelNode input, List<Integer> keys) {
    RelDistribution sorted = RelDistributions.hash(keys);
    if (sorted.getKeys().equals(keys)) {
      return create(input, sorted);
    }
    RelDistribution random = RelDistributions.RANDOM_DISTRIBUTED;
    return new QuiverExchange(input.getCluster(), Distributions.traits(input, random), input, random,
        keys);
  }

  /** An exchange of {@code input} into {@code distribution}. */
  public static QuiverExchange create(RelNode input, RelDistribution distribution) {
    return new QuiverExchange(input.getCluster(), Distributions.traits(input, distribution), input,
        distribution);
  }

  @Override
  public Exchange copy(RelTraitSet traitSet, RelNode newInput, RelDistribution newDistribution) {
    return new QuiverExchange(getCluster(), traitSet, newInput, newDistribution, orderedHashKeys);
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
    return super.explainTerms(pw).itemIf("hashKeys", orderedHashKeys, orderedHashKeys != null);
  }

  @Override
  public FragmentPiece fragment(Fragmenter fragmenter) {
    if (orderedHashKeys != null) {
      return fragmenter.hashExchange(fragmenter.visit(getInput()), orderedHashKeys);
    }
    return fragmenter.exchange(fragmenter.visit(getInput()), distribution);
  }
}
