package io.quiver.engine.executor;

import io.quiver.exec.fragment.stage.StageFragment;
import io.quiver.exec.task.CancellationToken;
import io.quiver.exec.task.ResultSink;
import io.quiver.exec.task.TaskId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything needed to start one task attempt.
 *
 * @param resultSink where the result stage's rows go; null for other stages
 * @param sourceLocations for every stage feeding this one, the executor holding each map partition's output
 * @param preferredExecutor the executor holding most of the task's input; null for none
 * @param excludedExecutors executors where this partition already failed; avoided while others have room
 * @param jobMemoryLimitBytes the most bytes all tasks of the job may hold at once on the in-process
 *     executor ({@link Long#MAX_VALUE}: the executor's own limit only)
 */
public record TaskLaunch(TaskId taskId, StageFragment fragment, CancellationToken cancellation, ResultSink resultSink,
    Map<Integer, List<String>> sourceLocations, String preferredExecutor, Set<String> excludedExecutors,
    long jobMemoryLimitBytes) {

  public TaskLaunch {
    sourceLocations = Map.copyOf(sourceLocations);
    excludedExecutors = Set.copyOf(excludedExecutors);
  }
}
