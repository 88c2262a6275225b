package io.quiver.planner.physical.rules;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.planner.physical.Distributions;
import io.quiver.planner.physical.QuiverExchange;
import io.quiver.planner.physical.QuiverLimit;
import io.quiver.planner.physical.QuiverSort;
import io.quiver.planner.physical.QuiverTopN;
import java.math.BigDecimal;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelDistribution;
import org.apache.calcite.rel.RelDistributions;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalSort;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;

/**
 * Plans ORDER BY / LIMIT / OFFSET over each physical form of its input. Over an input spread over
 * partitions:
 *
 * <ul>
 *   <li>ORDER BY: gather, then sort;
 *   <li>ORDER BY ... LIMIT n [OFFSET m]: partial top-(m+n) per partition, gather, final top-(m+n),
 *       then skip m;
 *   <li>LIMIT n [OFFSET m] alone: partial limit m+n per partition, gather, final limit.
 * </ul>
 *
 * An input already in one partition needs no gather and no partial step.
 */
public final class QuiverSortRule extends RelRule<QuiverRuleConfig> {

  public static final QuiverSortRule INSTANCE = (QuiverSortRule) QuiverRuleConfig.of(
      "QuiverSortRule",
      b0 -> b0.operand(LogicalSort.class).anyInputs(),
      QuiverSortRule::new).toRule();

  private QuiverSortRule(QuiverRuleConfig config) {
    super(config);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalSort sort = call.rel(0);
    RelNode input = PhysicalInputs.physical(sort.getInput());
    RelDistribution inputDistribution = Distributions.of(input);
    boolean gathered = inputDistribution.getType() == RelDistribution.Type.SINGLETON;
    RelTraitSet single = Distributions.traits(sort, RelDistributions.SINGLETON);
    RelTraitSet spread = Distributions.traits(sort, inputDistribution);
    RexBuilder rexBuilder = sort.getCluster().getRexBuilder();

    long offset = value(sort.offset, 0);
    RexNode offsetNode = offset == 0 ? null : sort.offset;
    RelCollation collation = sort.getCollation();
    RelNode result;
    if (!collation.getFieldCollations().isEmpty()) {
      if (sort.fetch == null) {
        RelNode all = gathered ? input : QuiverExchange.create(input, RelDistributions.SINGLETON);
        result = new QuiverSort(sort.getCluster(), single, all, collation);
        if (offsetNode != null) {
          result = new QuiverLimit(sort.getCluster(), single, result, offsetNode, null, false);
        }
      } else {
        RexNode count = rexBuilder.makeExactLiteral(BigDecimal.valueOf(offset + value(sort.fetch, 0)));
        RelNode all = gathered ? input : QuiverExchange.create(
            new QuiverTopN(sort.getCluster(), spread, input, collation, count, true),
            RelDistributions.SINGLETON);
        result = new QuiverTopN(sort.getCluster(), single, all, collation, count, false);
        if (offsetNode != null) {
          result = new QuiverLimit(sort.getCluster(), single, result, offsetNode, sort.fetch, false);
        }
      }
    } else if (gathered) {
      result = new QuiverLimit(sort.getCluster(), single, input, offsetNode, sort.fetch, false);
    } else if (sort.fetch != null) {
      RexNode count = rexBuilder.makeExactLiteral(BigDecimal.valueOf(offset + value(sort.fetch, 0)));
      RelNode partial = new QuiverLimit(sort.getCluster(), spread, input, null, count, true);
      result = new QuiverLimit(sort.getCluster(), single,
          QuiverExchange.create(partial, RelDistributions.SINGLETON), offsetNode, sort.fetch, false);
    } else {
      result = new QuiverLimit(sort.getCluster(), single,
          QuiverExchange.create(input, RelDistributions.SINGLETON), offsetNode, null, false);
    }
    call.transformTo(result);
  }

  private static long value(RexNode node, long otherwise) {
    if (node == null) {
      return otherwise;
    }
    if (!(node instanceof RexLiteral literal)) {
      throw new QuiverException(ErrorCode.NOT_SUPPORTED, "LIMIT and OFFSET must be constants");
    }
    return literal.getValueAs(Long.class);
  }
}
