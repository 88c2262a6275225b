package io.quiver.planner.logical;

import io.quiver.planner.physical.rules.QuiverRuleConfig;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * Join keys of different types ({@code int_column = bigint_column}, DECIMALs of different scales)
 * are cast to their common type on both sides, and the casts computed in projections below the
 * join, so that both sides hash and compare the same values the same way. Equalities of
 * incomparable types stay as they are (the physical join evaluates them as residual conditions).
 */
public final class JoinKeyCastRule extends RelRule<QuiverRuleConfig> {

  public static final JoinKeyCastRule INSTANCE = (JoinKeyCastRule) QuiverRuleConfig.of(
      "JoinKeyCastRule",
      b0 -> b0.operand(LogicalJoin.class).predicate(JoinKeyCastRule::hasMismatchedKeys).anyInputs(),
      JoinKeyCastRule::new).toRule();

  private JoinKeyCastRule(QuiverRuleConfig config) {
    super(config);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalJoin join = call.rel(0);
    RexBuilder rexBuilder = join.getCluster().getRexBuilder();
    List<RexNode> conjuncts = new ArrayList<>();
    for (RexNode conjunct : RelOptUtil.conjunctions(join.getCondition())) {
      RelDataType common = mismatchedKeyType(join, conjunct);
      if (common == null) {
        conjuncts.add(conjunct);
        continue;
      }
      RexCall equality = (RexCall) conjunct;
      conjuncts.add(rexBuilder.makeCall(equality.getOperator(),
          cast(rexBuilder, equality.getOperands().get(0), common),
          cast(rexBuilder, equality.getOperands().get(1), common)));
    }
    Join rewritten = join.copy(join.getTraitSet(),
        RexUtil.composeConjunction(rexBuilder, conjuncts), join.getLeft(), join.getRight(),
        join.getJoinType(), join.isSemiJoinDone());
    RelNode pushed = RelOptUtil.pushDownJoinConditions(rewritten, call.builder());
    call.transformTo(pushed);
  }

  private static RexNode cast(RexBuilder rexBuilder, RexNode operand, RelDataType common) {
    RelDataType target = rexBuilder.getTypeFactory()
        .createTypeWithNullability(common, operand.getType().isNullable());
    return rexBuilder.makeCast(target, operand, true, false);
  }

  private static boolean hasMismatchedKeys(LogicalJoin join) {
    for (RexNode conjunct : RelOptUtil.conjunctions(join.getCondition())) {
      if (mismatchedKeyType(join, conjunct) != null) {
        return true;
      }
    }
    return false;
  }

  /**
   * The common type of an equality between a column of each side whose types differ; null when
   * {@code conjunct} is not such an equality or the types have no common type.
   */
  private static RelDataType mismatchedKeyType(Join join, RexNode conjunct) {
    if (conjunct.getKind() != SqlKind.EQUALS && conjunct.getKind() != SqlKind.IS_NOT_DISTINCT_FROM) {
      return null;
    }
    List<RexNode> operands = ((RexCall) conjunct).getOperands();
    if (!(operands.get(0) instanceof RexInputRef a) || !(operands.get(1) instanceof RexInputRef b)) {
      return null;
    }
    int leftCount = join.getLeft().getRowType().getFieldCount();
    if (a.getIndex() < leftCount == b.getIndex() < leftCount) {
      return null;
    }
    RelDataTypeFactory typeFactory = join.getCluster().getTypeFactory();
    if (SqlTypeUtil.equalSansNullability(typeFactory, a.getType(), b.getType())) {
      return null;
    }
    return typeFactory.leastRestrictive(List.of(a.getType(), b.getType()));
  }
}
