package io.quiver.planner.logical;

import io.quiver.planner.physical.rules.QuiverRuleConfig;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.fun.SqlBasicAggFunction;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;

/**
 * Calcite turns {@code APPROX_COUNT_DISTINCT(x)} into an approximate {@code COUNT(DISTINCT x)}; it
 * becomes a plain (non-DISTINCT) APPROX_COUNT_DISTINCT call again, which the executor computes
 * with a HyperLogLog sketch per group that splits into PARTIAL and FINAL steps, before the
 * DISTINCT aggregates are expanded into exact GROUP BYs.
 */
public final class ApproxCountDistinctRule extends RelRule<QuiverRuleConfig> {

  public static final ApproxCountDistinctRule INSTANCE = (ApproxCountDistinctRule) QuiverRuleConfig.of(
      "ApproxCountDistinctRule",
      b0 -> b0.operand(LogicalAggregate.class)
          .predicate(aggregate -> aggregate.getAggCallList().stream().anyMatch(ApproxCountDistinctRule::matches))
          .anyInputs(),
      ApproxCountDistinctRule::new).toRule();

  /**
   * The sketch aggregate. Not of kind COUNT, so that Calcite's rewrites do not take it for a count
   * (they turn COUNT of a NOT NULL column into COUNT(*), which would lose the argument).
   */
  static final SqlAggFunction SKETCH = SqlBasicAggFunction.create("APPROX_COUNT_DISTINCT", SqlKind.OTHER_FUNCTION,
      ReturnTypes.BIGINT, OperandTypes.ANY);

  private ApproxCountDistinctRule(QuiverRuleConfig config) {
    super(config);
  }

  private static boolean matches(AggregateCall call) {
    return call.getAggregation().getKind() == SqlKind.COUNT && call.isDistinct() && call.isApproximate();
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalAggregate aggregate = call.rel(0);
    List<AggregateCall> calls = new ArrayList<>();
    for (AggregateCall aggregateCall : aggregate.getAggCallList()) {
      if (!matches(aggregateCall)) {
        calls.add(aggregateCall);
        continue;
      }
      calls.add(AggregateCall.create(SKETCH, false, true,
          aggregateCall.ignoreNulls(), aggregateCall.rexList, aggregateCall.getArgList(), aggregateCall.filterArg,
          aggregateCall.distinctKeys, aggregateCall.collation, aggregateCall.getType(), aggregateCall.getName()));
    }
    call.transformTo(aggregate.copy(aggregate.getTraitSet(), aggregate.getInput(), aggregate.getGroupSet(),
        aggregate.getGroupSets(), calls));
  }
}
