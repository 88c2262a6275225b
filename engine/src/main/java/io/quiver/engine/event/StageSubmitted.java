package io.quiver.engine.event;

import java.util.List;

/** All stages feeding a stage completed, so its tasks (one per partition) were queued. */
public record StageSubmitted(String jobId, long timeMillis, int stageId, int taskCount, List<Integer> sourceStageIds)
    implements QueryEvent {

  public StageSubmitted {
    sourceStageIds = List.copyOf(sourceStageIds);
  }
}
