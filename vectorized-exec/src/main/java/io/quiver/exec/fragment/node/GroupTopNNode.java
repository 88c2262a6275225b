package io.quiver.exec.fragment.node;

import io.quiver.exec.type.RowSchema;
import java.util.List;

/**
 * Keeps, among the rows of one task, those that rank among the first {@code count} of their
 * partition: by {@code rank} (ROW_NUMBER, RANK or DENSE_RANK) over {@code orderKeys} within the
 * groups of equal {@code partitionKeys} (NULLs equal). It may keep more rows when keeping fewer would
 * not pay; the window above computes the exact ranks. Output: the input's columns, in no order.
 */
public record GroupTopNNode(PlanNode input, List<Integer> partitionKeys, List<SortKey> orderKeys,
    WindowFunction rank, long count) implements PlanNode {

  public GroupTopNNode {
    partitionKeys = List.copyOf(partitionKeys);
    orderKeys = List.copyOf(orderKeys);
    if (rank != WindowFunction.ROW_NUMBER && rank != WindowFunction.RANK && rank != WindowFunction.DENSE_RANK) {
      throw new IllegalArgumentException("a group top-N ranks by ROW_NUMBER, RANK or DENSE_RANK, not " + rank);
    }
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative: " + count);
    }
  }

  @Override
  public RowSchema outputSchema() {
    return input.outputSchema();
  }

  @Override
  public List<PlanNode> children() {
    return List.of(input);
  }
}
