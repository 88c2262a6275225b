package io.quiver.exec.fragment.node;

import io.quiver.exec.type.RowSchema;
import java.util.List;

/**
 * Hash aggregation. Output columns are the group keys, in order, followed by one column per
 * aggregate (SINGLE, FINAL) or by each aggregate's intermediate columns (PARTIAL). With no group
 * keys a SINGLE or FINAL aggregate yields exactly one row, even on empty input; a PARTIAL one with
 * no keys yields one row per task.
 */
public record AggregateNode(PlanNode input, AggregateStep step, List<Integer> groupKeys,
    List<AggregateCall> aggregates, RowSchema outputSchema) implements PlanNode {

  public AggregateNode {
    groupKeys = List.copyOf(groupKeys);
    aggregates = List.copyOf(aggregates);
  }

  @Override
  public List<PlanNode> children() {
    return List.of(input);
  }
}
