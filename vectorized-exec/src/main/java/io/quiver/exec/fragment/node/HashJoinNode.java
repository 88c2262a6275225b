package io.quiver.exec.fragment.node;

import io.quiver.exec.fragment.expression.Expression;
import io.quiver.exec.type.RowSchema;
import java.util.List;

/**
 * An equi-join by hashing: the build input is read to its end into a hash table on
 * {@code buildKeys}, then the probe input streams through it on {@code probeKeys} (same count,
 * pairwise the same types). Keys equal only when neither is NULL.
 *
 * <p>{@code residualCondition} (may be null) is evaluated over a joined row whose columns are the
 * probe columns followed by the build columns; a pair matches only when it is TRUE.
 *
 * <p>Output: the probe columns followed by the build columns, or only the probe columns when
 * {@link JoinType#probeColumnsOnly()}.
 */
public record HashJoinNode(PlanNode probe, PlanNode build, JoinType joinType, List<Integer> probeKeys,
    List<Integer> buildKeys, Expression residualCondition, RowSchema outputSchema) implements PlanNode {

  public HashJoinNode {
    probeKeys = List.copyOf(probeKeys);
    buildKeys = List.copyOf(buildKeys);
    if (probeKeys.size() != buildKeys.size()) {
      throw new IllegalArgumentException("probe and build key counts differ");
    }
  }

  @Override
  public List<PlanNode> children() {
    return List.of(probe, build);
  }
}
