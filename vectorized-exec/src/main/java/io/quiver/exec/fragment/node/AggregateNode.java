package io.quiver.exec.fragment.node;

import io.quiver.exec.type.RowSchema;
import java.util.List;

/**
 * Hash aggregation. Output columns are the group keys, in order, followed by one column per
 * aggregate (SINGLE, FINAL) or by each aggregate's intermediate columns (PARTIAL). With no group
 * keys a SINGLE or FINAL aggregate yields exactly one row, even on empty input; a PARTIAL one with
 * no keys yields one row per task.
 *
 * @param emptyGroupingSetId for the aggregate of GROUPING SETS that include the empty set {@code ()}:
 *     the last group key is the grouping id (BIGINT), and the group whose other keys are all NULL and
 *     whose grouping id is this value is emitted even when no row reached it (in every task of a
 *     PARTIAL step, so that the FINAL step has the group even over empty input). Null otherwise.
 */
public record AggregateNode(PlanNode input, AggregateStep step, List<Integer> groupKeys,
    List<AggregateCall> aggregates, RowSchema outputSchema, Long emptyGroupingSetId) implements PlanNode {

  public AggregateNode {
    groupKeys = List.copyOf(groupKeys);
    aggregates = List.copyOf(aggregates);
    if (emptyGroupingSetId != null && (groupKeys.isEmpty() || step == AggregateStep.FINAL)) {
      throw new IllegalArgumentException("the empty grouping set needs a grouping id key and a SINGLE or"
          + " PARTIAL step");
    }
  }

  /** An aggregate without the empty grouping set's group. */
  public AggregateNode(PlanNode input, AggregateStep step, List<Integer> groupKeys,
      List<AggregateCall> aggregates, RowSchema outputSchema) {
    this(input, step, groupKeys, aggregates, outputSchema, null);
  }

  @Override
  public List<PlanNode> children() {
    return List.of(input);
  }
}
