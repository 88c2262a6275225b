package io.quiver.planner.physical.rules;

import io.quiver.planner.physical.Distributions;
import io.quiver.planner.physical.QuiverRel;
import io.quiver.planner.physical.QuiverUnion;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelDistributions;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.logical.LogicalUnion;

/** UNION ALL becomes {@link QuiverUnion} over inputs of any distribution. */
public final class QuiverUnionRule extends ConverterRule {

  public static final QuiverUnionRule INSTANCE = Config.INSTANCE
      .withConversion(LogicalUnion.class, (LogicalUnion union) -> union.all, Convention.NONE,
          QuiverRel.CONVENTION, "QuiverUnionRule")
      .withRuleFactory(QuiverUnionRule::new)
      .toRule(QuiverUnionRule.class);

  private QuiverUnionRule(Config config) {
    super(config);
  }

  @Override
  public RelNode convert(RelNode rel) {
    LogicalUnion union = (LogicalUnion) rel;
    List<RelNode> inputs = new ArrayList<>();
    for (RelNode input : union.getInputs()) {
      inputs.add(PhysicalInputs.physical(input));
    }
    return new QuiverUnion(union.getCluster(),
        Distributions.traits(union, RelDistributions.RANDOM_DISTRIBUTED), inputs);
  }
}
