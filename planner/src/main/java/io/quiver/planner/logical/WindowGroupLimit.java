package io.quiver.planner.logical;

import io.quiver.exec.fragment.node.WindowFunction;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Below a window whose only functions rank the rows of each partition and whose result is filtered
 * to the first {@code limit} ranks ({@code WHERE rn <= 3}): drops rows that cannot be among them
 * (Spark's {@code WindowGroupLimit}). It keeps, per partition, at least every row whose rank of kind
 * {@code rank} (ROW_NUMBER, RANK or DENSE_RANK) by {@code order} is at most {@code limit}, and
 * maybe more; the window and the filter above give the exact answer. Output: the input's columns.
 */
public final class WindowGroupLimit extends SingleRel {

  private final List<Integer> partitionKeys;
  private final RelCollation order;
  private final WindowFunction rank;
  private final long limit;

  public WindowGroupLimit(RelOptCluster cluster, RelTraitSet traits, RelNode input, List<Integer> partitionKeys,
      RelCollation order, WindowFunction rank, long limit) {
    super(cluster, traits, input);
    this.partitionKeys = List.copyOf(partitionKeys);
    this.order = order;
    this.rank = rank;
    this.limit = limit;
  }

  public List<Integer> partitionKeys() {
    return partitionKeys;
  }

  public RelCollation order() {
    return order;
  }

  public WindowFunction rank() {
    return rank;
  }

  public long limit() {
    return limit;
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new WindowGroupLimit(getCluster(), traitSet, sole(inputs), partitionKeys, order, rank, limit);
  }

  @Override
  public double estimateRowCount(RelMetadataQuery mq) {
    return groupLimitRows(mq, getInput(), partitionKeys, limit);
  }

  /** About {@code limit} rows per partition, and no more than the input. */
  public static double groupLimitRows(RelMetadataQuery mq, RelNode input, List<Integer> partitionKeys,
      long limit) {
    double rows = mq.getRowCount(input);
    Double groups = partitionKeys.isEmpty() ? Double.valueOf(1)
        : mq.getDistinctRowCount(input, ImmutableBitSet.of(partitionKeys), null);
    double kept = (groups == null ? rows / 10 : groups) * Math.max(1, limit);
    return Math.max(1, Math.min(rows, kept));
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw).item("partition", partitionKeys).item("order", order).item("rank", rank)
        .item("limit", limit);
  }
}
