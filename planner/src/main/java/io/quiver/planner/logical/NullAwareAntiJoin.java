package io.quiver.planner.logical;

import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.BiRel;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;

/**
 * {@code left.key NOT IN (SELECT right.key ...)} as a logical node: the left rows for which the
 * NOT IN is TRUE. A left row passes when no right row has an equal key, no right key is NULL, and
 * its own key is not NULL (or the right side is empty). Calcite's {@code JoinRelType} has no
 * null-aware anti join, so this is a node of its own, which Calcite's join rules leave alone.
 * Output: the left columns. {@code leftKey} and {@code rightKey} have the same type.
 */
public final class NullAwareAntiJoin extends BiRel {

  private final int leftKey;
  private final int rightKey;

  public NullAwareAntiJoin(RelOptCluster cluster, RelTraitSet traits, RelNode left, RelNode right,
      int leftKey, int rightKey) {
    super(cluster, traits, left, right);
    this.leftKey = leftKey;
    this.rightKey = rightKey;
  }

  public int leftKey() {
    return leftKey;
  }

  public int rightKey() {
    return rightKey;
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new NullAwareAntiJoin(getCluster(), traitSet, inputs.get(0), inputs.get(1), leftKey,
        rightKey);
  }

  @Override
  protected RelDataType deriveRowType() {
    return getLeft().getRowType();
  }

  @Override
  public double estimateRowCount(RelMetadataQuery mq) {
    return Math.max(1, mq.getRowCount(getLeft()) * 0.5);
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw).item("leftKey", leftKey).item("rightKey", rightKey);
  }
}
