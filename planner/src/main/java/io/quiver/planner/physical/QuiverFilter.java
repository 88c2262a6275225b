package io.quiver.planner.physical;

import io.quiver.exec.fragment.FragmentCodec;
import io.quiver.exec.fragment.expression.Expression;
import io.quiver.exec.fragment.node.FilterNode;
import io.quiver.exec.fragment.node.PlanNode;
import io.quiver.exec.fragment.node.TableHandle;
import io.quiver.exec.fragment.node.TableScanNode;
import java.util.HashMap;
import java.util.Map;
import io.quiver.planner.fragment.FragmentPiece;
import io.quiver.planner.fragment.Fragmenter;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexNode;

/** Keeps rows where the condition is TRUE; rows stay where they are (the input's distribution). */
public final class QuiverFilter extends Filter implements QuiverRel {

  /** A table handle property by which a connector says it can use a pushed filter. */
  public static final String ACCEPTS_FILTER = "acceptsFilter";
  /** The table handle property that carries the filter (a fragment expression in JSON) to the scan. */
  public static final String PUSHED_FILTER = "pushedFilter";

  public QuiverFilter(RelOptCluster cluster, RelTraitSet traits, RelNode input, RexNode condition) {
    super(cluster, traits, input, condition);
  }

  @Override
  public Filter copy(RelTraitSet traitSet, RelNode input, RexNode condition) {
    return new QuiverFilter(getCluster(), traitSet, input, condition);
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    double inputRows = mq.getRowCount(getInput());
    return CostModel.cost(planner, inputRows * CostModel.EXPRESSION_ROW, mq.getRowCount(this));
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw).item("distribution", Distributions.of(this));
  }

  @Override
  public FragmentPiece fragment(Fragmenter fragmenter) {
    FragmentPiece input = fragmenter.visit(getInput());
    Expression converted = fragmenter.expressions().convert(condition);
    PlanNode child = input.node();
    if (child instanceof TableScanNode scan && "true".equals(scan.table().properties().get(ACCEPTS_FILTER))) {
      // The connector may skip data the filter rules out (Parquet row groups); the filter still runs.
      Map<String, String> properties = new HashMap<>(scan.table().properties());
      properties.put(PUSHED_FILTER, FragmentCodec.encode(converted));
      TableHandle table = new TableHandle(scan.table().connector(), scan.table().schema(), scan.table().table(),
          properties);
      child = new TableScanNode(table, scan.columns(), scan.splitCount(), scan.outputSchema());
    }
    return input.withNode(new FilterNode(child, converted));
  }
}
