package io.quiver.exec.fragment.stage;

import io.quiver.exec.fragment.node.PlanNode;
import java.util.List;

/**
 * One stage of a job: the fragment every task of the stage runs, how many partitions (and so tasks)
 * it has, where its output goes, and which stages feed it through exchanges.
 */
public record StageFragment(int stageId, PlanNode root, int partitionCount, OutputPartitioning output,
    List<Integer> sourceStageIds) {

  public StageFragment {
    if (partitionCount < 1) {
      throw new IllegalArgumentException("stage " + stageId + " needs at least one partition");
    }
    sourceStageIds = List.copyOf(sourceStageIds);
  }
}
