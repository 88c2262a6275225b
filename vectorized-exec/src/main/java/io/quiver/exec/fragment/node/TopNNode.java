package io.quiver.exec.fragment.node;

import io.quiver.exec.type.RowSchema;
import java.util.List;

/** The first {@code count} rows of its input in key order, produced in that order. */
public record TopNNode(PlanNode input, List<SortKey> keys, long count) implements PlanNode {

  public TopNNode {
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
