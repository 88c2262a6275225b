package io.quiver.planner.physical.rules;

import io.quiver.planner.physical.QuiverExchange;
import io.quiver.planner.physical.QuiverRel;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.logical.LogicalExchange;

/**
 * Makes the exchanges that distribution trait conversion asks for: when a parent requires a
 * distribution its input lacks, {@link org.apache.calcite.rel.RelDistributionTraitDef} proposes a
 * {@link LogicalExchange}, and this rule turns it into a {@link QuiverExchange}.
 */
public final class QuiverExchangeRule extends ConverterRule {

  public static final QuiverExchangeRule INSTANCE = Config.INSTANCE
      .withConversion(LogicalExchange.class, Convention.NONE, QuiverRel.CONVENTION,
          "QuiverExchangeRule")
      .withRuleFactory(QuiverExchangeRule::new)
      .toRule(QuiverExchangeRule.class);

  private QuiverExchangeRule(Config config) {
    super(config);
  }

  @Override
  public RelNode convert(RelNode rel) {
    LogicalExchange exchange = (LogicalExchange) rel;
    RelNode input = convert(exchange.getInput(),
        exchange.getInput().getTraitSet().replace(QuiverRel.CONVENTION));
    return QuiverExchange.create(input, exchange.getDistribution());
  }
}
