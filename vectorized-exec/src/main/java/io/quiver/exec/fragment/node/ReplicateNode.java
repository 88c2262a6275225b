package io.quiver.exec.fragment.node;

import io.quiver.exec.type.RowSchema;
import java.util.List;

/**
 * Emits each input row as many times as its count column says (none for a count that is NULL, zero
 * or negative), keeping only {@code outputColumns}. What INTERSECT ALL and EXCEPT ALL end with:
 * each distinct row, counted per side, is repeated min(...) or (left - right) times.
 *
 * @param countColumn the input column (BIGINT) with each row's number of copies
 * @param outputColumns the input columns of the output, in order
 */
public record ReplicateNode(PlanNode input, int countColumn, List<Integer> outputColumns, RowSchema outputSchema)
    implements PlanNode {

  public ReplicateNode {
    outputColumns = List.copyOf(outputColumns);
    if (outputColumns.size() != outputSchema.size()) {
      throw new IllegalArgumentException("a replicate's output schema must have one column per output column");
    }
  }

  @Override
  public List<PlanNode> children() {
    return List.of(input);
  }
}
