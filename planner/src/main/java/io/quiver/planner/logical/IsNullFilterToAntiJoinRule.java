package io.quiver.planner.logical;

import io.quiver.planner.physical.rules.QuiverRuleConfig;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;

/**
 * {@code Filter(right_column IS NULL)} over a LEFT join, where that column cannot be NULL in the
 * right input, keeps exactly the left rows without a match (what NOT EXISTS and NOT IN over
 * non-nullable columns decorrelate into): an anti join, with NULLs for the right columns.
 */
public final class IsNullFilterToAntiJoinRule extends RelRule<QuiverRuleConfig> {

  public static final IsNullFilterToAntiJoinRule INSTANCE =
      (IsNullFilterToAntiJoinRule) QuiverRuleConfig.of(
          "IsNullFilterToAntiJoinRule",
          b0 -> b0.operand(LogicalFilter.class).oneInput(b1 -> b1.operand(LogicalJoin.class)
              .predicate(join -> join.getJoinType() == JoinRelType.LEFT).anyInputs()),
          IsNullFilterToAntiJoinRule::new).toRule();

  private IsNullFilterToAntiJoinRule(QuiverRuleConfig config) {
    super(config);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalFilter filter = call.rel(0);
    LogicalJoin join = call.rel(1);
    int leftCount = join.getLeft().getRowType().getFieldCount();
    List<RelDataTypeField> rightFields = join.getRight().getRowType().getFieldList();
    List<RexNode> conjuncts = RelOptUtil.conjunctions(filter.getCondition());
    int found = -1;
    for (int i = 0; i < conjuncts.size(); i++) {
      RexNode conjunct = conjuncts.get(i);
      if (conjunct.getKind() == SqlKind.IS_NULL
          && ((RexCall) conjunct).getOperands().get(0) instanceof RexInputRef ref
          && ref.getIndex() >= leftCount
          && !rightFields.get(ref.getIndex() - leftCount).getType().isNullable()) {
        found = i;
        break;
      }
    }
    if (found < 0) {
      return;
    }
    List<RexNode> rest = new ArrayList<>(conjuncts);
    rest.remove(found);
    for (RexNode conjunct : rest) {
      // Other conditions on right columns would see NULLs; the anti join has no right columns.
      if (RelOptUtil.InputFinder.bits(conjunct).asList().stream().anyMatch(bit -> bit >= leftCount)) {
        return;
      }
    }
    LogicalJoin anti = LogicalJoin.create(join.getLeft(), join.getRight(), List.of(),
        join.getCondition(), join.getVariablesSet(), JoinRelType.ANTI);
    RexBuilder rexBuilder = join.getCluster().getRexBuilder();
    List<RexNode> projects = new ArrayList<>();
    for (int i = 0; i < leftCount; i++) {
      projects.add(rexBuilder.makeInputRef(anti, i));
    }
    for (RelDataTypeField field : join.getRowType().getFieldList().subList(leftCount,
        join.getRowType().getFieldCount())) {
      projects.add(rexBuilder.makeNullLiteral(field.getType()));
    }
    LogicalProject project = LogicalProject.create(anti, List.of(), projects, join.getRowType(),
        java.util.Set.of());
    if (rest.isEmpty()) {
      call.transformTo(project);
    } else {
      call.transformTo(LogicalFilter.create(project,
          RexUtil.composeConjunction(rexBuilder, rest)));
    }
  }
}
