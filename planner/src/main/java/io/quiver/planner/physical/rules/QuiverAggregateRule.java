package io.quiver.planner.physical.rules;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.fragment.node.AggregateStep;
import io.quiver.planner.physical.AggregateCallSpec;
import io.quiver.planner.physical.Distributions;
import io.quiver.planner.physical.QuiverAggregate;
import io.quiver.planner.physical.QuiverExchange;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelDistribution;
import org.apache.calcite.rel.RelDistributions;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.logical.LogicalAggregate;

/**
 * Plans an aggregate over each physical form of its input:
 *
 * <ul>
 *   <li>input already co-located on the group keys (hashed on a subset of them, or in one
 *       partition): one SINGLE step, no exchange;
 *   <li>otherwise PARTIAL per partition, an exchange (hash on the keys; with no keys a gather), and
 *       FINAL;
 *   <li>also one SINGLE step over the input exchanged on the keys (a gather with no keys); the
 *       cost model picks it when the partial step would not reduce the rows much. A DISTINCT
 *       aggregate that the logical rewrites could not expand has only this plan.
 * </ul>
 */
public final class QuiverAggregateRule extends RelRule<QuiverRuleConfig> {

  public static final QuiverAggregateRule INSTANCE = (QuiverAggregateRule) QuiverRuleConfig.of(
      "QuiverAggregateRule",
      b0 -> b0.operand(LogicalAggregate.class).anyInputs(),
      QuiverAggregateRule::new).toRule();

  private QuiverAggregateRule(QuiverRuleConfig config) {
    super(config);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalAggregate aggregate = call.rel(0);
    if (QuiverEnforceSingleRowRule.isSingleValue(aggregate)) {
      return; // a scalar subquery's value: QuiverEnforceSingleRowRule plans it
    }
    if (aggregate.getGroupType() != Aggregate.Group.SIMPLE) {
      throw new QuiverException(ErrorCode.NOT_SUPPORTED,
          "GROUPING SETS, ROLLUP and CUBE are not supported");
    }
    List<Integer> keys = aggregate.getGroupSet().asList();
    List<AggregateCallSpec> calls = specs(aggregate);
    boolean distinct = calls.stream().anyMatch(AggregateCallSpec::distinct);
    RelNode input = PhysicalInputs.physical(aggregate.getInput());
    RelDistribution inputDistribution = Distributions.of(input);

    if (Distributions.colocates(inputDistribution, keys)) {
      call.transformTo(single(aggregate, input, inputDistribution, keys, calls));
      return;
    }
    // One step over the input exchanged on the keys: the only plan for DISTINCT calls, and the
    // cheaper one when the keys are nearly unique. The trait conversion brings the exchange.
    RelDistribution target = keys.isEmpty() ? RelDistributions.SINGLETON : RelDistributions.hash(keys);
    RelNode exchanged = convert(aggregate.getInput(), Distributions.traits(aggregate, target));
    call.transformTo(single(aggregate, exchanged, target, keys, calls));
    if (distinct) {
      return;
    }
    // PARTIAL per partition, exchange of the (fewer) partial rows on the keys, FINAL.
    QuiverAggregate partial = new QuiverAggregate(aggregate.getCluster(),
        Distributions.traits(aggregate, RelDistributions.RANDOM_DISTRIBUTED), input,
        AggregateStep.PARTIAL, keys, calls, aggregate.getInput().getRowType());
    RelDistribution partialTarget = keys.isEmpty()
        ? RelDistributions.SINGLETON
        : RelDistributions.hash(IntStream.range(0, keys.size()).boxed().collect(Collectors.toList()));
    call.transformTo(new QuiverAggregate(aggregate.getCluster(),
        Distributions.traits(aggregate, partialTarget), QuiverExchange.create(partial, partialTarget),
        AggregateStep.FINAL, keys, calls, aggregate.getInput().getRowType()));
  }

  private static QuiverAggregate single(LogicalAggregate aggregate, RelNode input,
      RelDistribution inputDistribution, List<Integer> keys, List<AggregateCallSpec> calls) {
    return new QuiverAggregate(aggregate.getCluster(),
        Distributions.traits(aggregate, Distributions.aggregate(inputDistribution, keys)), input,
        AggregateStep.SINGLE, keys, calls, aggregate.getInput().getRowType());
  }

  private static List<AggregateCallSpec> specs(LogicalAggregate aggregate) {
    List<String> names = aggregate.getRowType().getFieldNames();
    int keyCount = aggregate.getGroupCount();
    List<AggregateCallSpec> specs = new ArrayList<>();
    List<AggregateCall> calls = aggregate.getAggCallList();
    for (int i = 0; i < calls.size(); i++) {
      specs.add(AggregateCallSpec.of(calls.get(i), aggregate.getInput().getRowType(),
          names.get(keyCount + i)));
    }
    return specs;
  }
}
