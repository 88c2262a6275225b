package io.quiver.planner.physical.rules;

import io.quiver.planner.physical.Distributions;
import io.quiver.planner.physical.QuiverEnforceSingleRow;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelDistributions;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;

/**
 * Plans Calcite's {@code SINGLE_VALUE} aggregate without grouping keys (a scalar subquery that is
 * not an aggregate, whose row count Calcite cannot bound) as a {@link QuiverEnforceSingleRow} over
 * the gathered values.
 */
public final class QuiverEnforceSingleRowRule extends RelRule<QuiverRuleConfig> {

  public static final QuiverEnforceSingleRowRule INSTANCE = (QuiverEnforceSingleRowRule) QuiverRuleConfig.of(
      "QuiverEnforceSingleRowRule",
      b0 -> b0.operand(LogicalAggregate.class).predicate(QuiverEnforceSingleRowRule::isSingleValue).anyInputs(),
      QuiverEnforceSingleRowRule::new).toRule();

  private QuiverEnforceSingleRowRule(QuiverRuleConfig config) {
    super(config);
  }

  /** True for an aggregate without keys whose every call is SINGLE_VALUE of one column. */
  public static boolean isSingleValue(Aggregate aggregate) {
    if (aggregate.getGroupType() != Aggregate.Group.SIMPLE || aggregate.getGroupCount() != 0
        || aggregate.getAggCallList().isEmpty()) {
      return false;
    }
    for (AggregateCall call : aggregate.getAggCallList()) {
      if (call.getAggregation().getKind() != SqlKind.SINGLE_VALUE || call.getArgList().size() != 1
          || call.isDistinct() || call.filterArg >= 0) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalAggregate aggregate = call.rel(0);
    RelNode input = aggregate.getInput();
    List<RexNode> columns = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (AggregateCall aggregateCall : aggregate.getAggCallList()) {
      columns.add(RexInputRef.of(aggregateCall.getArgList().get(0), input.getRowType()));
      names.add(aggregate.getRowType().getFieldList().get(columns.size() - 1).getName());
    }
    RelNode values = LogicalProject.create(input, List.of(), columns, names, java.util.Set.of());
    RelNode gathered = convert(values, Distributions.traits(aggregate, RelDistributions.SINGLETON));
    call.transformTo(new QuiverEnforceSingleRow(aggregate.getCluster(),
        Distributions.traits(aggregate, RelDistributions.SINGLETON), gathered, aggregate.getRowType()));
  }
}
