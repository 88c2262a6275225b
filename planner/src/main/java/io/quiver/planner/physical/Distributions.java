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
   * projected as a plain column and the keys keep their relative order (then on the new
   * positions); otherwise the rows are just spread. The order matters because a hash trait's keys
   * are ascending (Calcite sorts them) and say in which order the exchange hashed the columns: rows
   * hashed on (a, b) and projected as (b, a) are not partitioned as a hash on (b, a) would put them,
   * and a join that paired them with a side hashed on (b, a) lost its matches.
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
        return ascending(keys) ? RelDistributions.hash(keys) : RelDistributions.RANDOM_DISTRIBUTED;
      }
      case SINGLETON:
      case BROADCAST_DISTRIBUTED:
      case ANY:
        return input;
      default:
        return RelDistributions.RANDOM_DISTRIBUTED;
    }
  }

  /**
   * The hash distribution on output positions of those {@code groupKeys} that carry the input's
   * hash keys, when they keep their order (see {@link #project}); else RANDOM.
   */
  public static RelDistribution aggregate(RelDistribution input, List<Integer> groupKeys) {
    if (input.getType() == RelDistribution.Type.SINGLETON) {
      return input;
    }
    if (input.getType() == RelDistribution.Type.HASH_DISTRIBUTED && colocates(input, groupKeys)) {
      List<Integer> keys = new ArrayList<>();
      for (int key : input.getKeys()) {
        keys.add(groupKeys.indexOf(key));
      }
      return ascending(keys) ? RelDistributions.hash(keys) : RelDistributions.RANDOM_DISTRIBUTED;
    }
    return RelDistributions.RANDOM_DISTRIBUTED;
  }

  /** True when the keys are strictly ascending, the only order a hash trait can state. */
  public static boolean ascending(List<Integer> keys) {
    for (int i = 1; i < keys.size(); i++) {
      if (keys.get(i) <= keys.get(i - 1)) {
        return false;
      }
    }
    return true;
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
