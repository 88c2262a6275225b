package io.quiver.planner.physical;

import io.quiver.exec.fragment.node.EnforceSingleRowNode;
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

/**
 * The value of a scalar subquery that is not an aggregate ({@code x = (SELECT d_week_seq FROM ...)}):
 * one row, the input's only one, or NULLs when there is none; a second row fails with SQLState 21000.
 * Its input is gathered into one partition. It stands for Calcite's {@code SINGLE_VALUE} aggregate
 * without grouping keys.
 */
public final class QuiverEnforceSingleRow extends SingleRel implements QuiverRel {

  public QuiverEnforceSingleRow(RelOptCluster cluster, RelTraitSet traits, RelNode input, RelDataType rowType) {
    super(cluster, traits, input);
    this.rowType = rowType;
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new QuiverEnforceSingleRow(getCluster(), traitSet, sole(inputs), rowType);
  }

  @Override
  public double estimateRowCount(RelMetadataQuery mq) {
    return 1;
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    return CostModel.cost(planner, mq.getRowCount(getInput()) * 0.01, 1);
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw).item("distribution", Distributions.of(this));
  }

  @Override
  public FragmentPiece fragment(Fragmenter fragmenter) {
    FragmentPiece input = fragmenter.visit(getInput());
    return input.withNode(new EnforceSingleRowNode(input.node(), TypeMapping.toRowSchema(rowType)));
  }
}
