package io.quiver.planner.physical;

import io.quiver.exec.fragment.node.PlanNode;
import io.quiver.exec.fragment.node.UnionAllNode;
import io.quiver.planner.fragment.FragmentPiece;
import io.quiver.planner.fragment.Fragmenter;
import io.quiver.planner.fragment.TypeMapping;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.SetOp;
import org.apache.calcite.rel.core.Union;
import org.apache.calcite.rel.metadata.RelMetadataQuery;

/**
 * UNION ALL: the rows of every input, in the partitions where they are (RANDOM distribution). Inputs
 * that run in different partition counts are aligned by the fragmenter.
 */
public final class QuiverUnion extends Union implements QuiverRel {

  public QuiverUnion(RelOptCluster cluster, RelTraitSet traits, List<RelNode> inputs) {
    super(cluster, traits, List.of(), inputs, true);
  }

  @Override
  public SetOp copy(RelTraitSet traitSet, List<RelNode> inputs, boolean all) {
    return new QuiverUnion(getCluster(), traitSet, inputs);
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    double rows = mq.getRowCount(this);
    return CostModel.cost(planner, rows * 0.01, rows);
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw).item("distribution", Distributions.of(this));
  }

  @Override
  public FragmentPiece fragment(Fragmenter fragmenter) {
    List<FragmentPiece> pieces = new ArrayList<>();
    for (RelNode input : getInputs()) {
      pieces.add(fragmenter.visit(input));
    }
    pieces = fragmenter.alignPartitions(pieces);
    List<PlanNode> nodes = new ArrayList<>();
    int partitionCount = 0;
    for (FragmentPiece piece : pieces) {
      nodes.add(piece.node());
      partitionCount = Math.max(partitionCount, piece.partitionCount());
    }
    return new FragmentPiece(new UnionAllNode(nodes, TypeMapping.toRowSchema(getRowType())),
        partitionCount, FragmentPiece.sources(pieces));
  }
}
