package io.quiver.planner.physical;

import io.quiver.exec.fragment.node.ReplicateNode;
import io.quiver.planner.fragment.FragmentPiece;
import io.quiver.planner.fragment.Fragmenter;
import io.quiver.planner.fragment.TypeMapping;
import java.util.List;
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

/**
 * Each input row repeated by its count column, keeping the first {@code columnCount} columns
 * (fragment: {@link ReplicateNode}); the end of INTERSECT ALL and EXCEPT ALL. Keeps the input's
 * distribution when that is on the kept columns.
 */
public final class QuiverReplicate extends SingleRel implements QuiverRel {

  private final int countColumn;
  private final int columnCount;

  public QuiverReplicate(RelOptCluster cluster, RelTraitSet traits, RelNode input, int countColumn,
      int columnCount) {
    super(cluster, traits, input);
    this.countColumn = countColumn;
    this.columnCount = columnCount;
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new QuiverReplicate(getCluster(), traitSet, sole(inputs), countColumn, columnCount);
  }

  @Override
  protected RelDataType deriveRowType() {
    RelDataTypeFactory.Builder builder = getCluster().getTypeFactory().builder();
    builder.addAll(getInput().getRowType().getFieldList().subList(0, columnCount));
    return builder.build();
  }

  @Override
  public double estimateRowCount(RelMetadataQuery mq) {
    return mq.getRowCount(getInput());
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    double rows = mq.getRowCount(this);
    return CostModel.cost(planner, rows * CostModel.EXPRESSION_ROW, rows);
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw).item("count", countColumn).item("distribution", Distributions.of(this));
  }

  @Override
  public FragmentPiece fragment(Fragmenter fragmenter) {
    FragmentPiece input = fragmenter.visit(getInput());
    return input.withNode(new ReplicateNode(input.node(), countColumn,
        java.util.stream.IntStream.range(0, columnCount).boxed().toList(), TypeMapping.toRowSchema(getRowType())));
  }
}
