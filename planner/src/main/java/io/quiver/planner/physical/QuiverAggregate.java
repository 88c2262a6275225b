package io.quiver.planner.physical;

import io.quiver.exec.fragment.node.AggregateCall;
import io.quiver.exec.fragment.node.AggregateFunction;
import io.quiver.exec.fragment.node.AggregateNode;
import io.quiver.exec.fragment.node.AggregateStep;
import io.quiver.exec.type.DataType;
import io.quiver.planner.fragment.FragmentPiece;
import io.quiver.planner.fragment.Fragmenter;
import io.quiver.planner.fragment.TypeMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Hash aggregation, as one step of a two-phase plan or in a single step.
 *
 * <ul>
 *   <li>PARTIAL: input = the original input; output = group keys, then each call's intermediate
 *       columns ({@link AggregateFunction#intermediateTypes}).
 *   <li>FINAL: input = a PARTIAL step's output (through an exchange on the keys); output = group
 *       keys, then the results.
 *   <li>SINGLE: input = the original input, already co-located on the keys; output = keys, results.
 * </ul>
 *
 * {@code groupKeys} and the calls' arguments are always ordinals of the original input.
 */
public final class QuiverAggregate extends SingleRel implements QuiverRel {

  private final AggregateStep step;
  private final List<Integer> groupKeys;
  private final List<AggregateCallSpec> calls;
  /** The row type of the original input (for FINAL it is not this node's input row type). */
  private final RelDataType originalInputRowType;
  /** See {@link AggregateNode#emptyGroupingSetId()}; null without the empty grouping set. */
  private final Long emptyGroupingSetId;

  public QuiverAggregate(RelOptCluster cluster, RelTraitSet traits, RelNode input, AggregateStep step,
      List<Integer> groupKeys, List<AggregateCallSpec> calls, RelDataType originalInputRowType) {
    this(cluster, traits, input, step, groupKeys, calls, originalInputRowType, null);
  }

  public QuiverAggregate(RelOptCluster cluster, RelTraitSet traits, RelNode input, AggregateStep step,
      List<Integer> groupKeys, List<AggregateCallSpec> calls, RelDataType originalInputRowType,
      Long emptyGroupingSetId) {
    super(cluster, traits, input);
    this.step = step;
    this.groupKeys = List.copyOf(groupKeys);
    this.calls = List.copyOf(calls);
    this.originalInputRowType = originalInputRowType;
    this.emptyGroupingSetId = step == AggregateStep.FINAL ? null : emptyGroupingSetId;
  }

  public AggregateStep step() {
    return step;
  }

  public List<Integer> groupKeys() {
    return groupKeys;
  }

  public List<AggregateCallSpec> calls() {
    return calls;
  }

  public boolean hasDistinctCall() {
    return calls.stream().anyMatch(AggregateCallSpec::distinct);
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new QuiverAggregate(getCluster(), traitSet, sole(inputs), step, groupKeys, calls,
        originalInputRowType, emptyGroupingSetId);
  }

  @Override
  protected RelDataType deriveRowType() {
    RelDataTypeFactory typeFactory = getCluster().getTypeFactory();
    RelDataTypeFactory.Builder builder = typeFactory.builder();
    List<RelDataTypeField> inputFields = originalInputRowType.getFieldList();
    for (int key : groupKeys) {
      builder.add(inputFields.get(key));
    }
    for (AggregateCallSpec call : calls) {
      if (step == AggregateStep.PARTIAL) {
        List<DataType> intermediates = call.intermediateTypes();
        for (int i = 0; i < intermediates.size(); i++) {
          boolean nullable = call.intermediateNullable(i);
          builder.add(call.name() + "$" + i,
              TypeMapping.toRelDataType(typeFactory, intermediates.get(i), nullable));
        }
      } else {
        builder.add(call.name(), call.resultType());
      }
    }
    return builder.uniquify().build();
  }

  @Override
  public double estimateRowCount(RelMetadataQuery mq) {
    double inputRows = mq.getRowCount(getInput());
    if (groupKeys.isEmpty()) {
      return 1;
    }
    if (step == AggregateStep.FINAL) {
      return Math.max(1, inputRows / 2);
    }
    Double distinct = mq.getDistinctRowCount(getInput(), ImmutableBitSet.of(groupKeys), null);
    double groups = distinct != null ? distinct : inputRows / 10;
    return Math.max(1, Math.min(inputRows, groups));
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    double inputRows = mq.getRowCount(getInput());
    double work = inputRows * CostModel.AGGREGATE_ROW * (1 + 0.1 * calls.size());
    return CostModel.cost(planner, work, mq.getRowCount(this));
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    List<String> fields = originalInputRowType.getFieldNames();
    return super.explainTerms(pw)
        .item("step", step)
        .item("group", groupKeys.stream().map(fields::get).collect(Collectors.toList()))
        .item("aggregates", calls.stream().map(call -> describe(call, fields))
            .collect(Collectors.toList()))
        .itemIf("emptyGroupingSet", emptyGroupingSetId, emptyGroupingSetId != null)
        .item("distribution", Distributions.of(this));
  }

  private static String describe(AggregateCallSpec call, List<String> fields) {
    String arguments = call.arguments().isEmpty() ? "*"
        : call.arguments().stream().map(fields::get).collect(Collectors.joining(", "));
    return call.function().name().toLowerCase(java.util.Locale.ROOT) + "("
        + (call.distinct() ? "DISTINCT " : "") + arguments + ")"
        + (call.filter() >= 0 ? " FILTER " + fields.get(call.filter()) : "") + " AS " + call.name();
  }

  @Override
  public FragmentPiece fragment(Fragmenter fragmenter) {
    FragmentPiece input = fragmenter.visit(getInput());
    List<Integer> keys;
    List<AggregateCall> aggregates = new ArrayList<>(calls.size());
    if (step == AggregateStep.FINAL) {
      keys = IntStream.range(0, groupKeys.size()).boxed().collect(Collectors.toList());
      int next = groupKeys.size();
      for (AggregateCallSpec call : calls) {
        int width = call.intermediateTypes().size();
        List<Integer> intermediates = IntStream.range(next, next + width).boxed()
            .collect(Collectors.toList());
        next += width;
        aggregates.add(new AggregateCall(call.function(), intermediates, call.distinct(),
            call.argumentDataType(), call.resultDataType(), call.name()));
      }
    } else {
      keys = groupKeys;
      for (AggregateCallSpec call : calls) {
        aggregates.add(new AggregateCall(call.function(), call.arguments(), call.distinct(),
            call.argumentDataType(), call.resultDataType(), call.name(), call.filter(), call.orderBy()));
      }
    }
    return input.withNode(new AggregateNode(input.node(), step, keys, aggregates,
        TypeMapping.toRowSchema(getRowType()), emptyGroupingSetId));
  }
}
