package io.quiver.engine.executor;

import io.quiver.engine.event.Outcome;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.shuffle.MapOutputStatistics;
import io.quiver.exec.task.TaskMetrics;

/**
 * How a task attempt ended.
 *
 * @param outputStatistics what it wrote to the shuffle; null unless it succeeded
 * @param failure why it failed or stopped; null when it succeeded
 */
public record TaskResult(Outcome outcome, MapOutputStatistics outputStatistics, TaskMetrics metrics,
    long durationNanos, QuiverException failure) {
}
