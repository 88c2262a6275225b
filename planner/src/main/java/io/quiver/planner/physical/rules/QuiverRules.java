package io.quiver.planner.physical.rules;

import java.util.List;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.volcano.AbstractConverter;

/** The rules that turn a logical plan into Quiver's physical convention (like Calcite's EnumerableRules). */
public final class QuiverRules {

  /** Every rule of the cost-based physical phase. */
  public static final List<RelOptRule> PHYSICAL_RULES = List.of(
      QuiverTableScanRule.INSTANCE,
      QuiverValuesRule.INSTANCE,
      QuiverFilterRule.INSTANCE,
      QuiverProjectRule.INSTANCE,
      QuiverAggregateRule.INSTANCE,
      QuiverEnforceSingleRowRule.INSTANCE,
      QuiverSortRule.INSTANCE,
      QuiverUnionRule.INSTANCE,
      QuiverJoinRule.INSTANCE,
      QuiverNullAwareAntiJoinRule.INSTANCE,
      QuiverReplicateRule.INSTANCE,
      QuiverWindowRule.INSTANCE,
      QuiverGroupTopNRule.INSTANCE,
      QuiverExchangeRule.INSTANCE,
      // Expands a required-distribution subset into a trait conversion (a LogicalExchange).
      AbstractConverter.ExpandConversionRule.INSTANCE);

  private QuiverRules() {
  }
}
