package io.quiver.engine.event;

/**
 * A task started running in an executor slot.
 *
 * @param executorId the executor it runs on
 * @param slot the number of its slot on that executor (0 to its slots - 1)
 */
public record TaskStarted(String jobId, long timeMillis, int stageId, int partition, int attempt, String executorId,
    int slot)
    implements QueryEvent {
}
