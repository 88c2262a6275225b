package io.quiver.planner.physical.rules;

import io.quiver.planner.physical.Distributions;
import io.quiver.planner.physical.QuiverProject;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalProject;

/**
 * A projection becomes a {@link QuiverProject} over each physical form of its input; a hash
 * distribution is remapped to the output positions of its keys.
 */
public final class QuiverProjectRule extends RelRule<QuiverRuleConfig> {

  public static final QuiverProjectRule INSTANCE = (QuiverProjectRule) QuiverRuleConfig.of(
      "QuiverProjectRule",
      b0 -> b0.operand(LogicalProject.class).anyInputs(),
      QuiverProjectRule::new).toRule();

  private QuiverProjectRule(QuiverRuleConfig config) {
    super(config);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalProject project = call.rel(0);
    RelNode input = PhysicalInputs.physical(project.getInput());
    call.transformTo(new QuiverProject(project.getCluster(),
        Distributions.traits(project,
            Distributions.project(Distributions.of(input), project.getProjects())),
        input, project.getProjects(), project.getRowType()));
  }
}
