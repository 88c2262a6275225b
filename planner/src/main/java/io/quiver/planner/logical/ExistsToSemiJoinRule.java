package io.quiver.planner.logical;

import io.quiver.planner.physical.rules.QuiverRuleConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.CorrelationId;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;

/**
 * {@code WHERE [NOT] EXISTS (SELECT ... FROM t WHERE condition)}, where the correlation appears only
 * in the subquery's top filter, becomes a semi (anti) join of the outer rows with {@code t} on
 * that condition, the outer columns it references turned into join columns. This is what the
 * subquery means, row for row (an anti join keeps a row when no inner row makes the condition
 * TRUE), and gives a plan far smaller than general decorrelation's (TPC-H Q4, Q21, Q22). Other
 * subqueries are left to Calcite's subquery removal and decorrelation.
 */
public final class ExistsToSemiJoinRule extends RelRule<QuiverRuleConfig> {

  public static final ExistsToSemiJoinRule INSTANCE = (ExistsToSemiJoinRule) QuiverRuleConfig.of(
      "ExistsToSemiJoinRule",
      b0 -> b0.operand(LogicalFilter.class)
          .predicate(filter -> RexUtil.SubQueryFinder.find(List.of(filter.getCondition())) != null)
          .anyInputs(),
      ExistsToSemiJoinRule::new).toRule();

  private ExistsToSemiJoinRule(QuiverRuleConfig config) {
    super(config);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalFilter filter = call.rel(0);
    List<RexNode> conjuncts = RelOptUtil.conjunctions(filter.getCondition());
    for (int i = 0; i < conjuncts.size(); i++) {
      RexNode conjunct = conjuncts.get(i);
      boolean negated = conjunct.getKind() == SqlKind.NOT;
      RexNode inner = negated ? ((RexCall) conjunct).getOperands().get(0) : conjunct;
      if (!(inner instanceof RexSubQuery subQuery) || subQuery.getKind() != SqlKind.EXISTS) {
        continue;
      }
      RelNode join = semiJoin(filter, subQuery.rel, negated ? JoinRelType.ANTI : JoinRelType.SEMI);
      if (join == null) {
        continue;
      }
      List<RexNode> rest = new ArrayList<>(conjuncts);
      rest.remove(i);
      RelNode result = join;
      if (!rest.isEmpty()) {
        RexNode condition = RexUtil.composeConjunction(filter.getCluster().getRexBuilder(), rest);
        result = LogicalFilter.create(join, condition,
            com.google.common.collect.ImmutableSet.copyOf(filter.getVariablesSet()));
      }
      call.transformTo(result);
      return;
    }
  }

  /** The semi or anti join, or null when the subquery's shape is not the simple one. */
  private static RelNode semiJoin(LogicalFilter filter, RelNode subQuery, JoinRelType joinType) {
    RelNode body = subQuery;
    while (body instanceof Project project && project.getProjects().stream().noneMatch(RexUtil::containsCorrelation)) {
      body = project.getInput();
    }
    RexNode condition;
    RelNode inner;
    if (body instanceof Filter innerFilter) {
      condition = innerFilter.getCondition();
      inner = innerFilter.getInput();
    } else {
      condition = filter.getCluster().getRexBuilder().makeLiteral(true);
      inner = body;
    }
    if (!RelOptUtil.getVariablesUsed(inner).isEmpty() || RexUtil.SubQueryFinder.find(
        List.of(condition)) != null) {
      return null;
    }
    // Conjuncts without the correlation filter the inner rows before the join. Left in the join
    // condition, an anti join could not push them into its inner side, and the inner side's own
    // joins lost their keys (TPC-DS q69's NOT EXISTS over web_sales and date_dim became a cross
    // join of 870 million rows at tiny).
    List<RexNode> correlated = new ArrayList<>();
    List<RexNode> innerOnly = new ArrayList<>();
    for (RexNode conjunct : RelOptUtil.conjunctions(condition)) {
      (RexUtil.containsCorrelation(conjunct) ? correlated : innerOnly).add(conjunct);
    }
    if (!innerOnly.isEmpty()) {
      inner = LogicalFilter.create(inner, RexUtil.composeConjunction(filter.getCluster().getRexBuilder(), innerOnly));
      condition = RexUtil.composeConjunction(filter.getCluster().getRexBuilder(), correlated);
    }
    Set<CorrelationId> outer = filter.getVariablesSet();
    RelNode left = filter.getInput();
    int leftCount = left.getRowType().getFieldCount();
    RexBuilder rexBuilder = filter.getCluster().getRexBuilder();
    boolean[] failed = {false};
    RexNode joinCondition = condition.accept(new RexShuttle() {
      @Override
      public RexNode visitInputRef(RexInputRef ref) {
        return new RexInputRef(ref.getIndex() + leftCount, ref.getType());
      }

      @Override
      public RexNode visitFieldAccess(RexFieldAccess access) {
        if (access.getReferenceExpr() instanceof RexCorrelVariable variable
            && outer.contains(variable.id)
            && variable.getType().getFieldCount() == leftCount) {
          int index = access.getField().getIndex();
          return rexBuilder.makeInputRef(left.getRowType().getFieldList().get(index).getType(), index);
        }
        failed[0] = true;
        return access;
      }

      @Override
      public RexNode visitCorrelVariable(RexCorrelVariable variable) {
        failed[0] = true;
        return variable;
      }
    });
    if (failed[0]) {
      return null;
    }
    return LogicalJoin.create(left, inner, List.of(), joinCondition, Set.of(), joinType);
  }
}
