package io.quiver.planner.physical;

import io.quiver.exec.fragment.node.TopNNode;
import io.quiver.planner.fragment.FragmentPiece;
import io.quiver.planner.fragment.Fragmenter;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;

/**
 * The first {@code count} rows in key order. As a partial step it runs in every partition before a
 * gather; as the final step it runs once, over the gathered partial results.
 */
public final class QuiverTopN extends Sort implements QuiverRel {

  private final boolean partial;

  public QuiverTopN(RelOptCluster cluster, RelTraitSet traits, RelNode input, RelCollation collation,
      RexNode count, boolean partial) {
    super(cluster, traits, input, collation, null, count);
    this.partial = partial;
  }

  public boolean isPartial() {
    return partial;
  }

  public long count() {
    return ((RexLiteral) fetch).getValueAs(Long.class);
  }

  @Override
  public Sort copy(RelTraitSet traitSet, RelNode newInput, RelCollation newCollation, RexNode offset,
      RexNode fetch) {
    return new QuiverTopN(getCluster(), traitSet, newInput, newCollation, fetch, partial);
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    double rows = mq.getRowCount(getInput());
    double heap = Math.max(1, Math.log(Math.max(2, count())) / Math.log(2));
    return CostModel.cost(planner, rows * CostModel.SORT_ROW * 0.2 * heap, mq.getRowCount(this));
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw)
        .item("step", partial ? "PARTIAL" : "FINAL")
        .item("distribution", Distributions.of(this));
  }

  @Override
  public FragmentPiece fragment(Fragmenter fragmenter) {
    FragmentPiece input = fragmenter.visit(getInput());
    return input.withNode(new TopNNode(input.node(), SortKeys.of(collation), count()));
  }
}
