package io.quiver.planner.logical;

import io.quiver.planner.physical.rules.QuiverRuleConfig;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexSubQuery;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;

/**
 * {@code WHERE x NOT IN (SELECT y ...)} (a top-level conjunct, one column, uncorrelated) where x or
 * y can be NULL becomes a {@link NullAwareAntiJoin}: a filter keeps a row only when NOT IN is TRUE,
 * which is what the null-aware anti join computes, in one pass over each side. Without NULLs the
 * plain rewrite (an anti join) is as good and is left to the other rules.
 */
public final class NotInToNullAwareAntiJoinRule extends RelRule<QuiverRuleConfig> {

  public static final NotInToNullAwareAntiJoinRule INSTANCE =
      (NotInToNullAwareAntiJoinRule) QuiverRuleConfig.of(
          "NotInToNullAwareAntiJoinRule",
          b0 -> b0.operand(LogicalFilter.class)
              .predicate(filter -> RexUtil.SubQueryFinder.find(List.of(filter.getCondition())) != null)
              .anyInputs(),
          NotInToNullAwareAntiJoinRule::new).toRule();

  private NotInToNullAwareAntiJoinRule(QuiverRuleConfig config) {
    super(config);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalFilter filter = call.rel(0);
    List<RexNode> conjuncts = RelOptUtil.conjunctions(filter.getCondition());
    for (int i = 0; i < conjuncts.size(); i++) {
      RexSubQuery in = notIn(conjuncts.get(i));
      if (in == null) {
        continue;
      }
      RexNode operand = in.getOperands().get(0);
      RelDataType valueType = operand.getType();
      RelDataType keyType = in.rel.getRowType().getFieldList().get(0).getType();
      if (!valueType.isNullable() && !keyType.isNullable()) {
        continue;
      }
      RexBuilder rexBuilder = filter.getCluster().getRexBuilder();
      RelDataType common = rexBuilder.getTypeFactory().leastRestrictive(List.of(valueType, keyType));
      if (common == null) {
        continue;
      }
      RelNode input = filter.getInput();
      int width = input.getRowType().getFieldCount();
      // Left: the input's columns and the NOT IN value (in the common type).
      List<RexNode> leftProjects = new ArrayList<>();
      for (int field = 0; field < width; field++) {
        leftProjects.add(rexBuilder.makeInputRef(input, field));
      }
      leftProjects.add(cast(rexBuilder, operand, common));
      RelNode left = LogicalProject.create(input, List.of(), leftProjects, (List<String>) null,
          java.util.Set.of());
      RelNode right = LogicalProject.create(in.rel, List.of(),
          List.of(cast(rexBuilder, rexBuilder.makeInputRef(in.rel, 0), common)), (List<String>) null,
          java.util.Set.of());
      RelNode anti = new NullAwareAntiJoin(filter.getCluster(), filter.getTraitSet(), left, right,
          width, 0);
      List<RexNode> restore = new ArrayList<>();
      for (int field = 0; field < width; field++) {
        restore.add(new RexInputRef(field, input.getRowType().getFieldList().get(field).getType()));
      }
      RelNode result = LogicalProject.create(anti, List.of(), restore, input.getRowType().getFieldNames(),
          java.util.Set.of());
      List<RexNode> rest = new ArrayList<>(conjuncts);
      rest.remove(i);
      if (!rest.isEmpty()) {
        result = LogicalFilter.create(result, RexUtil.composeConjunction(rexBuilder, rest),
            com.google.common.collect.ImmutableSet.copyOf(filter.getVariablesSet()));
      }
      call.transformTo(result);
      return;
    }
  }

  private static RexNode cast(RexBuilder rexBuilder, RexNode node, RelDataType common) {
    RelDataType target = rexBuilder.getTypeFactory()
        .createTypeWithNullability(common, node.getType().isNullable());
    return node.getType().equals(target) ? node : rexBuilder.makeCast(target, node, true, false);
  }

  /** The IN subquery of {@code NOT (x IN (subquery))} with one column and no correlation; else null. */
  private static RexSubQuery notIn(RexNode conjunct) {
    if (conjunct.getKind() != SqlKind.NOT) {
      return null;
    }
    RexNode inner = ((RexCall) conjunct).getOperands().get(0);
    if (!(inner instanceof RexSubQuery subQuery) || subQuery.getKind() != SqlKind.IN
        || subQuery.getOperands().size() != 1
        || subQuery.rel.getRowType().getFieldCount() != 1
        || !RelOptUtil.getVariablesUsed(subQuery.rel).isEmpty()
        || RexUtil.containsCorrelation(subQuery.getOperands().get(0))
        || RexUtil.SubQueryFinder.find(subQuery.getOperands()) != null) {
      return null;
    }
    return subQuery;
  }
}
