package io.quiver.planner.physical;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.planner.physical.rules.QuiverRules;
import io.quiver.planner.PlannerSettings;
import org.apache.calcite.plan.Contexts;
import org.apache.calcite.plan.ConventionTraitDef;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.plan.volcano.VolcanoPlanner;
import org.apache.calcite.rel.RelDistributionTraitDef;
import org.apache.calcite.rel.RelDistributions;
import org.apache.calcite.rel.RelNode;
import io.quiver.planner.logical.ConstantFolder;

/**
 * The cost-based phase: a Volcano planner with Quiver's convention and the distribution trait,
 * which turns a logical plan into the cheapest physical plan whose root is in one partition.
 */
public final class PhysicalPlanner {

  private PhysicalPlanner() {
  }

  /**
   * A Volcano planner set up for Quiver. Make one per statement (planners hold the statement's
   * search space); the statement's cluster must be created over it.
   */
  public static VolcanoPlanner newPlanner(PlannerSettings settings) {
    // The settings travel in the planner's context, where rules (the join rule) find them.
    VolcanoPlanner planner = new VolcanoPlanner(Contexts.of(settings));
    // Constant folding in the logical phase evaluates through the cluster planner's executor.
    planner.setExecutor(ConstantFolder.INSTANCE);
    planner.addListener(io.quiver.planner.PlanningInterrupts.LISTENER);
    planner.addRelTraitDef(ConventionTraitDef.INSTANCE);
    planner.addRelTraitDef(RelDistributionTraitDef.INSTANCE);
    for (RelOptRule rule : QuiverRules.PHYSICAL_RULES) {
      planner.addRule(rule);
    }
    return planner;
  }

  /** The cheapest physical plan of {@code logical}, delivering all rows in one partition. */
  public static RelNode optimize(RelNode logical) {
    RelOptPlanner planner = logical.getCluster().getPlanner();
    if (planner.getRules().isEmpty()) {
      // A statement plans several queries in turn (recursive CTEs); clear() removed the rules.
      QuiverRules.PHYSICAL_RULES.forEach(planner::addRule);
    }
    RelTraitSet required = logical.getTraitSet()
        .replace(QuiverRel.CONVENTION)
        .replace(RelDistributions.SINGLETON);
    try {
      planner.setRoot(planner.changeTraits(logical, required));
      return SortElimination.apply(planner.findBestExp());
    } catch (RelOptPlanner.CannotPlanException e) {
      throw new QuiverException(ErrorCode.NOT_SUPPORTED,
          "This query cannot be planned with Quiver's operators yet", e);
    } finally {
      planner.clear();
    }
  }
}
