package io.quiver.planner.physical.rules;

import io.quiver.planner.physical.Distributions;
import io.quiver.planner.physical.QuiverRel;
import io.quiver.planner.physical.QuiverValues;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelDistributions;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.logical.LogicalValues;

/** VALUES becomes {@link QuiverValues}, produced in one partition (SINGLETON). */
public final class QuiverValuesRule extends ConverterRule {

  public static final QuiverValuesRule INSTANCE = Config.INSTANCE
      .withConversion(LogicalValues.class, Convention.NONE, QuiverRel.CONVENTION, "QuiverValuesRule")
      .withRuleFactory(QuiverValuesRule::new)
      .toRule(QuiverValuesRule.class);

  private QuiverValuesRule(Config config) {
    super(config);
  }

  @Override
  public RelNode convert(RelNode rel) {
    LogicalValues values = (LogicalValues) rel;
    return new QuiverValues(values.getCluster(), values.getRowType(), values.getTuples(),
        Distributions.traits(values, RelDistributions.SINGLETON));
  }
}
