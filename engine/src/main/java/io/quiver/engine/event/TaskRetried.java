package io.quiver.engine.event;

/**
 * A task attempt ended without output and its partition will run again (on another executor when
 * one has room).
 *
 * @param failedAttempt the attempt that ended
 * @param reason why it ended: its error, a lost executor or a failed shuffle fetch
 */
public record TaskRetried(String jobId, long timeMillis, int stageId, int partition, int failedAttempt, String reason)
    implements QueryEvent {
}
