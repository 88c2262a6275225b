package io.quiver.planner.logical;

import io.quiver.planner.physical.rules.QuiverRuleConfig;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;

/**
 * Calcite's subquery rewrites mark matched groups with {@code LITERAL_AGG(true)}, an aggregate that
 * returns its literal for every group. With GROUP BY keys every output row is a group, so the
 * literal moves into a projection above an aggregate without the call (Quiver's executor has no
 * LITERAL_AGG). Without keys (one row even over no input) the aggregate is left alone.
 */
public final class LiteralAggToProjectRule extends RelRule<QuiverRuleConfig> {

  public static final LiteralAggToProjectRule INSTANCE = (LiteralAggToProjectRule) QuiverRuleConfig.of(
      "LiteralAggToProjectRule",
      b0 -> b0.operand(LogicalAggregate.class)
          .predicate(aggregate -> aggregate.getGroupCount() > 0
              && aggregate.getGroupType() == org.apache.calcite.rel.core.Aggregate.Group.SIMPLE
              && aggregate.getAggCallList().stream().anyMatch(LiteralAggToProjectRule::isLiteralAgg))
          .anyInputs(),
      LiteralAggToProjectRule::new).toRule();

  private LiteralAggToProjectRule(QuiverRuleConfig config) {
    super(config);
  }

  private static boolean isLiteralAgg(AggregateCall call) {
    return call.getAggregation().getKind() == SqlKind.LITERAL_AGG && call.rexList.size() == 1;
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalAggregate aggregate = call.rel(0);
    List<AggregateCall> kept = new ArrayList<>();
    for (AggregateCall aggregateCall : aggregate.getAggCallList()) {
      if (!isLiteralAgg(aggregateCall)) {
        kept.add(aggregateCall);
      }
    }
    LogicalAggregate reduced = aggregate.copy(aggregate.getTraitSet(), aggregate.getInput(),
        aggregate.getGroupSet(), aggregate.getGroupSets(), kept);
    RexBuilder rexBuilder = aggregate.getCluster().getRexBuilder();
    int keyCount = aggregate.getGroupCount();
    List<RexNode> projects = new ArrayList<>();
    for (int i = 0; i < keyCount; i++) {
      projects.add(rexBuilder.makeInputRef(reduced, i));
    }
    int next = keyCount;
    for (AggregateCall aggregateCall : aggregate.getAggCallList()) {
      if (isLiteralAgg(aggregateCall)) {
        projects.add(rexBuilder.makeCast(aggregateCall.getType(), aggregateCall.rexList.get(0), true,
            false));
      } else {
        projects.add(rexBuilder.makeInputRef(reduced, next++));
      }
    }
    call.transformTo(LogicalProject.create(reduced, List.of(), projects, aggregate.getRowType(),
        java.util.Set.of()));
  }
}
