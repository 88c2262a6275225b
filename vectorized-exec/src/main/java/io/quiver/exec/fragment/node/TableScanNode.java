package io.quiver.exec.fragment.node;

import io.quiver.exec.type.RowSchema;
import java.util.List;

/**
 * Reads a table. The table is cut into {@code splitCount} splits; the task for partition {@code p}
 * of the stage reads split {@code p}. {@code columns} are the table's column ordinals to read, in
 * output order; {@code outputSchema} describes them.
 */
public record TableScanNode(TableHandle table, List<Integer> columns, int splitCount, RowSchema outputSchema)
    implements PlanNode {

  public TableScanNode {
    columns = List.copyOf(columns);
  }

  @Override
  public List<PlanNode> children() {
    return List.of();
  }
}
