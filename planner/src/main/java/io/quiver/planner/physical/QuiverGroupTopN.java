package io.quiver.planner.physical;

import io.quiver.exec.fragment.node.GroupTopNNode;
import io.quiver.exec.fragment.node.WindowFunction;
import io.quiver.planner.fragment.FragmentPiece;
import io.quiver.planner.fragment.Fragmenter;
import io.quiver.planner.logical.WindowGroupLimit;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.metadata.RelMetadataQuery;

/**
 * Keeps, in each task, the rows that rank among the first {@code limit} of their partition (by
 * {@code rank} over {@code order}): the partial step of a top-N per group below a window, before the
 * rows are exchanged. Its distribution is its input's.
 */
public final class QuiverGroupTopN extends SingleRel implements QuiverRel {

  private final List<Integer> partitionKeys;
  private final RelCollation order;
  private final WindowFunction rank;
  private final long limit;

  public QuiverGroupTopN(RelOptCluster cluster, RelTraitSet traits, RelNode input, List<Integer> partitionKeys,
      RelCollation order, WindowFunction rank, long limit) {
    super(cluster, traits, input);
    this.partitionKeys = List.copyOf(partitionKeys);
    this.order = order;
    this.rank = rank;
    this.limit = limit;
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new QuiverGroupTopN(getCluster(), traitSet, sole(inputs), partitionKeys, order, rank, limit);
  }

  @Override
  public double estimateRowCount(RelMetadataQuery mq) {
    return WindowGroupLimit.groupLimitRows(mq, getInput(), partitionKeys, limit);
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    double rows = mq.getRowCount(getInput());
    return CostModel.cost(planner, rows * CostModel.SORT_ROW * 0.5, mq.getRowCount(this));
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw).item("partition", partitionKeys).item("order", order).item("rank", rank)
        .item("limit", limit).item("distribution", Distributions.of(this));
  }

  @Override
  public FragmentPiece fragment(Fragmenter fragmenter) {
    FragmentPiece input = fragmenter.visit(getInput());
    List<io.quiver.exec.fragment.node.SortKey> keys = new ArrayList<>(SortKeys.of(order));
    return input.withNode(new GroupTopNNode(input.node(), partitionKeys, keys, rank, limit));
  }
}
