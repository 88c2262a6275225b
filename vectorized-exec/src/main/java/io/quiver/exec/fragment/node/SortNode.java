package io.quiver.exec.fragment.node;

import io.quiver.exec.type.RowSchema;
import java.util.List;

/** Sorts all rows of its input by the keys (stable for equal keys is not promised). */
public record SortNode(PlanNode input, List<SortKey> keys) implements PlanNode {

  public SortNode {
    keys = List.copyOf(keys);
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
