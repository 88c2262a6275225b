package io.quiver.engine.event;

/** A job (one query execution) was submitted; its first stages follow. */
public record JobStarted(String jobId, long timeMillis, String sql, int stageCount) implements QueryEvent {
}
