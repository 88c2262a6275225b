package io.quiver.planner.logical;

import io.quiver.planner.physical.rules.QuiverRuleConfig;
import java.util.List;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexOver;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexWindow;
import org.apache.calcite.sql.SqlKind;

/**
 * Calcite converts {@code SUM(x) OVER w} of a nullable result into
 * {@code CASE WHEN COUNT(x) OVER w > 0 THEN SUM(x) OVER w ELSE NULL END}, because its SUM of no
 * values would be 0. Quiver's window SUM is already NULL over a frame without values, so the CASE
 * and its second window function are folded back into one nullable {@code SUM(x) OVER w}.
 */
public final class SumOverCaseRule extends RelRule<QuiverRuleConfig> {

  public static final SumOverCaseRule INSTANCE = (SumOverCaseRule) QuiverRuleConfig.of(
      "SumOverCaseRule",
      b0 -> b0.operand(LogicalProject.class)
          .predicate(project -> RexOver.containsOver(project.getProjects(), null))
          .anyInputs(),
      SumOverCaseRule::new).toRule();

  private SumOverCaseRule(QuiverRuleConfig config) {
    super(config);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalProject project = call.rel(0);
    RexBuilder rexBuilder = project.getCluster().getRexBuilder();
    boolean[] changed = new boolean[1];
    List<RexNode> projects = new RexShuttle() {
      @Override
      public RexNode visitCall(RexCall node) {
        RexNode folded = fold(node, rexBuilder);
        if (folded != null) {
          changed[0] = true;
          return folded;
        }
        return super.visitCall(node);
      }
    }.apply(project.getProjects());
    if (changed[0]) {
      call.transformTo(project.copy(project.getTraitSet(), project.getInput(), projects, project.getRowType()));
    }
  }

  /** The single SUM that {@code node} stands for, or null when it is not Calcite's CASE around one. */
  private static RexNode fold(RexCall node, RexBuilder rexBuilder) {
    if (node.getKind() != SqlKind.CASE || node.getOperands().size() != 3) {
      return null;
    }
    RexNode condition = node.getOperands().get(0);
    RexNode then = node.getOperands().get(1);
    RexNode otherwise = node.getOperands().get(2);
    if (!(otherwise instanceof RexLiteral literal) || !literal.isNull()
        || condition.getKind() != SqlKind.GREATER_THAN
        || !(((RexCall) condition).getOperands().get(0) instanceof RexOver count)
        || count.getAggOperator().getKind() != SqlKind.COUNT
        || !(((RexCall) condition).getOperands().get(1) instanceof RexLiteral zero)
        || zero.getValueAs(java.math.BigDecimal.class) == null
        || zero.getValueAs(java.math.BigDecimal.class).signum() != 0) {
      return null;
    }
    RexNode inner = then.getKind() == SqlKind.CAST ? ((RexCall) then).getOperands().get(0) : then;
    if (!(inner instanceof RexOver sum) || sum.getAggOperator().getKind() != SqlKind.SUM
        || !sum.getOperands().equals(count.getOperands()) || !sum.getWindow().equals(count.getWindow())
        || sum.isDistinct() != count.isDistinct()) {
      return null;
    }
    RexWindow window = sum.getWindow();
    RelDataType type = rexBuilder.getTypeFactory().createTypeWithNullability(sum.getType(), true);
    RexNode nullableSum = rexBuilder.makeOver(sum.getParserPosition(), type, sum.getAggOperator(),
        sum.getOperands(), window.partitionKeys, window.orderKeys, window.getLowerBound(), window.getUpperBound(),
        window.getExclude(), window.isRows(), true, false, sum.isDistinct(), sum.ignoreNulls());
    return rexBuilder.ensureType(node.getType(), nullableSum, true);
  }
}
