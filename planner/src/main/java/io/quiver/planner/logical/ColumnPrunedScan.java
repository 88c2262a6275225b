package io.quiver.planner.logical;

import java.util.List;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;

/** A logical scan that reads only some columns of its table (in output order). */
public final class ColumnPrunedScan extends TableScan {

  private final List<Integer> columns;

  public ColumnPrunedScan(RelOptCluster cluster, RelTraitSet traitSet, RelOptTable table,
      List<Integer> columns) {
    super(cluster, traitSet, List.of(), table);
    this.columns = List.copyOf(columns);
  }

  public static ColumnPrunedScan create(RelOptCluster cluster, RelOptTable table, List<Integer> columns) {
    return new ColumnPrunedScan(cluster, cluster.traitSetOf(Convention.NONE), table, columns);
  }

  public List<Integer> columns() {
    return columns;
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new ColumnPrunedScan(getCluster(), traitSet, getTable(), columns);
  }

  @Override
  public RelDataType deriveRowType() {
    List<RelDataTypeField> fields = getTable().getRowType().getFieldList();
    var builder = getCluster().getTypeFactory().builder();
    for (int column : columns) {
      builder.add(fields.get(column));
    }
    return builder.build();
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    return super.computeSelfCost(planner, mq).multiplyBy(0.1 + columns.size() * 0.05);
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw).item("columns", getRowType().getFieldNames());
  }
}
