package io.quiver.exec.fragment.node;

import io.quiver.exec.type.RowSchema;
import java.util.List;

/** Skips {@code offset} rows, then passes at most {@code fetch} rows ({@code fetch < 0}: all). */
public record LimitNode(PlanNode input, long offset, long fetch) implements PlanNode {

  @Override
  public RowSchema outputSchema() {
    return input.outputSchema();
  }

  @Override
  public List<PlanNode> children() {
    return List.of(input);
  }
}
