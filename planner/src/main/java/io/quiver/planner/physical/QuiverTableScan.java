package io.quiver.planner.physical;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.fragment.node.TableHandle;
import io.quiver.exec.fragment.node.TableScanNode;
import io.quiver.planner.fragment.FragmentPiece;
import io.quiver.planner.fragment.Fragmenter;
import io.quiver.planner.fragment.TypeMapping;
import io.quiver.sql.catalog.ConnectorTable;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;

/**
 * Reads the chosen columns of a connector table, one split per partition. Its rows are spread over
 * the splits with no known key: RANDOM distribution.
 */
public final class QuiverTableScan extends TableScan implements QuiverRel {

  private final List<Integer> columns;

  public QuiverTableScan(RelOptCluster cluster, RelTraitSet traitSet, RelOptTable table,
      List<Integer> columns) {
    super(cluster, traitSet, List.of(), table);
    this.columns = List.copyOf(columns);
  }

  public List<Integer> columns() {
    return columns;
  }

  public ConnectorTable connectorTable() {
    ConnectorTable connectorTable = getTable().unwrap(ConnectorTable.class);
    if (connectorTable == null) {
      throw new QuiverException(ErrorCode.NOT_SUPPORTED,
          "Table " + getTable().getQualifiedName() + " is not readable by a connector");
    }
    return connectorTable;
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new QuiverTableScan(getCluster(), traitSet, getTable(), columns);
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
    double rows = mq.getRowCount(this);
    return CostModel.cost(planner, rows * (1 + columns.size() * CostModel.SCAN_VALUE), rows);
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    List<String> names = new ArrayList<>();
    for (RelDataTypeField field : getRowType().getFieldList()) {
      names.add(field.getName());
    }
    return super.explainTerms(pw)
        .item("columns", names)
        .item("splits", connectorTable().splitCount())
        .item("distribution", Distributions.of(this));
  }

  @Override
  public FragmentPiece fragment(Fragmenter fragmenter) {
    ConnectorTable table = connectorTable();
    TableHandle handle = new TableHandle(table.connectorName(), table.schemaName(), table.tableName(),
        table.properties());
    int splits = Math.max(1, table.splitCount());
    TableScanNode scan = new TableScanNode(handle, columns, splits,
        TypeMapping.toRowSchema(getRowType()));
    return new FragmentPiece(scan, splits, List.of());
  }
}
