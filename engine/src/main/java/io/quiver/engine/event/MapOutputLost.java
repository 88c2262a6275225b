package io.quiver.engine.event;

/**
 * The output of one map partition is gone with the executor that held it; that partition of the
 * stage runs again when a later stage still needs it (lineage).
 */
public record MapOutputLost(String jobId, long timeMillis, int stageId, int mapPartition, String executorId)
    implements QueryEvent {
}
