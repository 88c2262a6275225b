package io.quiver.planner.logical;

import io.quiver.planner.physical.rules.QuiverRuleConfig;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * GROUPING SETS with a DISTINCT aggregate: Calcite's DISTINCT expansions take simple aggregates
 * only, so such an aggregate becomes the UNION ALL of one simple aggregate per grouping set (absent
 * group columns NULL, GROUPING(...) a constant per branch), whose DISTINCT calls are then expanded
 * as usual. This reads the input once per grouping set; grouping sets without DISTINCT aggregates
 * read it once (GroupingSetsPlan).
 */
public final class DistinctGroupingSetsToUnionRule extends RelRule<QuiverRuleConfig> {

  public static final DistinctGroupingSetsToUnionRule INSTANCE =
      (DistinctGroupingSetsToUnionRule) QuiverRuleConfig.of(
          "DistinctGroupingSetsToUnionRule",
          b0 -> b0.operand(LogicalAggregate.class)
              .predicate(aggregate -> aggregate.getGroupType() != Aggregate.Group.SIMPLE
                  && aggregate.containsDistinctCall())
              .anyInputs(),
          DistinctGroupingSetsToUnionRule::new).toRule();

  private DistinctGroupingSetsToUnionRule(QuiverRuleConfig config) {
    super(config);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalAggregate aggregate = call.rel(0);
    RelBuilder builder = call.builder();
    RexBuilder rexBuilder = builder.getRexBuilder();
    List<Integer> groupColumns = aggregate.getGroupSet().asList();
    List<AggregateCall> computed = new ArrayList<>();
    for (AggregateCall aggregateCall : aggregate.getAggCallList()) {
      if (!isGrouping(aggregateCall)) {
        computed.add(aggregateCall);
      }
    }
    for (ImmutableBitSet set : aggregate.getGroupSets()) {
      builder.push(aggregate.getInput());
      List<RelBuilder.AggCall> calls = new ArrayList<>();
      for (AggregateCall aggregateCall : computed) {
        calls.add(builder.aggregateCall(aggregateCall));
      }
      builder.aggregate(builder.groupKey(set), calls);
      List<RexNode> projects = new ArrayList<>();
      List<Integer> setColumns = set.asList();
      for (int k = 0; k < groupColumns.size(); k++) {
        int column = groupColumns.get(k);
        projects.add(set.get(column) ? builder.field(setColumns.indexOf(column))
            : rexBuilder.makeNullLiteral(aggregate.getRowType().getFieldList().get(k).getType()));
      }
      int next = setColumns.size();
      for (AggregateCall aggregateCall : aggregate.getAggCallList()) {
        if (isGrouping(aggregateCall)) {
          long value = 0;
          List<Integer> arguments = aggregateCall.getArgList();
          for (int i = 0; i < arguments.size(); i++) {
            if (!set.get(arguments.get(i))) {
              value |= 1L << (arguments.size() - 1 - i);
            }
          }
          if (aggregateCall.getAggregation().getKind() == SqlKind.GROUP_ID) {
            value = 0;
          }
          projects.add(rexBuilder.makeExactLiteral(BigDecimal.valueOf(value), aggregateCall.getType()));
        } else {
          projects.add(builder.field(next++));
        }
      }
      builder.project(projects);
      builder.convert(aggregate.getRowType(), false);
    }
    builder.union(true, aggregate.getGroupSets().size());
    call.transformTo(builder.build());
  }

  private static boolean isGrouping(AggregateCall call) {
    SqlKind kind = call.getAggregation().getKind();
    return kind == SqlKind.GROUPING || kind == SqlKind.GROUPING_ID || kind == SqlKind.GROUP_ID;
  }
}
