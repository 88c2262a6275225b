package io.quiver.planner.physical.rules;

import io.quiver.planner.physical.Distributions;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.volcano.RelSubset;
import org.apache.calcite.rel.RelDistribution;
import org.apache.calcite.rel.RelDistributions;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Exchange;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.core.Union;
import org.apache.calcite.rel.core.Values;

/**
 * How the physical rules see their inputs. Calcite's classic Volcano planner does not carry a
 * physical input's distribution up to the rule that converts its logical parent, so each rule asks
 * for its input in the distribution that input delivers on its own (its natural distribution: what
 * the physical rules below produce without an exchange). The parent then decides, knowing that
 * distribution, whether it needs an exchange (an aggregate over rows already co-located on its
 * keys does not).
 */
final class PhysicalInputs {

  private PhysicalInputs() {
  }

  /** The input of a logical node, requested in the Quiver convention and its natural distribution. */
  static RelNode physical(RelNode logicalInput) {
    RelDistribution distribution = naturalDistribution(logicalInput);
    return RelOptRule.convert(logicalInput, Distributions.traits(logicalInput, distribution));
  }

  /** The distribution the physical form of a logical plan delivers without a final exchange. */
  static RelDistribution naturalDistribution(RelNode rel) {
    if (rel instanceof RelSubset subset) {
      RelNode original = subset.getOriginal();
      return original == null ? RelDistributions.RANDOM_DISTRIBUTED : naturalDistribution(original);
    }
    if (rel instanceof TableScan || rel instanceof Union) {
      return RelDistributions.RANDOM_DISTRIBUTED;
    }
    if (rel instanceof Values || rel instanceof Sort) {
      return RelDistributions.SINGLETON;
    }
    if (rel instanceof Join join) {
      // A join's alternatives deliver a hash or the probe side's distribution, all of which satisfy
      // RANDOM; only a join of two one-partition inputs stays in one partition.
      boolean single = naturalDistribution(join.getLeft()).getType() == RelDistribution.Type.SINGLETON
          && naturalDistribution(join.getRight()).getType() == RelDistribution.Type.SINGLETON;
      return single ? RelDistributions.SINGLETON : RelDistributions.RANDOM_DISTRIBUTED;
    }
    if (rel instanceof io.quiver.planner.logical.NullAwareAntiJoin antiJoin) {
      return naturalDistribution(antiJoin.getLeft());
    }
    if (rel instanceof io.quiver.planner.logical.Replicate replicate) {
      RelDistribution input = naturalDistribution(replicate.getInput());
      return input.getType() == RelDistribution.Type.SINGLETON
          || input.getType() == RelDistribution.Type.HASH_DISTRIBUTED
          && input.getKeys().stream().allMatch(key -> key < replicate.countColumn())
          ? input : RelDistributions.RANDOM_DISTRIBUTED;
    }
    if (rel instanceof Exchange exchange) {
      return exchange.getDistribution();
    }
    if (rel instanceof Filter filter) {
      return naturalDistribution(filter.getInput());
    }
    if (rel instanceof Project project) {
      return Distributions.project(naturalDistribution(project.getInput()), project.getProjects());
    }
    if (rel instanceof io.quiver.planner.logical.WindowGroupLimit limit) {
      return naturalDistribution(limit.getInput());
    }
    if (rel instanceof org.apache.calcite.rel.core.Window window) {
      return WindowPlan.outputDistribution(window, naturalDistribution(window.getInput()));
    }
    if (rel instanceof Aggregate aggregate) {
      return aggregateDistribution(naturalDistribution(aggregate.getInput()),
          aggregate.getGroupSet().asList());
    }
    RelDistribution own = Distributions.of(rel);
    return own.getType() == RelDistribution.Type.ANY ? RelDistributions.RANDOM_DISTRIBUTED : own;
  }

  /** An aggregate's output distribution: kept when its input is co-located, else the exchange's. */
  static RelDistribution aggregateDistribution(RelDistribution input, List<Integer> keys) {
    if (Distributions.colocates(input, keys)) {
      return Distributions.aggregate(input, keys);
    }
    if (keys.isEmpty()) {
      return RelDistributions.SINGLETON;
    }
    return RelDistributions.hash(IntStream.range(0, keys.size()).boxed().collect(Collectors.toList()));
  }
}
