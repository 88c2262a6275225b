package io.quiver.planner.explain;

import io.quiver.exec.fragment.node.PlanNode;
import io.quiver.exec.fragment.stage.StageFragment;
import io.quiver.exec.fragment.stage.StagePlan;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The optimizer's row count estimate of every fragment node of a stage plan (over all partitions of
 * its stage), for EXPLAIN ANALYZE to show beside the rows the node really produced. Nodes are
 * numbered per stage as the executors number their operators: pre-order from the fragment's root,
 * children in {@link PlanNode#children()} order.
 *
 * @param byStage per stage id, the estimates by node id; null where the planner made the node
 *     without a relational expression of its own (a partial aggregate, for example)
 */
public record RowEstimates(Map<Integer, List<Double>> byStage) {

  /** No estimates. */
  public static final RowEstimates NONE = new RowEstimates(Map.of());

  public RowEstimates {
    byStage = Map.copyOf(byStage);
  }

  /** The estimate of node {@code nodeId} of stage {@code stageId}, or null when there is none. */
  public Double estimate(int stageId, int nodeId) {
    List<Double> nodes = byStage.get(stageId);
    return nodes == null || nodeId < 0 || nodeId >= nodes.size() ? null : nodes.get(nodeId);
  }

  /**
   * @param estimates estimates by node identity (fragment nodes are records: equal nodes may be
   *     different places of the plan, so a map by identity)
   */
  public static RowEstimates of(StagePlan plan, Map<PlanNode, Double> estimates) {
    Map<Integer, List<Double>> byStage = new HashMap<>();
    for (StageFragment stage : plan.stages()) {
      List<Double> nodes = new ArrayList<>();
      preOrder(stage.root(), estimates, nodes);
      byStage.put(stage.stageId(), Collections.unmodifiableList(nodes));
    }
    return new RowEstimates(byStage);
  }

  private static void preOrder(PlanNode node, Map<PlanNode, Double> estimates, List<Double> out) {
    out.add(estimates.get(node));
    for (PlanNode child : node.children()) {
      preOrder(child, estimates, out);
    }
  }
}
