package io.quiver.planner.physical;

import io.quiver.exec.fragment.node.LimitNode;
import io.quiver.planner.fragment.FragmentPiece;
import io.quiver.planner.fragment.Fragmenter;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;

/**
 * Skips {@code offset} rows and passes at most {@code fetch}. As a partial step (offset 0, fetch =
 * offset + fetch of the query) it caps each partition before a gather.
 */
public final class QuiverLimit extends Sort implements QuiverRel {

  private final boolean partial;

  public QuiverLimit(RelOptCluster cluster, RelTraitSet traits, RelNode input, RexNode offset,
      RexNode fetch, boolean partial) {
    super(cluster, traits, input, RelCollations.EMPTY, offset, fetch);
    this.partial = partial;
  }

  @Override
  public Sort copy(RelTraitSet traitSet, RelNode newInput, RelCollation newCollation, RexNode offset,
      RexNode fetch) {
    return new QuiverLimit(getCluster(), traitSet, newInput, offset, fetch, partial);
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    double rows = mq.getRowCount(this);
    return CostModel.cost(planner, rows * 0.01, rows);
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
    long offsetRows = offset == null ? 0 : ((RexLiteral) offset).getValueAs(Long.class);
    long fetchRows = fetch == null ? -1 : ((RexLiteral) fetch).getValueAs(Long.class);
    return input.withNode(new LimitNode(input.node(), offsetRows, fetchRows));
  }
}
