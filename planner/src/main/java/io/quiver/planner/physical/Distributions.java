package io.quiver.planner.physical;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelDistribution;
import org.apache.calcite.rel.RelDistributionTraitDef;
import org.apache.calcite.rel.RelDistributions;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;

/** Helpers for the distribution traits of physical nodes. */
public final class Distributions {

  private Distributions() {
  }

  /** The distribution of a node; ANY when it has none. */
  public static RelDistribution of(RelNode rel) {
    return of(rel.getTraitSet());
  }

  public static RelDistribution of(RelTraitSet traits) {
    RelDistribution distribution = traits.getTrait(RelDistributionTraitDef.INSTANCE);
    return distribution == null ? RelDistributions.ANY : distribution;
  }

  /** Traits in the Quiver convention with the given distribution. */
  public static RelTraitSet traits(RelNode rel, RelDistribution distribution) {
    return rel.getCluster().traitSetOf(QuiverRel.CONVENTION).replace(distribution);
  }

  /** True when the rows of each group of {@code keys} are all in one partition. */
  public static boolean colocates(RelDistribution distribution, List<Integer> keys) {
    switch (distribution.getType()) {
      case SINGLETON:
        return true;
      case HASH_DISTRIBUTED:
        return !distribution.getKeys().isEmpty() && keys.containsAll(distribution.getKeys());
      default:
        return false;
    }
  }

  /**
   * The distribution of a projection's output: a hash distribution survives when every key is
   * projected as a plain column (then on the new positions); otherwise the rows are just spread.
   */
  public static RelDistribution project(RelDistribution input, List<RexNode> projects) {
    switch (input.getType()) {
      case HASH_DISTRIBUTED: {
        List<Integer> keys = new ArrayList<>();
        for (int key : input.getKeys()) {
          int position = positionOf(projects, key);
          if (position < 0) {
            return RelDistributions.RANDOM_DISTRIBUTED;
          }
          keys.add(position);
        }
        return RelDistributions.hash(keys);
      }
      case SINGLETON:
      case BROADCAST_DISTRIBUTED:
      case ANY:
        return input;
      default:
        return RelDistributions.RANDOM_DISTRIBUTED;
    }
  }

  /** The hash distribution on output positions of those {@code groupKeys} that carry the input's hash keys. */
  public static RelDistribution aggregate(RelDistribution input, List<Integer> groupKeys) {
    if (input.getType() == RelDistribution.Type.SINGLETON) {
      return input;
    }
    if (input.getType() == RelDistribution.Type.HASH_DISTRIBUTED && colocates(input, groupKeys)) {
      List<Integer> keys = new ArrayList<>();
      for (int key : input.getKeys()) {
        keys.add(groupKeys.indexOf(key));
      }
      return RelDistributions.hash(keys);
    }
    return RelDistributions.RANDOM_DISTRIBUTED;
  }

  private static int positionOf(List<RexNode> projects, int inputField) {
    for (int i = 0; i < projects.size(); i++) {
      if (projects.get(i) instanceof RexInputRef ref && ref.getIndex() == inputField) {
        return i;
      }
    }
    return -1;
  }
}
