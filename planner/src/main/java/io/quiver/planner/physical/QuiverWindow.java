package io.quiver.planner.physical;

import io.quiver.exec.fragment.node.WindowCall;
import io.quiver.exec.fragment.node.WindowNode;
import io.quiver.planner.fragment.FragmentPiece;
import io.quiver.planner.fragment.Fragmenter;
import io.quiver.planner.fragment.TypeMapping;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;

/**
 * Window functions that share one PARTITION BY and one ORDER BY (their frames may differ), over an
 * input whose every partition lies in one task (hashed on the partition keys, or gathered) and
 * which arrives sorted by the partition keys and then the order keys (a {@link QuiverSort} below,
 * unless the input is already in that order). Output: the input's columns in the input's order,
 * then one column per call; its distribution is the input's.
 */
public final class QuiverWindow extends SingleRel implements QuiverRel {

  private final List<Integer> partitionKeys;
  private final RelCollation orderKeys;
  private final List<WindowCall> calls;

  public QuiverWindow(RelOptCluster cluster, RelTraitSet traits, RelNode input, List<Integer> partitionKeys,
      RelCollation orderKeys, List<WindowCall> calls, RelDataType rowType) {
    super(cluster, traits, input);
    this.partitionKeys = List.copyOf(partitionKeys);
    this.orderKeys = orderKeys;
    this.calls = List.copyOf(calls);
    this.rowType = rowType;
  }

  public List<Integer> partitionKeys() {
    return partitionKeys;
  }

  public RelCollation orderKeys() {
    return orderKeys;
  }

  public List<WindowCall> calls() {
    return calls;
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new QuiverWindow(getCluster(), traitSet, sole(inputs), partitionKeys, orderKeys, calls, rowType);
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    double rows = mq.getRowCount(getInput());
    return CostModel.cost(planner, rows * CostModel.EXPRESSION_ROW * (1 + calls.size()), rows);
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    List<String> fields = getInput().getRowType().getFieldNames();
    return super.explainTerms(pw)
        .item("partition", partitionKeys.stream().map(fields::get).collect(Collectors.toList()))
        .item("order", orderKeys)
        .item("calls", calls.stream().map(call -> call.name() + "=" + call.describe()).collect(Collectors.toList()))
        .item("distribution", Distributions.of(this));
  }

  @Override
  public FragmentPiece fragment(Fragmenter fragmenter) {
    FragmentPiece input = fragmenter.visit(getInput());
    return input.withNode(new WindowNode(input.node(), partitionKeys, SortKeys.of(orderKeys), calls,
        TypeMapping.toRowSchema(getRowType())));
  }
}
