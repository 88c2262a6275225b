package io.quiver.planner.physical.rules;

import java.util.function.Function;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.tools.RelBuilderFactory;

/**
 * The configuration of a Quiver {@link RelRule}: its operands, description and how to build it.
 * A plain record, so rules need no annotation processing.
 */
public record QuiverRuleConfig(RelRule.OperandTransform operandSupplier, String description,
    RelBuilderFactory relBuilderFactory, Function<QuiverRuleConfig, RelOptRule> factory)
    implements RelRule.Config {

  public static QuiverRuleConfig of(String description, RelRule.OperandTransform operands,
      Function<QuiverRuleConfig, RelOptRule> factory) {
    return new QuiverRuleConfig(operands, description, RelFactories.LOGICAL_BUILDER, factory);
  }

  @Override
  public RelOptRule toRule() {
    return factory.apply(this);
  }

  @Override
  public QuiverRuleConfig withRelBuilderFactory(RelBuilderFactory newFactory) {
    return new QuiverRuleConfig(operandSupplier, description, newFactory, factory);
  }

  @Override
  public QuiverRuleConfig withDescription(String newDescription) {
    return new QuiverRuleConfig(operandSupplier, newDescription, relBuilderFactory, factory);
  }

  @Override
  public QuiverRuleConfig withOperandSupplier(RelRule.OperandTransform transform) {
    return new QuiverRuleConfig(transform, description, relBuilderFactory, factory);
  }
}
