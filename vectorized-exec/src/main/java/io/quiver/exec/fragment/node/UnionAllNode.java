package io.quiver.exec.fragment.node;

import io.quiver.exec.type.RowSchema;
import java.util.List;

/** All rows of all inputs; inputs share the output schema's column types. */
public record UnionAllNode(List<PlanNode> inputs, RowSchema outputSchema) implements PlanNode {

  public UnionAllNode {
    inputs = List.copyOf(inputs);
  }

  @Override
  public List<PlanNode> children() {
    return inputs;
  }
}
