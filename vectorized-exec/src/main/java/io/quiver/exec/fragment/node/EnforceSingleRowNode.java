package io.quiver.exec.fragment.node;

import io.quiver.exec.type.RowSchema;
import java.util.List;

/**
 * The value of a scalar subquery: exactly one row, its input's only row, or a row of NULLs when the
 * input has none; a second input row is an error (SQLState 21000). Runs in one partition.
 *
 * @param outputSchema the input's columns, all nullable
 */
public record EnforceSingleRowNode(PlanNode input, RowSchema outputSchema) implements PlanNode {

  @Override
  public List<PlanNode> children() {
    return List.of(input);
  }
}
