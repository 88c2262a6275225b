package io.quiver.planner.logical;

import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;

/**
 * Each input row as many times as its last column (BIGINT) says, without that column: what
 * INTERSECT ALL and EXCEPT ALL end with ({@link SetOpToAggregateRule}). A logical node of Quiver's
 * own (Calcite has none); the physical form is {@code QuiverReplicate}.
 */
public final class Replicate extends SingleRel {

  public Replicate(RelOptCluster cluster, RelTraitSet traits, RelNode input) {
    super(cluster, traits, input);
  }

  /** The count column: the input's last. */
  public int countColumn() {
    return getInput().getRowType().getFieldCount() - 1;
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new Replicate(getCluster(), traitSet, sole(inputs));
  }

  @Override
  protected RelDataType deriveRowType() {
    return getCluster().getTypeFactory().builder()
        .addAll(getInput().getRowType().getFieldList().subList(0, countColumn())).build();
  }

  @Override
  public double estimateRowCount(RelMetadataQuery mq) {
    return mq.getRowCount(getInput());
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw).item("count", countColumn());
  }
}
