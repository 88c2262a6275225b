package io.quiver.planner.physical.rules;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.fragment.node.AggregateStep;
import io.quiver.planner.physical.AggregateCallSpec;
import io.quiver.planner.physical.Distributions;
import io.quiver.planner.physical.QuiverAggregate;
import io.quiver.planner.physical.QuiverExchange;
import io.quiver.planner.physical.QuiverExpand;
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
import org.apache.calcite.rel.type.RelDataType;

/**
 * Plans an aggregate over each physical form of its input:
 *
 * <ul>
 *   <li>input already co-located on the group keys (hashed on a subset of them, or in one
 *       partition): one SINGLE step, no exchange;
 *   <li>otherwise PARTIAL per partition, an exchange (hash on the keys; with no keys a gather), and
 *       FINAL, when every call splits into those steps;
 *   <li>also one SINGLE step over the input exchanged on the keys (a gather with no keys); the
 *       cost model picks it when the partial step would not reduce the rows much. Calls that do not
 *       split (STRING_AGG, PERCENTILE_*) have only this plan.
 * </ul>
 *
 * GROUPING SETS, ROLLUP and CUBE: {@link GroupingSetsPlan} expands the rows once per set and plans
 * the aggregate of the expanded rows the same ways.
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
    if (aggregate.getGroupType() != Aggregate.Group.SIMPLE || GroupingSetsPlan.hasGroupingFunction(aggregate)) {
      // (GROUPING() of a simple aggregate, which Calcite's rewrites can leave, is 0: one set.)
      GroupingSetsPlan.plan(call, aggregate);
      return;
    }
    List<Integer> keys = aggregate.getGroupSet().asList();
    List<AggregateCallSpec> calls = specs(aggregate, aggregate.getAggCallList());
    RelNode input = PhysicalInputs.physical(aggregate.getInput());
    for (RelNode plan : plans(aggregate, input, aggregate.getInput().getRowType(), keys, calls, null)) {
      call.transformTo(plan);
    }
  }

  /**
   * The physical plans of an aggregate of {@code input} (physical, in its natural distribution) by
   * {@code keys}; all have the output row type of a simple aggregate with these keys and calls.
   *
   * @param emptyGroupingSetId for grouping sets including (): the grouping id of that set, whose
   *     group must exist even over empty input (the last key is the grouping id)
   */
  static List<RelNode> plans(RelNode logical, RelNode input, RelDataType inputRowType, List<Integer> keys,
      List<AggregateCallSpec> calls, Long emptyGroupingSetId) {
    List<RelNode> plans = new ArrayList<>();
    RelDistribution inputDistribution = Distributions.of(input);
    if (Distributions.colocates(inputDistribution, keys)) {
      plans.add(single(logical, input, inputDistribution, keys, calls, inputRowType, emptyGroupingSetId));
      return plans;
    }
    boolean splittable = calls.stream().allMatch(AggregateCallSpec::splittable);
    // One step over the input exchanged on the keys: the only plan for calls that do not split, and
    // the cheaper one when the keys are nearly unique. The trait conversion brings the exchange. The
    // empty grouping set's group is made in one place only, so its input is gathered.
    if (!splittable || emptyGroupingSetId == null) {
      RelDistribution target = keys.isEmpty() || emptyGroupingSetId != null
          ? RelDistributions.SINGLETON : RelDistributions.hash(keys);
      RelNode exchanged = convert(input, Distributions.traits(input, target));
      plans.add(single(logical, exchanged, target, keys, calls, inputRowType, emptyGroupingSetId));
    }
    if (!splittable) {
      return plans;
    }
    // PARTIAL per partition, exchange of the (fewer) partial rows on the keys, FINAL.
    QuiverAggregate partial = new QuiverAggregate(logical.getCluster(),
        Distributions.traits(logical, RelDistributions.RANDOM_DISTRIBUTED), input,
        AggregateStep.PARTIAL, keys, calls, inputRowType, emptyGroupingSetId);
    RelDistribution partialTarget = keys.isEmpty()
        ? RelDistributions.SINGLETON
        : RelDistributions.hash(IntStream.range(0, keys.size()).boxed().collect(Collectors.toList()));
    plans.add(new QuiverAggregate(logical.getCluster(),
        Distributions.traits(logical, partialTarget), QuiverExchange.create(partial, partialTarget),
        AggregateStep.FINAL, keys, calls, inputRowType));
    return plans;
  }

  private static QuiverAggregate single(RelNode logical, RelNode input, RelDistribution inputDistribution,
      List<Integer> keys, List<AggregateCallSpec> calls, RelDataType inputRowType, Long emptyGroupingSetId) {
    return new QuiverAggregate(logical.getCluster(),
        Distributions.traits(logical, Distributions.aggregate(inputDistribution, keys)), input,
        AggregateStep.SINGLE, keys, calls, inputRowType, emptyGroupingSetId);
  }

  /** The specs of {@code calls} of {@code aggregate}, named as its output columns. */
  static List<AggregateCallSpec> specs(Aggregate aggregate, List<AggregateCall> calls) {
    List<String> names = aggregate.getRowType().getFieldNames();
    int keyCount = aggregate.getGroupCount();
    List<AggregateCallSpec> specs = new ArrayList<>();
    List<AggregateCall> all = aggregate.getAggCallList();
    for (AggregateCall aggregateCall : calls) {
      AggregateCallSpec spec = AggregateCallSpec.of(aggregateCall, aggregate.getInput().getRowType(),
          names.get(keyCount + all.indexOf(aggregateCall)));
      if (spec.distinct()) {
        throw new QuiverException(ErrorCode.NOT_SUPPORTED, "Aggregate " + aggregateCall.getAggregation().getName()
            + "(DISTINCT ...) in this form is not supported");
      }
      specs.add(spec);
    }
    return specs;
  }
}
