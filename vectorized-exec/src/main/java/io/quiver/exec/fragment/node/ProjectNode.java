package io.quiver.exec.fragment.node;

import io.quiver.exec.fragment.expression.Expression;
import io.quiver.exec.type.RowSchema;
import java.util.List;

/** Computes one output column per expression over each input batch. */
public record ProjectNode(PlanNode input, List<Expression> projections, RowSchema outputSchema)
    implements PlanNode {

  public ProjectNode {
    projections = List.copyOf(projections);
  }

  @Override
  public List<PlanNode> children() {
    return List.of(input);
  }
}
