package io.quiver.exec.fragment.node;

import io.quiver.exec.type.RowSchema;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Window functions over partitions of the input. The input of each task holds every row of the
 * partitions it sees (the stage is hash-partitioned on the PARTITION BY keys, or in one partition)
 * and arrives sorted by the partition keys and then {@code orderKeys} (a {@link SortNode} below, or an
 * input already in that order). The node passes its input rows through in that order and appends
 * one column per call.
 *
 * @param partitionKeys the PARTITION BY columns; NULLs form a partition of their own
 * @param orderKeys the ORDER BY keys; rows equal on all of them are peers
 * @param calls the functions; all share this partitioning and order (their frames may differ)
 * @param outputSchema the input's columns, then one column per call
 */
public record WindowNode(PlanNode input, List<Integer> partitionKeys, List<SortKey> orderKeys,
    List<WindowCall> calls, RowSchema outputSchema) implements PlanNode {

  public WindowNode {
    partitionKeys = List.copyOf(partitionKeys);
    orderKeys = List.copyOf(orderKeys);
    calls = List.copyOf(calls);
    if (outputSchema.size() != input.outputSchema().size() + calls.size()) {
      throw new IllegalArgumentException("a window's output is its input's columns and one column per call");
    }
  }

  @Override
  public List<PlanNode> children() {
    return List.of(input);
  }

  /** {@code OVER (PARTITION BY $0 ORDER BY $1 DESC NULLS FIRST)}, for EXPLAIN and error messages. */
  public String describeWindow() {
    StringBuilder text = new StringBuilder("OVER (");
    if (!partitionKeys.isEmpty()) {
      text.append("PARTITION BY ").append(partitionKeys.stream().map(key -> "$" + key)
          .collect(Collectors.joining(", ")));
    }
    if (!orderKeys.isEmpty()) {
      text.append(partitionKeys.isEmpty() ? "" : " ").append("ORDER BY ").append(orderKeys.stream()
          .map(key -> "$" + key.column() + (key.ascending() ? " ASC" : " DESC")
              + (key.nullsFirst() ? " NULLS FIRST" : " NULLS LAST"))
          .collect(Collectors.joining(", ")));
    }
    return text.append(')').toString();
  }
}
