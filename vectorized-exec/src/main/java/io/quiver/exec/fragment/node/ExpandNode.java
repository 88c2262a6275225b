package io.quiver.exec.fragment.node;

import io.quiver.exec.type.RowSchema;
import java.util.List;

/**
 * Emits every input row once per grouping set (Spark's Expand). Output: the input columns as they
 * are (aggregates read these, so that {@code sum(a)} in a grand total still sums a), then one key
 * column per group column (a copy of it, NULL in the copies of a set that does not group on it),
 * then the set's grouping id (BIGINT, not NULL). A GROUPING SETS aggregate groups the output by the
 * key columns plus the grouping id, in one pass over the input.
 *
 * @param groupColumns the input columns the key columns copy, in order
 * @param sets the grouping sets, each as the group columns (input ordinals) it nulls and its id
 */
public record ExpandNode(PlanNode input, List<Integer> groupColumns, List<GroupingSet> sets, RowSchema outputSchema)
    implements PlanNode {

  /**
   * One grouping set.
   *
   * @param nulledColumns group columns (input ordinals) whose key column is NULL in this set's copies
   * @param groupingId the value of the grouping id column in this set's copies
   */
  public record GroupingSet(List<Integer> nulledColumns, long groupingId) {
    public GroupingSet {
      nulledColumns = List.copyOf(nulledColumns);
    }
  }

  public ExpandNode {
    groupColumns = List.copyOf(groupColumns);
    sets = List.copyOf(sets);
    if (sets.isEmpty()) {
      throw new IllegalArgumentException("an expand needs at least one grouping set");
    }
    if (outputSchema.size() != input.outputSchema().size() + groupColumns.size() + 1) {
      throw new IllegalArgumentException("an expand's output is its input's columns, the key columns and the"
          + " grouping id");
    }
  }

  @Override
  public List<PlanNode> children() {
    return List.of(input);
  }
}
