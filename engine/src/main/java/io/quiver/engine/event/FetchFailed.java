package io.quiver.engine.event;

/**
 * A task could not read a map partition's output from the executor holding it.
 *
 * @param executorId the executor that did not serve the output
 */
public record FetchFailed(String jobId, long timeMillis, int stageId, int partition, int attempt,
    int sourceStageId, int mapPartition, String executorId) implements QueryEvent {
}
