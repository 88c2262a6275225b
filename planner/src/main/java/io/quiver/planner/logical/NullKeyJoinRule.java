package io.quiver.planner.logical;

import io.quiver.planner.physical.rules.QuiverRuleConfig;
import java.util.List;
import org.apache.calcite.plan.RelOptPredicateList;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;

/**
 * A join whose ON condition compares a column that its input knows to be NULL (a NULL in VALUES, a
 * {@code WHERE k IS NULL} below the join) can never be true: its condition becomes FALSE. Without
 * this, Calcite infers from {@code a.k = b.k} and {@code a.k IS NULL} that {@code b.k} is NULL too
 * and replaces a NOT NULL column of the other side by a NULL literal, which breaks the row type
 * (an AssertionError while planning). An outer join keeps its unmatched rows, as SQL says.
 */
public final class NullKeyJoinRule extends RelRule<QuiverRuleConfig> {

  public static final NullKeyJoinRule INSTANCE = (NullKeyJoinRule) QuiverRuleConfig.of(
      "NullKeyJoinRule",
      b0 -> b0.operand(LogicalJoin.class)
          .predicate(join -> !join.getCondition().isAlwaysFalse()).anyInputs(),
      NullKeyJoinRule::new).toRule();

  private NullKeyJoinRule(QuiverRuleConfig config) {
    super(config);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalJoin join = call.rel(0);
    RelMetadataQuery mq = call.getMetadataQuery();
    int leftCount = join.getLeft().getRowType().getFieldCount();
    RelOptPredicateList leftPredicates = mq.getPulledUpPredicates(join.getLeft());
    RelOptPredicateList rightPredicates = mq.getPulledUpPredicates(join.getRight());
    for (RexNode conjunct : RelOptUtil.conjunctions(join.getCondition())) {
      if (!isNullRejectingComparison(conjunct)) {
        continue;
      }
      for (RexNode operand : ((RexCall) conjunct).getOperands()) {
        if (RexUtil.removeCast(operand) instanceof RexInputRef ref
            && isKnownNull(ref.getIndex(), leftCount, join.getLeft(), join.getRight(),
                leftPredicates, rightPredicates)) {
          call.transformTo(join.copy(join.getTraitSet(),
              join.getCluster().getRexBuilder().makeLiteral(false), join.getLeft(),
              join.getRight(), join.getJoinType(), join.isSemiJoinDone()));
          return;
        }
      }
    }
  }

  private static boolean isNullRejectingComparison(RexNode node) {
    return node instanceof RexCall call && call.getOperands().size() == 2
        && (node.isA(SqlKind.COMPARISON) && node.getKind() != SqlKind.IS_DISTINCT_FROM
            && node.getKind() != SqlKind.IS_NOT_DISTINCT_FROM);
  }

  private static boolean isKnownNull(int index, int leftCount, RelNode left, RelNode right,
      RelOptPredicateList leftPredicates, RelOptPredicateList rightPredicates) {
    boolean onLeft = index < leftCount;
    RelNode side = onLeft ? left : right;
    int field = onLeft ? index : index - leftCount;
    RelOptPredicateList predicates = onLeft ? leftPredicates : rightPredicates;
    List<RexNode> pulledUp = predicates.pulledUpPredicates;
    for (RexNode predicate : pulledUp) {
      if (predicate.getKind() == SqlKind.IS_NULL
          && ((RexCall) predicate).getOperands().get(0) instanceof RexInputRef ref
          && ref.getIndex() == field) {
        return true;
      }
    }
    return side.getRowType().getFieldList().get(field).getType().getSqlTypeName()
        == org.apache.calcite.sql.type.SqlTypeName.NULL;
  }
}
