package io.quiver.exec.fragment.stage;

import java.util.List;

/**
 * The stage DAG of one query: stages in an order where every stage comes after the stages that
 * feed it; the last is the result stage, whose output is {@link OutputPartitioning.Result}.
 */
public record StagePlan(List<StageFragment> stages) {

  public StagePlan {
    stages = List.copyOf(stages);
    if (stages.isEmpty()) {
      throw new IllegalArgumentException("a stage plan needs at least one stage");
    }
  }

  public StageFragment resultStage() {
    return stages.get(stages.size() - 1);
  }

  public StageFragment stage(int stageId) {
    for (StageFragment stage : stages) {
      if (stage.stageId() == stageId) {
        return stage;
      }
    }
    throw new IllegalArgumentException("no stage " + stageId);
  }
}
