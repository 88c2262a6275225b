package io.quiver.engine.event;

/** A task started running in an executor slot. */
public record TaskStarted(String jobId, long timeMillis, int stageId, int partition, int attempt)
    implements QueryEvent {
}
