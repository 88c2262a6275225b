package io.quiver.exec.fragment.node;

import io.quiver.exec.fragment.expression.Expression;
import io.quiver.exec.type.RowSchema;
import java.util.List;

/** Keeps the rows for which {@code condition} is TRUE (not FALSE, not NULL). */
public record FilterNode(PlanNode input, Expression condition) implements PlanNode {

  @Override
  public RowSchema outputSchema() {
    return input.outputSchema();
  }

  @Override
  public List<PlanNode> children() {
    return List.of(input);
  }
}
