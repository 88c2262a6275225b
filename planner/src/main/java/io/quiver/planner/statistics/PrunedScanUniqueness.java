package io.quiver.planner.statistics;

import io.quiver.planner.logical.ColumnPrunedScan;
import io.quiver.planner.physical.QuiverTableScan;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.MetadataDef;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Column uniqueness of scans that read only some columns: Calcite asks the table whether the scan's
 * output positions form a key, but a pruned scan's position 0 is not the table's column 0. The
 * positions are mapped back to table columns first. Other nodes: no answer here (null), so the
 * next provider (Calcite's) answers.
 */
public class PrunedScanUniqueness implements BuiltInMetadata.ColumnUniqueness.Handler {

  @Override
  public MetadataDef<BuiltInMetadata.ColumnUniqueness> getDef() {
    return BuiltInMetadata.ColumnUniqueness.DEF;
  }

  @Override
  public Boolean areColumnsUnique(RelNode rel, RelMetadataQuery mq, ImmutableBitSet columns,
      boolean ignoreNulls) {
    return null;
  }

  public Boolean areColumnsUnique(ColumnPrunedScan scan, RelMetadataQuery mq,
      ImmutableBitSet columns, boolean ignoreNulls) {
    return isKey(scan.getTable(), scan.columns(), columns);
  }

  public Boolean areColumnsUnique(QuiverTableScan scan, RelMetadataQuery mq,
      ImmutableBitSet columns, boolean ignoreNulls) {
    return isKey(scan.getTable(), scan.columns(), columns);
  }

  private static Boolean isKey(org.apache.calcite.plan.RelOptTable table, List<Integer> mapping,
      ImmutableBitSet columns) {
    ImmutableBitSet.Builder tableColumns = ImmutableBitSet.builder();
    for (int column : columns) {
      if (column >= mapping.size()) {
        return false;
      }
      tableColumns.set(mapping.get(column));
    }
    return table.isKey(tableColumns.build());
  }
}
