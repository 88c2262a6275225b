package io.quiver.engine.scheduler;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.fragment.stage.OutputPartitioning;
import io.quiver.exec.fragment.stage.StageFragment;
import io.quiver.exec.fragment.stage.StagePlan;
import java.util.HashSet;
import java.util.Set;

/** Checks that a stage plan is a DAG the scheduler can run. */
final class StagePlans {

  private StagePlans() {
  }

  static void validate(StagePlan plan) {
    Set<Integer> read = new HashSet<>();
    plan.stages().forEach(stage -> read.addAll(stage.sourceStageIds()));
    for (StageFragment stage : plan.stages()) {
      if (stage != plan.resultStage() && !read.contains(stage.stageId())) {
        throw invalid("no stage reads the output of stage " + stage.stageId());
      }
    }
    Set<Integer> seen = new HashSet<>();
    for (StageFragment stage : plan.stages()) {
      for (int source : stage.sourceStageIds()) {
        if (!seen.contains(source)) {
          throw invalid("stage " + stage.stageId() + " reads stage " + source + ", which does not come before it");
        }
      }
      if (!seen.add(stage.stageId())) {
        throw invalid("two stages have id " + stage.stageId());
      }
      boolean isResult = stage == plan.resultStage();
      if (isResult != (stage.output() instanceof OutputPartitioning.Result)) {
        throw invalid(isResult ? "the last stage " + stage.stageId() + " does not send its rows to the result"
            : "stage " + stage.stageId() + " sends its rows to the result but is not the last stage");
      }
    }
  }

  private static QuiverException invalid(String message) {
    return new QuiverException(ErrorCode.INTERNAL_ERROR, "invalid stage plan: " + message);
  }
}
