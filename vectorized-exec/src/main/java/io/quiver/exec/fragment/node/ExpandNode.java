package io.quiver.exec.fragment.node;

import io.quiver.exec.type.RowSchema;
import java.util.List;

/**
 * Emits every input row once per grouping set (Spark's Expand): in the copy for a set, the group
 * columns outside the set are NULL, and a last column (BIGINT, not NULL) holds the set's grouping
 * id. Output: the input columns, then the grouping id. A GROUPING SETS aggregate groups the output
 * by the union of its sets' columns plus the grouping id, in one pass over the input.
 *
 * @param sets the grouping sets, each as the input columns it nulls and its grouping id
 */
public record ExpandNode(PlanNode input, List<GroupingSet> sets, RowSchema outputSchema) implements PlanNode {

  /**
   * One grouping set.
   *
   * @param nulledColumns input columns that are NULL in this set's copy of a row
   * @param groupingId the value of the grouping id column in this set's copies
   */
  public record GroupingSet(List<Integer> nulledColumns, long groupingId) {
    public GroupingSet {
      nulledColumns = List.copyOf(nulledColumns);
    }
  }

  public ExpandNode {
    sets = List.copyOf(sets);
    if (sets.isEmpty()) {
      throw new IllegalArgumentException("an expand needs at least one grouping set");
    }
    if (outputSchema.size() != input.outputSchema().size() + 1) {
      throw new IllegalArgumentException("an expand's output is its input's columns and the grouping id");
    }
  }

  @Override
  public List<PlanNode> children() {
    return List.of(input);
  }
}
