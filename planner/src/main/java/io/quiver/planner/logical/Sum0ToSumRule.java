package io.quiver.planner.logical;

import io.quiver.planner.physical.rules.QuiverRuleConfig;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

/**
 * Calcite's rewrites (of DISTINCT aggregates, for example) produce {@code $SUM0}, a sum that is 0
 * rather than NULL over no values. Quiver's executor has SUM only, so {@code $SUM0(x)} becomes
 * {@code CASE WHEN SUM(x) IS NOT NULL THEN SUM(x) ELSE 0 END} in a projection above the aggregate.
 */
public final class Sum0ToSumRule extends RelRule<QuiverRuleConfig> {

  public static final Sum0ToSumRule INSTANCE = (Sum0ToSumRule) QuiverRuleConfig.of(
      "Sum0ToSumRule",
      b0 -> b0.operand(LogicalAggregate.class)
          .predicate(aggregate -> aggregate.getAggCallList().stream()
              .anyMatch(call -> call.getAggregation().getKind() == SqlKind.SUM0))
          .anyInputs(),
      Sum0ToSumRule::new).toRule();

  private Sum0ToSumRule(QuiverRuleConfig config) {
    super(config);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalAggregate aggregate = call.rel(0);
    List<AggregateCall> calls = new ArrayList<>();
    for (AggregateCall aggregateCall : aggregate.getAggCallList()) {
      if (aggregateCall.getAggregation().getKind() != SqlKind.SUM0) {
        calls.add(aggregateCall);
        continue;
      }
      calls.add(AggregateCall.create(SqlStdOperatorTable.SUM, aggregateCall.isDistinct(),
          aggregateCall.isApproximate(), aggregateCall.ignoreNulls(), aggregateCall.rexList,
          aggregateCall.getArgList(), aggregateCall.filterArg, aggregateCall.distinctKeys,
          aggregateCall.collation, aggregate.getGroupCount(), aggregate.getInput(), null,
          aggregateCall.getName()));
    }
    LogicalAggregate sums = aggregate.copy(aggregate.getTraitSet(), aggregate.getInput(),
        aggregate.getGroupSet(), aggregate.getGroupSets(), calls);
    RexBuilder rexBuilder = aggregate.getCluster().getRexBuilder();
    List<RexNode> projects = new ArrayList<>();
    int keyCount = aggregate.getGroupCount();
    for (int i = 0; i < aggregate.getRowType().getFieldCount(); i++) {
      RexNode field = rexBuilder.makeInputRef(sums, i);
      int callIndex = i - keyCount;
      if (callIndex >= 0
          && aggregate.getAggCallList().get(callIndex).getAggregation().getKind() == SqlKind.SUM0) {
        RelDataType type = aggregate.getRowType().getFieldList().get(i).getType();
        field = rexBuilder.makeCall(type, SqlStdOperatorTable.CASE, List.of(
            rexBuilder.makeCall(SqlStdOperatorTable.IS_NOT_NULL, field),
            field,
            rexBuilder.makeZeroLiteral(type)));
      }
      projects.add(field);
    }
    call.transformTo(LogicalProject.create(sums, List.of(), projects, aggregate.getRowType(),
        java.util.Set.of()));
  }
}
