package io.quiver.planner.statistics;

import io.quiver.planner.logical.ColumnPrunedScan;
import io.quiver.planner.physical.QuiverTableScan;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.MetadataDef;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Unique keys of scans that read only some columns, on the scan's output positions (Calcite
 * would report the table's column numbers). Other nodes: null, so Calcite's provider answers.
 */
public class PrunedScanUniqueKeys implements BuiltInMetadata.UniqueKeys.Handler {

  @Override
  public MetadataDef<BuiltInMetadata.UniqueKeys> getDef() {
    return BuiltInMetadata.UniqueKeys.DEF;
  }

  @Override
  public Set<ImmutableBitSet> getUniqueKeys(RelNode rel, RelMetadataQuery mq, boolean ignoreNulls) {
    return null;
  }

  public Set<ImmutableBitSet> getUniqueKeys(ColumnPrunedScan scan, RelMetadataQuery mq,
      boolean ignoreNulls) {
    return keys(scan.getTable(), scan.columns());
  }

  public Set<ImmutableBitSet> getUniqueKeys(QuiverTableScan scan, RelMetadataQuery mq,
      boolean ignoreNulls) {
    return keys(scan.getTable(), scan.columns());
  }

  private static Set<ImmutableBitSet> keys(RelOptTable table, List<Integer> mapping) {
    Set<ImmutableBitSet> result = new HashSet<>();
    List<ImmutableBitSet> keys = table.getKeys();
    if (keys == null) {
      return result;
    }
    for (ImmutableBitSet key : keys) {
      ImmutableBitSet.Builder positions = ImmutableBitSet.builder();
      boolean complete = true;
      for (int column : key) {
        int position = mapping.indexOf(column);
        if (position < 0) {
          complete = false;
          break;
        }
        positions.set(position);
      }
      if (complete) {
        result.add(positions.build());
      }
    }
    return result;
  }
}
