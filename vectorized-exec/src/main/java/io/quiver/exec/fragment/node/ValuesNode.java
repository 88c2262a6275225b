package io.quiver.exec.fragment.node;

import io.quiver.exec.fragment.expression.Literal;
import io.quiver.exec.type.RowSchema;
import java.util.List;

/** Constant rows. Produced once, by partition 0 of its stage. */
public record ValuesNode(List<List<Literal>> rows, RowSchema outputSchema) implements PlanNode {

  public ValuesNode {
    rows = rows.stream().map(List::copyOf).toList();
  }

  @Override
  public List<PlanNode> children() {
    return List.of();
  }
}
